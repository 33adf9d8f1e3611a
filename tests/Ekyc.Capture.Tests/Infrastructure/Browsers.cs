using Microsoft.Playwright;

namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download: <c>ExecutablePath</c>). A browser given a Y4M file
/// has a fake camera that plays it; one without has no camera at all.
/// </summary>
public sealed class Browsers : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    private IPlaywright? _playwright;
    private readonly List<IBrowser> _browsers = [];

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium missing at {ChromiumPath}: apt-get install -y chromium (.ci/run does).");
        _playwright = await Playwright.CreateAsync();
    }

    public async Task<IBrowser> LaunchAsync(string? fakeVideo = null)
    {
        var args = new List<string>
        {
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
        };
        if (fakeVideo is not null)
            args.AddRange(["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={fakeVideo}"]);
        var browser = await _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = args });
        _browsers.Add(browser);
        return browser;
    }

    /// <summary>A phone: touch, 390×844, mobile user agent; or a desktop at 1280×800.</summary>
    public static Task<IBrowserContext> ContextAsync(IBrowser browser, bool phone, string locale = "en-GB", bool camera = true) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? Phone : Desktop,
            IsMobile = phone,
            HasTouch = phone,
            Locale = locale,
            Permissions = camera ? ["camera"] : [],
            UserAgent = phone
                ? "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36"
                : null,
        });

    public async Task DisposeAsync()
    {
        foreach (var browser in _browsers)
            await browser.CloseAsync();
        _playwright?.Dispose();
    }
}
