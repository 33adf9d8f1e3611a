using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ekyc.Client.Models;
using Ekyc.Client.Tests.Infrastructure;
using Ekyc.Client.Tests.OpenApi;
using Ekyc.Client.Webhooks;
using StandardWebhooks;

namespace Ekyc.Client.Tests.Webhooks;

/// <summary>The verifier on real deliveries from the server, and on signatures made by the StandardWebhooks package.</summary>
public class WebhookVerifierTests(EkycServer server) : IClassFixture<EkycServer>
{
    private const string Body = """{"event":"verification.completed","session_id":"sess_1","status":"approved","created_at":"2026-12-05T12:00:00Z"}""";
    private static readonly DateTimeOffset SignedAt = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    private static string NewSecret() => "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static string Sign(string secret, string body = Body, string id = "evt_1") => new StandardWebhook(secret).Sign(id, SignedAt, body);

    private static WebhookVerifier VerifierAt(DateTimeOffset now, params string[] secrets) => new(secrets, TimeSpan.FromMinutes(5), new FixedTime(now));

    private static string Timestamp => SignedAt.ToUnixTimeSeconds().ToString();

    [Fact]
    public async Task A_real_delivery_verifies_and_reads_as_a_typed_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = receiver.Path("verifier");
        using var backend = new EkycClient(new EkycClientOptions { BaseAddress = server.Address, Credential = server.ApiKey });
        var endpoint = await backend.CreateWebhookEndpointAsync(new CreateWebhookEndpointRequest(receiver.Url(hook), [WebhookEventTypes.DocumentsUploaded]));
        Assert.StartsWith("whsec_", endpoint.Secret);

        var session = await backend.CreateSessionAsync(new CreateSessionRequest { Reference = "hooked", DocumentTypes = [DocumentTypes.Passport] });
        await backend.UploadDocumentAsync(session.Id, new MemoryStream(Inputs.Photo("cage.jpg")), DocumentTypes.Passport);
        var delivery = await receiver.WaitForAsync(hook, r => r.SessionId == session.Id);

        var verified = new WebhookVerifier(endpoint.Secret!).Verify(delivery.Body, delivery.Header);
        Assert.Equal(WebhookEventTypes.DocumentsUploaded, verified.Event);
        Assert.Equal(session.Id, verified.SessionId);
        Assert.Equal(SessionStatus.DocumentsUploaded, verified.Status);
        Assert.Equal("hooked", verified.Reference);
        Assert.Empty(await LiveSchemas.ErrorsAsync(server.Address, "WebhookEvent", delivery.Body));
        Assert.NotEmpty(await LiveSchemas.ErrorsAsync(server.Address, "WebhookEvent", delivery.Body.Replace("\"documents_uploaded\"", "\"no_such_status\"")));
        Assert.Throws<WebhookVerificationException>(() => new WebhookVerifier(NewSecret()).Verify(delivery.Body, delivery.Header));
        Assert.Throws<WebhookVerificationException>(() =>
            new WebhookVerifier(endpoint.Secret!).Verify(delivery.Body.Replace("hooked", "hacked"), delivery.Header));
    }

    [Fact]
    public async Task During_a_secret_rotation_a_real_delivery_carries_both_signatures_and_either_secret_verifies_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = receiver.Path("verifier");
        using var backend = new EkycClient(new EkycClientOptions { BaseAddress = server.Address, Credential = server.ApiKey });
        var endpoint = await backend.CreateWebhookEndpointAsync(new CreateWebhookEndpointRequest(receiver.Url(hook), [WebhookEventTypes.DocumentsUploaded]));
        using var http = new HttpClient { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", server.ApiKey);
        var rotation = await http.PostAsJsonAsync($"/v1/webhook-endpoints/{endpoint.Id}/rotate-secret", new { overlap_seconds = 3600 });
        var newSecret = (await rotation.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();

        var session = await backend.CreateSessionAsync(new CreateSessionRequest { DocumentTypes = [DocumentTypes.Passport] });
        await backend.UploadDocumentAsync(session.Id, new MemoryStream(Inputs.Photo("cage.jpg")), DocumentTypes.Passport);
        var delivery = await receiver.WaitForAsync(hook, r => r.SessionId == session.Id);

        Assert.Equal(2, delivery.Signatures.Length);
        Assert.Equal(session.Id, new WebhookVerifier(endpoint.Secret!).Verify(delivery.Body, delivery.Header).SessionId);
        Assert.Equal(session.Id, new WebhookVerifier(newSecret).Verify(delivery.Body, delivery.Header).SessionId);
        Assert.Equal(session.Id, new WebhookVerifier([NewSecret(), newSecret]).Verify(delivery.Body, delivery.Header).SessionId);
    }

    [Fact]
    public void A_signature_made_by_the_standard_webhooks_package_verifies()
    {
        var secret = NewSecret();
        var verified = VerifierAt(SignedAt.AddSeconds(30), secret).Verify(Body, "evt_1", Timestamp, Sign(secret));
        Assert.Equal(SessionStatus.Approved, verified.Status);
        Assert.Equal("sess_1", verified.SessionId);
    }

    [Fact]
    public void Every_entry_of_a_multi_signature_header_is_checked()
    {
        var secret = NewSecret();
        var verifier = VerifierAt(SignedAt, secret);
        var matching = Sign(secret);
        var others = $"{Sign(NewSecret())} v2,{matching[3..]} v1,not-base64!";

        verifier.VerifySignature(Body, "evt_1", Timestamp, $"{others} {matching}");
        verifier.VerifySignature(Body, "evt_1", Timestamp, $"{matching} {others}");
        Assert.Throws<WebhookVerificationException>(() => verifier.VerifySignature(Body, "evt_1", Timestamp, others));
    }

    [Fact]
    public void A_tampered_body_id_or_timestamp_is_refused()
    {
        var secret = NewSecret();
        var verifier = VerifierAt(SignedAt, secret);
        var signature = Sign(secret);

        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(Body.Replace("approved", "rejected"), "evt_1", Timestamp, signature));
        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(Body, "evt_2", Timestamp, signature));
        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(Body, "evt_1", (SignedAt.ToUnixTimeSeconds() + 1).ToString(), signature));
        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(Body, "evt_1", Timestamp, null));
    }

    [Fact]
    public void A_timestamp_outside_the_tolerance_either_way_is_refused()
    {
        var secret = NewSecret();
        var signature = Sign(secret);

        VerifierAt(SignedAt.AddMinutes(4.9), secret).VerifySignature(Body, "evt_1", Timestamp, signature);
        VerifierAt(SignedAt.AddMinutes(-4.9), secret).VerifySignature(Body, "evt_1", Timestamp, signature);
        Assert.Throws<WebhookVerificationException>(() => VerifierAt(SignedAt.AddMinutes(6), secret).VerifySignature(Body, "evt_1", Timestamp, signature));
        Assert.Throws<WebhookVerificationException>(() => VerifierAt(SignedAt.AddMinutes(-6), secret).VerifySignature(Body, "evt_1", Timestamp, signature));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
