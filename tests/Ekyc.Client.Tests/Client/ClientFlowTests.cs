using System.Net;
using Ekyc.Client.Models;
using Ekyc.Client.Tests.Infrastructure;
using Ekyc.Client.Tests.OpenApi;
using Ekyc.Client.Webhooks;

namespace Ekyc.Client.Tests.Client;

/// <summary>The hand-written client against the real server, every engine running.</summary>
public class ClientFlowTests(EkycServer server) : IClassFixture<EkycServer>
{
    private EkycClient Client(string credential, RecordingHandler? recorder = null) =>
        new(new HttpClient(recorder ?? new RecordingHandler()), new EkycClientOptions { BaseAddress = server.Address, Credential = credential });

    [Fact]
    public async Task A_genuine_passport_uploaded_from_a_file_and_a_selfie_from_a_stream_is_approved()
    {
        var backendTraffic = new RecordingHandler();
        var appTraffic = new RecordingHandler();
        using var backend = Client(server.ApiKey, backendTraffic);
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = receiver.Path("client-flow");
        var endpoint = await backend.CreateWebhookEndpointAsync(new CreateWebhookEndpointRequest(receiver.Url(hook), [WebhookEventTypes.Completed]));
        var session = await backend.CreateSessionAsync(new CreateSessionRequest
        {
            Reference = "client-flow",
            DocumentTypes = [DocumentTypes.Passport],
            Checks = [CheckNames.DocumentAuthenticity, CheckNames.FaceMatch, CheckNames.SanctionsScreening],
            Metadata = new Dictionary<string, string> { ["plan"] = "gold" },
        });
        Assert.Equal(SessionStatus.Created, session.Status);
        Assert.StartsWith("ek_client_", session.ClientToken);

        var passportFile = Path.Combine(server.DataPath, "passport.jpg");
        await File.WriteAllBytesAsync(passportFile, Inputs.Passport());
        using var app = Client(session.ClientToken!, appTraffic);
        var document = await app.UploadDocumentAsync(session.Id, passportFile, DocumentTypes.Passport);
        Assert.Equal(DocumentSide.Front, document.Side);
        Assert.Equal("image/jpeg", document.MediaType);
        await using (var selfie = new MemoryStream(Inputs.Selfie()))
            Assert.Single(await app.UploadSelfieAsync(session.Id, selfie));
        var submitted = await app.SubmitAsync(session.Id);
        Assert.Equal(SessionStatus.Submitted, submitted.Status);
        Assert.Null(submitted.Reference);

        var decided = await backend.WaitForDecisionAsync(session.Id, interval: TimeSpan.FromMilliseconds(100), timeout: TimeSpan.FromMinutes(2));
        Assert.Equal(SessionStatus.Approved, decided.Status);
        Assert.Equal("all_checks_passed", decided.Decision!.Rule);
        Assert.Equal(CheckOutcome.Pass, decided.Checks[CheckNames.FaceMatch]);
        Assert.Equal(CheckOutcome.NotRun, decided.Checks[CheckNames.FaceLiveness]);
        Assert.Equal("NICOLAS CAGE", decided.ExtractedData!.FullName);
        Assert.Equal("gold", decided.Metadata!["plan"]);

        var report = await backend.GetReportAsync(session.Id);
        var match = report.Checks.Single(c => c.Name == CheckNames.FaceMatch);
        Assert.Equal(CheckOutcome.Pass, match.Status);
        Assert.True(match.Score >= match.Threshold);
        Assert.Contains(report.Stages, s => s.Stage == "document");

        // The signed verification.completed event: verified, typed, and as the OpenAPI webhooks section describes it.
        var delivery = await receiver.WaitForAsync(hook, r => r.SessionId == session.Id);
        var completed = new WebhookVerifier(endpoint.Secret!).Verify(delivery.Body, delivery.Header);
        Assert.Equal(WebhookEventTypes.Completed, completed.Event);
        Assert.Equal(SessionStatus.Approved, completed.Status);
        Assert.Equal(CheckOutcome.Clear, completed.Checks![CheckNames.SanctionsScreening]);
        Assert.Equal("NICOLAS CAGE", completed.ExtractedData!.FullName);
        Assert.Equal("client-flow", completed.Reference);
        Assert.Empty(await LiveSchemas.ErrorsAsync(server.Address, "VerificationDecisionEvent", delivery.Body));

        // Every POST carried its own key; the polling sent the last ETag.
        var posts = backendTraffic.Exchanges.Concat(appTraffic.Exchanges).Where(e => e.Method == HttpMethod.Post).ToList();
        Assert.Equal(5, posts.Count);
        Assert.All(posts, p => Assert.True(Guid.TryParse(p.IdempotencyKey, out _)));
        Assert.Equal(5, posts.Select(p => p.IdempotencyKey).Distinct().Count());
        var polls = backendTraffic.Exchanges.Where(e => e.Method == HttpMethod.Get && e.Path == $"/v1/sessions/{session.Id}").ToList();
        Assert.Null(polls[0].IfNoneMatch);
        Assert.All(polls.Skip(1), p => Assert.NotNull(p.IfNoneMatch));
        Assert.Equal(HttpStatusCode.OK, polls[^1].Status);

        // Nothing changed since the last read: a 304 without a body. Asked for explicitly, because a fast decision can
        // come before the polling ever sees a state twice (a CI run: submitted, processing, approved).
        var read = await backend.PollSessionAsync(session.Id, null);
        var again = await backend.PollSessionAsync(session.Id, read.ETag);
        Assert.False(again.Changed);
        Assert.Null(again.Session);
        Assert.Equal(HttpStatusCode.NotModified, backendTraffic.Exchanges[^1].Status);
    }

