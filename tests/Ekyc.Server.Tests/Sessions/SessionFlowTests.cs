using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Ekyc.Server.Events;
using Ekyc.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Server.Tests.Sessions;

public class SessionFlowTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task The_whole_flow_reaches_a_decision_with_a_report_and_a_completed_event()
    {
        using var client = Server.Client();
        var created = await Api.CreateSessionAsync(client, new { reference = "cust-1", metadata = new Dictionary<string, string> { ["plan"] = "gold" } });
        Assert.Equal("created", created.Status());
        var id = created.Id();
        Assert.StartsWith("sess_", id);
        Assert.StartsWith("ek_client_", created["client_token"]!.GetValue<string>());

        // The customer's app uses the client token, not the secret key.
        using var app = Server.Client(created["client_token"]!.GetValue<string>());
        var front = await Api.UploadDocumentAsync(app, id, TestImages.Jpeg());
        Assert.Equal(HttpStatusCode.Created, front.StatusCode);
        var document = await Api.BodyAsync(front);
        Assert.StartsWith("doc_", document["id"]!.GetValue<string>());
        Assert.Equal("image/jpeg", document["media_type"]!.GetValue<string>());
        Assert.Equal(800, document["width"]!.GetValue<int>());
        Assert.Equal(64, document["sha256"]!.GetValue<string>().Length);
        Assert.Equal("documents_uploaded", (await Api.GetSessionAsync(app, id)).Status());

        Assert.Equal(HttpStatusCode.Created, (await Api.UploadRawDocumentAsync(app, id, TestImages.Png(), "back", "passport")).StatusCode);
        Assert.Equal("documents_uploaded", (await Api.GetSessionAsync(app, id)).Status());
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadSelfieAsync(app, id, TestImages.Webp())).StatusCode);
        Assert.Equal("selfie_uploaded", (await Api.GetSessionAsync(app, id)).Status());

        var submit = await app.PostAsync($"/v1/sessions/{id}/submit", null);
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        Assert.Equal("submitted", (await Api.BodyAsync(submit)).Status());

        await Api.WaitForDecisionAsync(app, id);
        var decided = await Api.GetSessionAsync(client, id);
        Assert.Contains(decided.Status(), new[] { "approved", "rejected", "manual_review" });
        Assert.Equal(5, decided["checks"]!.AsObject().Count);
        Assert.NotNull(decided["decision"]!["rule"]);

        var report = await Api.BodyAsync(await client.GetAsync($"/v1/sessions/{id}/report"));
        var checks = report["checks"]!.AsArray();
        Assert.Equal(5, checks.Count);
        foreach (var check in checks)
        {
            Assert.NotNull(check!["status"]);
            Assert.NotNull(check["reason_codes"]);
            Assert.True(check.AsObject().ContainsKey("score"));
            Assert.True(check.AsObject().ContainsKey("threshold"));
        }
        Assert.Contains(report["stages"]!.AsArray(), s => s!["stage"]!.GetValue<string>() == "total");
        Assert.Equal(3, report["images"]!.AsArray().Count);

        var events = await EventsOf(id);
        Assert.Equal(
            [EventTypes.DocumentsUploaded, EventTypes.SelfieUploaded, EventTypes.Submitted, EventTypes.Processing, EventTypes.Completed],
            events.Select(e => e.Type));
        var completed = JsonNode.Parse(events[^1].Payload)!.AsObject();
        Assert.Equal("verification.completed", completed["event"]!.GetValue<string>());
        Assert.Equal(id, completed["session_id"]!.GetValue<string>());
        Assert.Equal(decided.Status(), completed["status"]!.GetValue<string>());
        Assert.InRange(completed["confidence"]!.GetValue<double>(), 0, 1);
        Assert.Equal(["document_authenticity", "face_match", "face_liveness", "sanctions_screening", "pep_screening"],
            completed["checks"]!.AsObject().Select(kv => kv.Key));
        foreach (var (name, value) in completed["checks"]!.AsObject())
        {
            var allowed = name.EndsWith("screening") ? new[] { "clear", "hit", "review", "not_run" } : ["pass", "fail", "review", "not_run"];
            Assert.Contains(value!.GetValue<string>(), allowed);
        }
        Assert.True(completed.ContainsKey("extracted_data"));
    }

    [Fact]
    public async Task Without_engines_the_checks_are_not_run_and_the_session_goes_to_manual_review()
    {
        await using var server = await TestServer.StartAsync(null, "Ekyc:Engines:Documents=false", "Ekyc:Engines:Faces=false", "Ekyc:Engines:Screening=false");
        using var client = server.Client();
        var id = (await Api.ReadyToSubmitAsync(client)).Id();
        await client.PostAsync($"/v1/sessions/{id}/submit", null);
        var decided = await Api.WaitForDecisionAsync(client, id);
        Assert.Equal("manual_review", decided.Status());
        Assert.Equal("missing_evidence", decided["decision"]!["rule"]!.GetValue<string>());
        var report = await Api.BodyAsync(await client.GetAsync($"/v1/sessions/{id}/report"));
        Assert.All(report["checks"]!.AsArray(), c =>
        {
            Assert.Equal("not_run", c!["status"]!.GetValue<string>());
            Assert.Equal(["engine_unavailable"], c["reason_codes"]!.AsArray().Select(r => r!.GetValue<string>()));
        });
        var health = await Api.BodyAsync(await client.GetAsync("/health"));
        Assert.Equal("unavailable", health["engines"]!["faces"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_session_only_accepts_the_document_types_it_was_created_with()
    {
        using var client = Server.Client();
        var id = (await Api.CreateSessionAsync(client, new { document_types = new[] { "passport" } })).Id();
        await Api.AssertProblemAsync(await Api.UploadDocumentAsync(client, id, TestImages.Jpeg(), type: "id_card"), HttpStatusCode.UnprocessableEntity, "document_type_not_allowed");
    }

    [Fact]
    public async Task An_invalid_create_request_names_the_fields()
    {
        using var client = Server.Client();
        var response = await client.PostAsJsonAsync("/v1/sessions", new { checks = new[] { "horoscope" }, document_types = new[] { "library_card" }, expires_in = 5 });
        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("checks") && errors.ContainsKey("document_types") && errors.ContainsKey("expires_in"));

        var malformed = await client.PostAsync("/v1/sessions", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        await Api.AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task An_unsafe_webhook_url_is_refused_at_creation()
    {
        using var client = Server.Client();
        foreach (var url in new[] { "https://127.0.0.1/hook", "https://169.254.169.254/latest", "http://example.com/hook" })
            await Api.AssertProblemAsync(await client.PostAsJsonAsync("/v1/sessions", new { webhook_url = url }), HttpStatusCode.UnprocessableEntity, "webhook_url_not_allowed");
    }

    [Fact]
    public async Task Get_supports_etag_and_if_none_match()
    {
        using var client = Server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();
        var first = await client.GetAsync($"/v1/sessions/{id}");
        var etag = first.Headers.ETag!.Tag;
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/sessions/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(request)).StatusCode);

        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());
        var again = new HttpRequestMessage(HttpMethod.Get, $"/v1/sessions/{id}");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Sessions_are_listed_newest_first_with_a_cursor_and_filters()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
            ids.Add((await Api.CreateSessionAsync(client)).Id());
        await Api.UploadDocumentAsync(client, ids[1], TestImages.Jpeg());

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Api.BodyAsync(await client.GetAsync($"/v1/sessions?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}"));
            seen.AddRange(page["data"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
            cursor = page["next_cursor"]?.GetValue<string>();
        } while (cursor is not null);
        Assert.Equal(Enumerable.Reverse(ids), seen);

        var filtered = await Api.BodyAsync(await client.GetAsync("/v1/sessions?status=documents_uploaded"));
        Assert.Equal([ids[1]], filtered["data"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        Assert.Empty((await Api.BodyAsync(await client.GetAsync($"/v1/sessions?created_after={future}")))["data"]!.AsArray());
        await Api.AssertProblemAsync(await client.GetAsync("/v1/sessions?cursor=garbage!"), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Delete_erases_images_and_personal_data_and_keeps_a_tombstone()
    {
        using var client = Server.Client();
        var created = await Api.CreateSessionAsync(client, new { reference = "to-delete", metadata = new Dictionary<string, string> { ["email"] = "a@b.c" } });
        var id = created.Id();
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());
        var blobs = (await Server.StoredBlobsAsync()).Count;

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/sessions/{id}")).StatusCode);
        var tombstone = await Api.GetSessionAsync(client, id);
        Assert.NotNull(tombstone["deleted_at"]);
        Assert.Null(tombstone["metadata"]);
        Assert.Empty(tombstone["documents"]!.AsArray());
        Assert.Equal(blobs - 1, (await Server.StoredBlobsAsync()).Count);
        await Api.AssertProblemAsync(await Api.UploadDocumentAsync(client, id, TestImages.Jpeg()), HttpStatusCode.Gone, "session_deleted");
        using var app = Server.Client(created["client_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync($"/v1/sessions/{id}")).StatusCode);
        Assert.Contains(await EventsOf(id), e => e.Type == EventTypes.Deleted);
    }

    [Fact]
    public async Task Delete_redacts_the_identity_data_of_the_stored_events()
    {
        using var client = Server.Client();
        var id = (await Api.ReadyToSubmitAsync(client)).Id();
        await client.PostAsync($"/v1/sessions/{id}/submit", null);
        await Api.WaitForDecisionAsync(client, id);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/sessions/{id}")).StatusCode);
        var completed = JsonNode.Parse((await EventsOf(id)).Single(e => e.Type == EventTypes.Completed).Payload)!.AsObject();
        Assert.Null(completed["extracted_data"]);
        Assert.True(completed["redacted"]!.GetValue<bool>());
        var report = await Api.BodyAsync(await client.GetAsync($"/v1/sessions/{id}/report"));
        Assert.Null(report["extracted_data"]);
        Assert.Empty(report["images"]!.AsArray());
    }

    [Fact]
    public async Task A_reviewer_closes_a_manual_review_session()
    {
        using var client = Server.Client();
        var id = (await Api.ReadyToSubmitAsync(client)).Id();
        await client.PostAsync($"/v1/sessions/{id}/submit", null);
        var decided = await Api.WaitForDecisionAsync(client, id);
        var review = new { decision = "approved", reason = "Document checked by hand", reviewer = "alice@example.com" };
        if (decided.Status() != "manual_review")
        {
            await Api.AssertProblemAsync(await client.PostAsJsonAsync($"/v1/sessions/{id}/review", review), HttpStatusCode.Conflict, "invalid_state_transition");
            return;
        }
        await Api.AssertProblemAsync(await client.PostAsJsonAsync($"/v1/sessions/{id}/review", new { decision = "maybe" }), HttpStatusCode.BadRequest, "validation_failed");
        var response = await client.PostAsJsonAsync($"/v1/sessions/{id}/review", review);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reviewed = await Api.BodyAsync(response);
        Assert.Equal("approved", reviewed.Status());
        Assert.Equal("alice@example.com", reviewed["decision"]!["review"]!["reviewer"]!.GetValue<string>());
        Assert.Equal(EventTypes.Reviewed, (await EventsOf(id))[^1].Type);
        await Api.AssertProblemAsync(await client.PostAsJsonAsync($"/v1/sessions/{id}/review", review with { decision = "rejected" }), HttpStatusCode.Conflict, "invalid_state_transition");
    }

    [Fact]
    public async Task A_session_past_its_expiry_is_expired_and_refuses_uploads()
    {
        using var client = Server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();
        await using (var connection = await Server.Database.OpenAsync())
            await connection.ExecuteAsync("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000000Z' WHERE id = @id", new { id });
        Assert.Equal("expired", (await Api.GetSessionAsync(client, id)).Status());
        var problem = await Api.AssertProblemAsync(await Api.UploadDocumentAsync(client, id, TestImages.Jpeg()), HttpStatusCode.Conflict, "invalid_state_transition");
        Assert.Equal("expired", problem["current_status"]!.GetValue<string>());
        Assert.Contains(await EventsOf(id), e => e.Type == EventTypes.Expired);
    }

    private async Task<IReadOnlyList<StoredEvent>> EventsOf(string id)
    {
        await using var connection = await Server.Database.OpenAsync();
        return await Server.Services.GetRequiredService<EventWriter>().ListAsync(connection, id);
    }
}
