using System.Diagnostics;
using System.Text.Json.Nodes;
using Ekyc.Capture.Tests.Infrastructure;
using Ekyc.Verification.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Ekyc.Capture.Tests;

/// <summary>
/// The hosted capture page in Debian's Chromium against the real server and engines: a fake camera filming a rendered
/// passport and a real person answering the liveness challenge (<see cref="HeadMotion"/>: turns only, the frames hold
/// no blink), the customer's clicks, and the session's decision read back through the API.
/// </summary>
public sealed class CaptureFlowTests(TurnsOnlyCaptureServer server, Browsers browsers, ITestOutputHelper output)
    : IClassFixture<TurnsOnlyCaptureServer>, IClassFixture<Browsers>
{
    private static readonly string[] Checks = ["document_authenticity", "face_match", "sanctions_screening"];

    private Task<JsonObject> CreateSessionAsync(params string[] documentTypes) => server.CreateSessionAsync(new
    {
        reference = "capture-test",
        document_types = documentTypes,
        checks = Checks,
        return_url = "https://shop.example.com/verified",
    });

    private static string CaptureUrl(JsonObject session) => session["capture_url"]!.GetValue<string>();
    private static string Id(JsonObject session) => session["id"]!.GetValue<string>();

    /// <summary>
    /// Every requested check passes on what the page captured. The decision is the policy's: approved, or manual review
    /// when the weakest confidence (the OCR's, on a 1280×720 camera frame) is under Decision:MinApproveConfidence.
    /// </summary>
    private static void AssertEveryCheckPassed(JsonObject decided, string report)
    {
        Assert.True(decided["checks"]!["document_authenticity"]!.GetValue<string>() == "pass", report);
        Assert.True(decided["checks"]!["face_match"]!.GetValue<string>() == "pass", report);
        Assert.True(decided["checks"]!["sanctions_screening"]!.GetValue<string>() == "clear", report);
        var status = decided["status"]!.GetValue<string>();
        Assert.True(status == "approved" || (status == "manual_review" && decided["decision"]!["rule"]!.GetValue<string>() == "low_confidence"), report);
    }

    private async Task<string> ReportAsync(string id)
    {
        using var client = server.Client();
        return await client.GetStringAsync($"/v1/sessions/{id}/report");
    }

    /// <summary>
    /// The page marks its viewfinder once the camera plays (a locator wait: Playwright's polled functions are
    /// evaluated with eval, which the page's CSP rightly refuses).
    /// </summary>
    private static Task CameraLiveAsync(IPage page) => page.Locator(".viewfinder[data-state='live']").WaitForAsync();

    /// <summary>The holder's passport on the desk, for the flows that go on to his selfie.</summary>
    private static byte[] HolderPassportOnDesk() => Scenes.PassportOnDesk(passport: HeadMotion.PassportJpeg());

    /// <summary>From the document step to the selfie's upload, with the fake camera: the passport, then the head motion answering the challenge.</summary>
    private async Task CaptureWithCameraAsync(IPage page, Journey journey, FakeCamera camera)
    {
        // Swapped in before the shot: the document camera keeps the file it opened, and the selfie camera must not
        // start before the swap (encoding the loop takes seconds under load), or it films the passport on the desk,
        // whose portrait passes as the frontal reference and then never turns.
        var person = HeadMotion.Loop(server.Services.GetRequiredService<ModelStore>());
        await journey.StepAsync("document-front", "Front of your passport");
        await CameraLiveAsync(page);
        await journey.RecordAsync("document-camera");
        camera.Show(person);
        await page.ClickAsync("#shoot");

        await journey.StepAsync("selfie", "Take a selfie", timeoutMs: 60_000);
        await CameraLiveAsync(page);
        await journey.RecordAsync("selfie-camera");
        await page.ClickAsync("#selfie-start");
    }

    [Fact]
    public async Task A_phone_with_a_camera_goes_from_capture_url_to_a_decided_session()
    {
        using var camera = new FakeCamera(HolderPassportOnDesk());
        var browser = await browsers.LaunchAsync(camera.Path);
        await using var context = await Browsers.ContextAsync(browser, phone: true);
        await SentBodies.CountAsync(context);
        var page = await context.NewPageAsync();
        var journey = new Journey(page, "camera-flow", phone: true);
        var session = await CreateSessionAsync("passport");

        var clock = Stopwatch.StartNew();
        await page.GotoAsync(CaptureUrl(session));
        await journey.StepAsync("intro", "Verify your identity");
        // The token left the address bar as soon as the page read it.
        Assert.DoesNotContain("#", page.Url);
        await page.ClickAsync("#start");
        await CaptureWithCameraAsync(page, journey, camera);
        await journey.StepAsync("done", "Thank you, you're done", timeoutMs: 120_000);
        var wall = clock.Elapsed;
        var decided = await server.WaitForDecisionAsync(Id(session));
        AssertEveryCheckPassed(decided, await ReportAsync(Id(session)));
        // The customer learns that the capture is complete, never the decision.
        var text = await page.InnerTextAsync("main");
        Assert.DoesNotContain("approved", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("https://shop.example.com/verified", await page.GetAttributeAsync("#return", "href"));

        var (down, up, requests) = await journey.TrafficAsync();
        var images = decided["documents"]!.AsArray().Concat(decided["selfie"]!.AsArray()).Sum(i => i!["size_bytes"]!.GetValue<long>());
        var (poseFrames, uploads) = await SentBodies.ReadAsync(page);
        Metrics.Record("camera_flow", new
        {
            wall_seconds = Math.Round(wall.TotalSeconds, 2), wall_seconds_without_screenshots_and_axe = Math.Round((wall - journey.RecordingTime).TotalSeconds, 2),
            received_bytes = down, sent_bytes_reported = up, uploaded_image_bytes = images, upload_bodies = uploads, pose_check_bytes = poseFrames,
            total_bytes = down + up + uploads + poseFrames, requests, status = decided["status"]!.GetValue<string>(), confidence = decided["confidence"]?.GetValue<double>(),
            // What the camera frame's MRZ read gave, beside what the passport holds (HeadMotion.PassportJpeg).
            document_number = decided["extracted_data"]?["document_number"]?.GetValue<string>(), document_number_printed = HeadMotion.DocumentNumber,
        });
        output.WriteLine($"camera flow: {wall.TotalSeconds:F1} s from first page to the done screen; received {down:N0} B, sent {up:N0} B + uploads {uploads:N0} B "
            + $"(images {images:N0} B) + pose checks {poseFrames:N0} B, {requests} requests");
        journey.AssertClean();
    }

    [Fact]
    public async Task A_desktop_without_a_camera_hands_over_to_a_phone_by_qr_code_and_follows_it()
    {
        var session = await CreateSessionAsync("passport");
        var desktopBrowser = await browsers.LaunchAsync();
        await using var desktopContext = await Browsers.ContextAsync(desktopBrowser, phone: false, camera: false);
        var desktop = await desktopContext.NewPageAsync();
        var desktopJourney = new Journey(desktop, "handoff-desktop", phone: false);
        await desktop.GotoAsync(CaptureUrl(session));
        await desktopJourney.StepAsync("intro", "Verify your identity");
        await desktop.ClickAsync("#start");
        await desktopJourney.StepAsync("qr", "Continue on your phone");
        await desktop.Locator("#qr[data-state='loaded']").WaitForAsync();
        await desktopJourney.RecordAsync("qr-shown");
        // No camera here: the way out on this computer is files.
        Assert.Equal("Upload photos from this computer instead", (await desktop.InnerTextAsync("#continue-here")).Trim());

        // The phone scans the code: the QR holds the whole capture URL, token included.
        var scanned = QrScanner.Decode(await desktop.Locator("#qr").ScreenshotAsync());
        Assert.Equal(CaptureUrl(session), scanned);

        using var camera = new FakeCamera(HolderPassportOnDesk());
        var phoneBrowser = await browsers.LaunchAsync(camera.Path);
        await using var phoneContext = await Browsers.ContextAsync(phoneBrowser, phone: true);
        var phone = await phoneContext.NewPageAsync();
        var phoneJourney = new Journey(phone, "handoff-phone", phone: true);
        await phone.GotoAsync(scanned);
        await phoneJourney.StepAsync("intro", "Verify your identity");
        await phone.ClickAsync("#start");
        await CaptureWithCameraAsync(phone, phoneJourney, camera);

        // The desktop saw the document arrive, then follows the phone to the end.
        await desktop.Locator("#handoff-status").Filter(new() { HasText = "Document received" }).WaitForAsync(new() { Timeout = 30_000 });
        await phoneJourney.StepAsync("done", "Thank you, you're done", timeoutMs: 120_000);
        await desktopJourney.StepAsync("done", "Thank you, you're done", timeoutMs: 30_000);
        AssertEveryCheckPassed(await server.WaitForDecisionAsync(Id(session)), await ReportAsync(Id(session)));
        desktopJourney.AssertClean();
        phoneJourney.AssertClean();
    }

    [Fact]
    public async Task A_dark_photo_and_one_without_a_readable_mrz_are_sent_back_for_a_retake()
    {
        var session = await CreateSessionAsync("passport");
        using var camera = new FakeCamera(Scenes.PassportOnDesk(light: 0.2f));
        var browser = await browsers.LaunchAsync(camera.Path);
        await using var context = await Browsers.ContextAsync(browser, phone: true);
        var page = await context.NewPageAsync();
        var journey = new Journey(page, "retake", phone: true);
        await page.GotoAsync(CaptureUrl(session));
        await journey.StepAsync("intro", "Verify your identity");
        await page.ClickAsync("#start");
        await journey.StepAsync("document-front", "Front of your passport");
        await CameraLiveAsync(page);
        await page.ClickAsync("#shoot");

        // Caught on the phone before any upload.
        await page.Locator("#feedback").Filter(new() { HasText = "too dark" }).WaitForAsync();
        await journey.RecordAsync("client-feedback");
        Assert.Empty((await server.GetSessionAsync(Id(session)))["documents"]!.AsArray());

        camera.Show(Scenes.PassportOnDesk(withMrz: false));
        await page.ClickAsync("#retake");
        await journey.StepAsync("document-front-again", "Front of your passport");
        await CameraLiveAsync(page);
        await page.ClickAsync("#shoot");
        // The server's quick verdict: uploaded, but the MRZ cannot be read.
        await page.Locator("#server-problems li[data-code='mrz_not_found']").WaitForAsync(new() { Timeout = 60_000 });
        await journey.RecordAsync("server-verdict");

        camera.Show(Scenes.PassportOnDesk());
        await page.ClickAsync("#retake");
        await CameraLiveAsync(page);
        await page.ClickAsync("#shoot");
        await journey.StepAsync("selfie", "Take a selfie", timeoutMs: 60_000);
        // The retake replaced the side: one front, the readable one.
        var documents = (await server.GetSessionAsync(Id(session)))["documents"]!.AsArray();
        Assert.Single(documents);
        journey.AssertClean();
    }

    [Fact]
    public async Task Without_a_camera_the_files_go_through_the_whole_flow()
    {
        var session = await CreateSessionAsync("passport", "id_card");
        var browser = await browsers.LaunchAsync();
        await using var context = await Browsers.ContextAsync(browser, phone: false, camera: false);
        var page = await context.NewPageAsync();
        var journey = new Journey(page, "files", phone: false);
        await page.GotoAsync(CaptureUrl(session));
        await journey.StepAsync("intro", "Verify your identity");
        await page.ClickAsync("#start");
        await journey.StepAsync("qr", "Continue on your phone");
        await page.ClickAsync("#continue-here");
        await journey.StepAsync("document-type", "Choose your document");
        await page.CheckAsync("#type-passport");
        await page.ClickAsync("#type-continue");
        await journey.StepAsync("document-front", "Front of your passport");
        await page.Locator("#feedback").Filter(new() { HasText = "camera is not available" }).WaitForAsync();
        await journey.RecordAsync("document-no-camera");
        await page.SetInputFilesAsync("#document-file", new FilePayload { Name = "passport.jpg", MimeType = "image/jpeg", Buffer = Scenes.PassportJpeg() });
        await journey.StepAsync("selfie", "Take a selfie", timeoutMs: 60_000);
        await page.Locator("#feedback").Filter(new() { HasText = "camera is not available" }).WaitForAsync();
        await page.SetInputFilesAsync("#selfie-file", new FilePayload { Name = "selfie.jpg", MimeType = "image/jpeg", Buffer = Scenes.SelfieJpeg() });
        await journey.StepAsync("done", "Thank you, you're done", timeoutMs: 120_000);
        var decided = await server.WaitForDecisionAsync(Id(session));
        AssertEveryCheckPassed(decided, await ReportAsync(Id(session)));
        // The 1,500 px file reads with full confidence: approved outright.
        Assert.Equal("approved", decided["status"]!.GetValue<string>());
        journey.AssertClean();
    }

    [Fact]
    public async Task An_expired_or_incomplete_link_says_so_and_shows_nothing_of_the_session()
    {
        var session = await CreateSessionAsync("passport");
        await using (var connection = await server.Database.OpenAsync())
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE sessions SET client_token_expires_at = @past WHERE id = @id",
                new { id = Id(session), past = Ekyc.Server.Data.Clock.Format(DateTimeOffset.UtcNow.AddMinutes(-1)) });
        var browser = await browsers.LaunchAsync();
        await using var context = await Browsers.ContextAsync(browser, phone: true, camera: false);
        var page = await context.NewPageAsync();
        var journey = new Journey(page, "expired", phone: true);
        await page.GotoAsync(CaptureUrl(session));
        await journey.StepAsync("expired", "This link has expired");
        Assert.Null((await server.GetSessionAsync(Id(session)))["capture_url"]);

        var fresh = await CreateSessionAsync("passport");
        var page2 = await context.NewPageAsync();
        var journey2 = new Journey(page2, "incomplete", phone: true);
        await page2.GotoAsync(CaptureUrl(fresh).Split('#')[0]);
        await journey2.StepAsync("incomplete", "This link is incomplete");
        journey.AssertClean();
        journey2.AssertClean();
    }

    [Fact]
    public async Task The_page_speaks_the_customers_language_and_switches_on_request()
    {
        var session = await CreateSessionAsync("passport", "id_card", "driving_licence");
        var browser = await browsers.LaunchAsync();
        await using var context = await Browsers.ContextAsync(browser, phone: true, locale: "fr-FR", camera: false);
        var page = await context.NewPageAsync();
        var journey = new Journey(page, "french", phone: true);
        await page.GotoAsync(CaptureUrl(session));
        await journey.StepAsync("intro", "Vérifiez votre identité");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await page.ClickAsync("#start");
        await journey.StepAsync("document-type", "Choisissez votre pièce");
        // The switch keeps the session: the token stays in this tab.
        await page.GotoAsync(page.Url.Split('?')[0] + "?lang=en");
        await journey.StepAsync("intro-en", "Verify your identity");
        journey.AssertClean();
    }

    [Fact]
    public async Task The_first_load_fetches_nothing_from_another_origin_and_is_measured()
    {
        var session = await CreateSessionAsync("passport");
        var browser = await browsers.LaunchAsync();
        var interactive = new List<double>();
        long bytes = 0;
        var requests = 0;
        long sent;
        for (var run = 0; run < 5; run++)
        {
            // A cold cache each time: a new context.
            await using var context = await Browsers.ContextAsync(browser, phone: true, camera: false);
            await context.AddInitScriptAsync("""
                new MutationObserver(() => { if (!window.__interactive && document.getElementById('start')) window.__interactive = performance.now(); })
                    .observe(document, { subtree: true, childList: true });
                """);
            var page = await context.NewPageAsync();
            var journey = new Journey(page, "load", phone: true);
            await page.GotoAsync(CaptureUrl(session));
            await page.Locator("#start").WaitForAsync();
            interactive.Add(await page.EvaluateAsync<double>("window.__interactive"));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (bytes, sent, requests) = await journey.TrafficAsync();
            bytes += sent;
            // Works on an offline LAN: the page, its assets and the API all come from this server.
            Assert.All(await journey.UrlsAsync(), url => Assert.StartsWith(server.Address.GetLeftPart(UriPartial.Authority), url));
            journey.AssertClean();
        }
        interactive.Sort();
        var median = interactive[interactive.Count / 2];
        Metrics.Record("phone_first_load", new { interactive_ms_median = Math.Round(median, 1), interactive_ms = interactive, bytes, requests });
        output.WriteLine($"phone first load: time to interactive median {median:F0} ms over {interactive.Count} cold loads; {bytes:N0} bytes in {requests} requests");
    }
}