    [Fact]
    public async Task Problems_are_thrown_with_their_stable_code_and_not_retried()
    {
        var traffic = new RecordingHandler();
        using var backend = Client(server.ApiKey, traffic);

        var missing = await Assert.ThrowsAsync<EkycApiException>(() => backend.GetSessionAsync("sess_doesnotexist"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("session_not_found", missing.Code);
        Assert.NotNull(missing.RequestId);

        var invalid = await Assert.ThrowsAsync<EkycApiException>(() => backend.CreateSessionAsync(new CreateSessionRequest { DocumentTypes = ["library_card"] }));
        Assert.Equal("validation_failed", invalid.Code);
        Assert.Contains("document_types", invalid.Errors.Keys);

        var session = await backend.CreateSessionAsync(new CreateSessionRequest());
        await using var notAnImage = new MemoryStream("GIF89a, not one of ours"u8.ToArray());
        var unsupported = await Assert.ThrowsAsync<EkycApiException>(() => backend.UploadDocumentAsync(session.Id, notAnImage, DocumentTypes.IdCard));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.Status);
        Assert.Equal("unsupported_media_type", unsupported.Code);

        var early = await Assert.ThrowsAsync<EkycApiException>(() => backend.SubmitAsync(session.Id));
        Assert.Equal("invalid_state_transition", early.Code);
        Assert.Equal(5, traffic.Exchanges.Count);
    }

    [Fact]
    public async Task A_client_token_reads_only_its_sessions_client_view()
    {
        using var backend = Client(server.ApiKey);
        var session = await backend.CreateSessionAsync(new CreateSessionRequest { Reference = "secret-reference" });
        var other = await backend.CreateSessionAsync(new CreateSessionRequest());
        using var app = Client(session.ClientToken!);

        var view = await app.GetSessionAsync(session.Id);
        Assert.Equal(SessionStatus.Created, view.Status);
        Assert.Null(view.Reference);
        Assert.Contains("upload_document", view.AllowedActions);
        Assert.Equal("session_not_found", (await Assert.ThrowsAsync<EkycApiException>(() => app.GetSessionAsync(other.Id))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<EkycApiException>(() => app.GetReportAsync(session.Id))).Code);
    }
}
