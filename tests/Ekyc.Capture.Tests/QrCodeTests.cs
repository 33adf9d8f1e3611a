using Ekyc.Capture.Tests.Infrastructure;
using Ekyc.Server.Capture;
using Ekyc.Server.Data;
using Microsoft.Playwright;

namespace Ekyc.Capture.Tests;

/// <summary>
/// The hand-off QR code drawn as capture.css draws it (whole pixels per module, a grey border), for capture URLs of
/// every length a deployment makes: each must scan, since a code that fails now and then is a customer who cannot
/// move to the phone.
/// </summary>
public sealed class QrCodeTests(Browsers browsers) : IClassFixture<Browsers>
{
    private static readonly string[] PublicBases =
    [
        "http://127.0.0.1:5000", "http://127.0.0.1:41234", "https://kyc.example.com", "https://identity-verification.example-bank.co.uk",
        "https://kyc.internal.example.org:8443/ekyc",
    ];

    [Fact]
    public async Task Every_capture_url_drawn_on_a_desktop_scans_back_to_itself()
    {
        var browser = await browsers.LaunchAsync();
        await using var context = await Browsers.ContextAsync(browser, phone: false, camera: false);
        var page = await context.NewPageAsync();
        var unread = new List<string>();
        foreach (var publicBase in PublicBases)
            for (var i = 0; i < 40; i++)
            {
                var url = $"{publicBase}/capture/{Ids.New("sess")}#t={Ids.Secret("ek_client")}";
                var svg = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(CaptureQr.Svg(url)));
                await page.SetContentAsync($"<img id=qr style='max-width:100%;height:auto;border:1px solid #6b6b76' src='data:image/svg+xml;base64,{svg}'>");
                await page.Locator("#qr").EvaluateAsync("img => img.decode()");
                if (QrScanner.TryDecode(await page.Locator("#qr").ScreenshotAsync()) != url)
                    unread.Add(url);
            }
        Assert.True(unread.Count == 0, $"{unread.Count} unread: {string.Join(" ", unread.Take(3))}");
    }
}
