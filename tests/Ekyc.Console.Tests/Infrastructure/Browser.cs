using Microsoft.Playwright;

namespace Ekyc.Console.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, or <c>EKYC_CHROMIUM</c>) driven by Playwright, one per test run.
/// Playwright's own browser download cannot work offline; the system browser is launched by path, headless,
/// without the sandbox (the tests run as root) and without the background traffic a closed network refuses.
/// </summary>
public static class Browser
{
    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    public static Task<IBrowser> GetAsync() => Shared.Value;

    /// <summary>A fresh context (own cookies) at a desktop viewport, or a phone one.</summary>
    public static async Task<IBrowserContext> NewContextAsync(Uri baseAddress, bool phone = false)
    {
        var browser = await GetAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString().TrimEnd('/'),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        // The machines these run on are shared and often loaded: generous waits, which cost nothing when things are fast.
        context.SetDefaultTimeout(90_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        return context;
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("EKYC_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
            throw new InvalidOperationException($"Chromium not found at {path}: `apt-get install chromium` (Debian), or set EKYC_CHROMIUM.");
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }
}
