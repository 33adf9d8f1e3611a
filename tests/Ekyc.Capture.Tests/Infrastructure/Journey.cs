using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>
/// One customer's way through the page: a screenshot and an axe-core run at every step, every console error and
/// failed request collected (a CSP violation is a console error), and the traffic counted.
/// </summary>
public sealed class Journey
{
    private readonly string _name;
    private readonly string _viewport;
    private int _step;

    public Journey(IPage page, string name, bool phone)
    {
        Page = page;
        _name = name;
        _viewport = phone ? "phone" : "desktop";
        page.Console += (_, message) =>
        {
            // An HTTP error answer the page expects (the 404 of a missing liveness challenge, the 401 of an expired
            // link) is logged by Chromium as "Failed to load resource"; anything else, CSP violations included, counts.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                ConsoleErrors.Add(message.Text);
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
        page.RequestFinished += (_, request) => _sizes.Add(SizeOf(request));
        page.RequestFailed += (_, request) => FailedRequests.Add($"{request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/pose?", StringComparison.Ordinal))
                _poseChecks.Add(PoseCheckAsync(response, _clock.Elapsed));
        };
    }

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly List<Task<string>> _poseChecks = [];

    private readonly List<Task<(string Url, long Down, long Up)>> _sizes = [];

    public IPage Page { get; }
    public List<string> ConsoleErrors { get; } = [];
    public List<string> FailedRequests { get; } = [];
    public List<string> AccessibilityViolations { get; } = [];

    public static string ScreenshotFolder => Path.Combine(Repo.Root, "tests", "Ekyc.Capture.Tests", "TestResults", "screenshots");

    /// <summary>Waits for the step's heading, then records the step.</summary>
    public async Task StepAsync(string name, string heading, int timeoutMs = 30_000)
    {
        try
        {
            await Page.Locator("h1#step-title").Filter(new() { HasText = heading }).WaitForAsync(new() { Timeout = timeoutMs });
        }
        catch (TimeoutException)
        {
            // What the page showed instead is the first thing to look at.
            Directory.CreateDirectory(ScreenshotFolder);
            await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{_name}-{name}-timeout.png"), FullPage = true });
            throw new TimeoutException($"'{heading}' not shown; the page says: {await Page.InnerTextAsync("main")}; console: {string.Join(" | ", ConsoleErrors)}"
                + $"; pose checks ({_poseChecks.Count}), the last ones: {string.Join(" | ", await Task.WhenAll(_poseChecks.TakeLast(12)))}");
        }
        await RecordAsync(name);
    }

    /// <summary>Time spent taking screenshots and running axe-core: the test's own, not the customer's.</summary>
    public TimeSpan RecordingTime { get; private set; }

    public async Task RecordAsync(string name)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _step++;
        var folder = Path.Combine(ScreenshotFolder, _viewport);
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{_name}-{_step:D2}-{name}.png"), FullPage = true });
        AxeResult result = await Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            AccessibilityViolations.Add($"{name}: {violation.Id} ({violation.Impact}) {violation.Help}: {string.Join(" | ", violation.Nodes.Select(n => n.Html))}");
        RecordingTime += clock.Elapsed;
    }

    /// <summary>
    /// Requests, bytes received (headers and bodies) and bytes sent (headers, and the bodies Chromium reports: it does
    /// not report multipart bodies built from blobs, so the flow tests add the uploaded images' sizes themselves).
    /// </summary>
    public async Task<(long Down, long Up, int Requests)> TrafficAsync()
    {
        var sizes = await Task.WhenAll(_sizes);
        return (sizes.Sum(s => s.Down), sizes.Sum(s => s.Up), sizes.Length);
    }

    /// <summary>Every URL the page fetched (its own, its assets, the API, blob: previews).</summary>
    public async Task<IReadOnlyList<string>> UrlsAsync() => (await Task.WhenAll(_sizes)).Select(s => s.Url).ToList();

    public void AssertClean()
    {
        Assert.True(AccessibilityViolations.Count == 0, "axe-core: " + string.Join("\n", AccessibilityViolations));
        Assert.True(ConsoleErrors.Count == 0, "console: " + string.Join("\n", ConsoleErrors));
    }

    /// <summary>What the server said about a challenge frame, for the message of a challenge that never ends.</summary>
    private static async Task<string> PoseCheckAsync(IResponse response, TimeSpan at)
    {
        try
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync());
            return $"{at.TotalSeconds:F1}s {response.Status} step {body?["step"]} matched {body?["matched"]} hint {body?["hint"]} yaw {body?["yaw"]} faces {body?["faces"]} {body?["code"]}";
        }
        catch (Exception e) when (e is PlaywrightException or System.Text.Json.JsonException)
        {
            return $"{at.TotalSeconds:F1}s {response.Status} ({e.Message})";
        }
    }

    private static async Task<(string, long, long)> SizeOf(IRequest request)
    {
        var sizes = await request.SizesAsync();
        return (request.Url, (long)sizes.ResponseHeadersSize + sizes.ResponseBodySize, (long)sizes.RequestHeadersSize + sizes.RequestBodySize);
    }
}
