using Microsoft.Playwright;

namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>
/// Counts the request bodies the page sends, pose-check frames apart (Chromium reports no size for a body built from a
/// blob): an init script wraps <c>fetch</c> before the page's own scripts run.
/// </summary>
public static class SentBodies
{
    private const string Script = """
        (() => {
          const original = window.fetch;
          window.__sent = { pose: 0, other: 0 };
          window.fetch = function (input, init) {
            const body = init && init.body;
            let size = 0;
            if (body instanceof Blob) size = body.size;
            else if (body instanceof FormData) for (const [, value] of body.entries()) size += value instanceof Blob ? value.size : String(value).length;
            if (String(input).includes('/pose?')) window.__sent.pose += size; else window.__sent.other += size;
            return original.apply(this, arguments);
          };
        })();
        """;

    public static Task CountAsync(IBrowserContext context) => context.AddInitScriptAsync(Script);

    /// <summary>Bytes of pose-check frames, and of every other body (document and selfie uploads), sent so far.</summary>
    public static async Task<(long Pose, long Other)> ReadAsync(IPage page) =>
        (await page.EvaluateAsync<long>("window.__sent.pose"), await page.EvaluateAsync<long>("window.__sent.other"));
}
