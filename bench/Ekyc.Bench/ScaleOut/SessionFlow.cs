using System.Net;
using System.Net.Http.Json;

namespace Ekyc.Bench.ScaleOut;

/// <summary>One customer's session through the whole flow, as the tenant's backend and the customer's app do it.</summary>
public static class SessionFlow
{
    public sealed record Outcome(string Id, string Status, DateTimeOffset SubmittedAt, DateTimeOffset DecidedAt);

    private static readonly HashSet<string> Terminal = ["approved", "rejected", "manual_review"];

    /// <summary>
    /// Create (secret key, with the receiver as the session's webhook URL), upload the document's sides and the selfie, submit (client token),
    /// then poll until decided with the secret key, as the tenant's backend does: the client token's view holds the status
    /// only, not the submission and decision times.
    /// </summary>
    public static async Task<Outcome> RunAsync(ClusterClient cluster, string apiKey, Uri webhookUrl, int index, ScaleOutCapture capture, Action onSubmitted)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var (status, created) = await cluster.SendAsync(() => Post("/v1/sessions", $"{run}-create",
            JsonContent.Create(new { reference = $"scaleout-{index}", webhook_url = webhookUrl, document_types = new[] { capture.DocumentType } })), apiKey);
        Expect(HttpStatusCode.Created, status, "create");
        var id = created!["id"]!.GetValue<string>();
        var token = created["client_token"]!.GetValue<string>();

        foreach (var (side, image) in new[] { ("front", capture.Front), ("back", capture.Back) })
        {
            if (image is null)
                continue;
            (status, _) = await cluster.SendAsync(() => Post($"/v1/sessions/{id}/documents", $"{run}-{side}",
                Form(image, ("side", side), ("type", capture.DocumentType))), token);
            Expect(HttpStatusCode.Created, status, $"document upload ({side})");
        }
        (status, _) = await cluster.SendAsync(() => Post($"/v1/sessions/{id}/selfie", $"{run}-selfie", Form(capture.Selfie)), token);
        Expect(HttpStatusCode.Created, status, "selfie upload");
        (status, _) = await cluster.SendAsync(() => Post($"/v1/sessions/{id}/submit", $"{run}-submit", null), token);
        Expect(HttpStatusCode.Accepted, status, "submit");
        onSubmitted();

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            var (_, session) = await cluster.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"/v1/sessions/{id}"), apiKey);
            var current = session?["status"]?.GetValue<string>() ?? "";
            if (Terminal.Contains(current))
                return new Outcome(id, current, session!["submitted_at"]!.GetValue<DateTimeOffset>(), session["decided_at"]!.GetValue<DateTimeOffset>());
            if (DateTime.UtcNow > deadline)
                return new Outcome(id, current, default, default);
            await Task.Delay(100);
        }
    }

    private static HttpRequestMessage Post(string path, string idempotencyKey, HttpContent? content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    private static MultipartFormDataContent Form(byte[] image, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        form.Add(new ByteArrayContent(image), "file", "photo.jpg");
        return form;
    }

    private static void Expect(HttpStatusCode expected, HttpStatusCode actual, string step)
    {
        if (expected != actual)
            throw new InvalidOperationException($"{step}: expected {(int)expected}, got {(int)actual}.");
    }
}
