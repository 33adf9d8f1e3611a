using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ekyc.Server.Jobs;
using Ekyc.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Server.Tests.Webhooks;

public class WebhookDeliveryTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private TestServer Server => fixture.Server;
    private WebhookReceiver Receiver => fixture.Receiver;

    private async Task<HttpClient> NewTenantAsync()
    {
        var (_, key) = await Server.Services.CreateOtherTenantAsync();
        return Server.Client(key);
    }

    [Fact]
    public async Task Every_state_change_reaches_the_endpoint_signed_with_its_secret_and_the_filter_applies()
    {
        using var client = await NewTenantAsync();
        var all = Receiver.Path("all");
        var completedOnly = Receiver.Path("completed-only");
        var endpoint = await WebhookApi.CreateEndpointAsync(client, Receiver.Url(all));
        var filtered = await WebhookApi.CreateEndpointAsync(client, Receiver.Url(completedOnly), ["verification.completed"]);
        var secret = endpoint.Str("secret");
        Assert.StartsWith("whsec_", secret);

        var id = (await Api.ReadyToSubmitAsync(client)).Id();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/v1/sessions/{id}/submit", null)).StatusCode);
        var decided = await Api.WaitForDecisionAsync(client, id);
        Assert.Equal("manual_review", decided.Status());
        var review = await client.PostAsJsonAsync($"/v1/sessions/{id}/review", new { decision = "approved", reason = "checked by hand", reviewer = "ana" });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/sessions/{id}")).StatusCode);

        string[] expected = ["session.documents_uploaded", "session.selfie_uploaded", "verification.submitted", "verification.processing",
            "verification.completed", "verification.reviewed", "session.deleted"];
        // Deliveries run in parallel, so they may arrive in any order: wait for each before counting them all.
        foreach (var type in expected)
            await Receiver.WaitForEventAsync(all, type);
        var received = Receiver.ReceivedOn(all);
        Assert.Equal(expected.Order(), received.Select(r => r.Type).Order());
        foreach (var webhook in received)
        {
            Assert.True(webhook.IsSignedWith(secret), $"{webhook.Type} does not verify with the endpoint secret");
            Assert.False(webhook.IsSignedWith(filtered.Str("secret")));
            Assert.StartsWith("evt_", webhook.Id);
            Assert.Equal("application/json", webhook.Headers["Content-Type"].ToString().Split(';')[0]);
            Assert.Equal(id, JsonNode.Parse(webhook.Body)!.Str("session_id"));
        }
        Assert.Equal(received.Count, received.Select(r => r.Id).Distinct().Count());

        var onlyCompleted = await Receiver.WaitForEventAsync(completedOnly, "verification.completed");
        Assert.True(onlyCompleted.IsSignedWith(filtered.Str("secret")));
        // The same event carries the same webhook-id to every endpoint.
        Assert.Equal(received.Single(r => r.Type == "verification.completed").Id, onlyCompleted.Id);
        await Task.Delay(300);
        Assert.Single(Receiver.ReceivedOn(completedOnly));

        var log = await WebhookApi.WaitForDeliveryAsync(client, $"session_id={id}&endpoint_id={endpoint.Str("id")}&status=succeeded&limit=100",
            d => d.Str("event_type") == "session.deleted");
        Assert.Equal("endpoint", log.Str("target"));
        var succeeded = await WebhookApi.DeliveriesAsync(client, $"session_id={id}&status=succeeded&limit=100");
        Assert.Equal(expected.Length + 1, succeeded.Count);
        foreach (var delivery in succeeded.Select(d => d!))
        {
            Assert.StartsWith("whd_", delivery.Str("id"));
            var attempt = Assert.Single(delivery["attempts"]!.AsArray())!;
            Assert.Equal(200, attempt["status_code"]!.GetValue<int>());
            // The session was erased, and with it what its receivers had answered until then (a receiver may echo the payload).
            Assert.True(attempt["response_excerpt"] is null || attempt.Str("response_excerpt") == "ok");
            Assert.Equal("scheduled", attempt.Str("trigger"));
            Assert.True(attempt["duration_ms"]!.GetValue<double>() > 0);
        }
    }

    [Fact]
    public async Task The_completed_body_has_exactly_the_design_fields_and_value_sets()
    {
        using var client = await NewTenantAsync();
        var path = Receiver.Path("completed");
        await WebhookApi.CreateEndpointAsync(client, Receiver.Url(path), ["verification.completed"]);
        var id = (await Api.ReadyToSubmitAsync(client)).Id();
        await client.PostAsync($"/v1/sessions/{id}/submit", null);

        var body = JsonNode.Parse((await Receiver.WaitForEventAsync(path, "verification.completed")).Body)!.AsObject();
        Assert.Equal("verification.completed", body.Str("event"));
        Assert.Equal(id, body.Str("session_id"));
        Assert.Contains(body.Str("status"), new[] { "approved", "rejected", "manual_review" });
        Assert.InRange(body["confidence"]!.GetValue<double>(), 0, 1);
        var checks = body["checks"]!.AsObject();
        Assert.Equal(["document_authenticity", "face_match", "face_liveness", "sanctions_screening", "pep_screening"], checks.Select(c => c.Key));
        foreach (var name in new[] { "document_authenticity", "face_match", "face_liveness" })
            Assert.Contains(checks.Str(name), new[] { "pass", "fail", "review", "not_run" });
        foreach (var name in new[] { "sanctions_screening", "pep_screening" })
            Assert.Contains(checks.Str(name), new[] { "clear", "hit", "review", "not_run" });
        // No engines are wired in this build, so nothing is extracted yet; the member is still there.
        Assert.True(body.ContainsKey("extracted_data"));
        if (body["extracted_data"] is JsonObject data)
            Assert.Equal(["full_name", "date_of_birth", "document_number", "document_type", "nationality"],
                data.Select(kv => kv.Key).Take(5));
    }

    [Fact]
    public async Task A_receiver_that_fails_then_recovers_gets_the_event_and_the_log_shows_each_attempt()
    {
        using var client = await NewTenantAsync();
        var path = Receiver.Path("flaky", (_, n) => n < 2 ? new ReceiverAnswer(500, "database down") : new ReceiverAnswer(204));
        var endpoint = await WebhookApi.CreateEndpointAsync(client, Receiver.Url(path), ["session.documents_uploaded"]);
        var id = (await Api.CreateSessionAsync(client)).Id();
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());

        var delivery = await WebhookApi.WaitForDeliveryAsync(client, $"session_id={id}", d => d.Str("status") == "succeeded");
        var attempts = delivery["attempts"]!.AsArray();
        Assert.Equal([500, 500, 204], attempts.Select(a => a!["status_code"]!.GetValue<int>()));
        Assert.Equal("database down", attempts[0]!.Str("response_excerpt"));
        Assert.Equal("http_500", attempts[0]!.Str("error"));
        Assert.Equal([1, 2, 3], attempts.Select(a => a!["attempt"]!.GetValue<int>()));
        Assert.Equal(3, delivery["attempt_count"]!.GetValue<int>());
        Assert.Equal(endpoint.Str("id"), delivery.Str("endpoint_id"));
        var received = Receiver.ReceivedOn(path);
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Id).Distinct());
        Assert.All(received, r => Assert.True(r.IsSignedWith(endpoint.Str("secret"))));
    }

    [Fact]
    public async Task Retry_After_is_honoured_over_a_shorter_schedule()
    {
        using var client = await NewTenantAsync();
        var path = Receiver.Path("busy", (_, n) => n == 0 ? new ReceiverAnswer(503, RetryAfter: "1") : new ReceiverAnswer(200));
        await WebhookApi.CreateEndpointAsync(client, Receiver.Url(path), ["session.documents_uploaded"]);
        var id = (await Api.CreateSessionAsync(client)).Id();
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());

        await WebhookApi.WaitForDeliveryAsync(client, $"session_id={id}", d => d.Str("status") == "succeeded");
        var received = Receiver.ReceivedOn(path);
        Assert.Equal(2, received.Count);
        // The schedule says 100 ms; the receiver asked for one second.
        Assert.True(received[1].At - received[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {(received[1].At - received[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_410_disables_the_endpoint_and_it_receives_nothing_until_enabled_again()
    {
        using var client = await NewTenantAsync();
        var gone = true;
        var path = Receiver.Path("gone", (_, _) => gone ? new ReceiverAnswer(410) : new ReceiverAnswer(200));
        var endpoint = await WebhookApi.CreateEndpointAsync(client, Receiver.Url(path), ["session.documents_uploaded", "session.selfie_uploaded"]);
        var endpointId = endpoint.Str("id");
        var id = (await Api.CreateSessionAsync(client)).Id();
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());

        var failed = await WebhookApi.WaitForDeliveryAsync(client, $"endpoint_id={endpointId}", d => d.Str("status") == "failed");
        Assert.Equal(410, Assert.Single(failed["attempts"]!.AsArray())!["status_code"]!.GetValue<int>());
        var disabled = await Api.BodyAsync(await client.GetAsync($"/v1/webhook-endpoints/{endpointId}"));
        Assert.Equal("disabled", disabled.Str("status"));
        Assert.Contains("410", disabled.Str("disabled_reason"));

        // A later event is not fanned out to the disabled endpoint, and a redelivery is refused.
        await Api.UploadSelfieAsync(client, id, TestImages.Jpeg(seed: 5));
        await Task.Delay(400);
        Assert.Single(Receiver.ReceivedOn(path));
        Assert.Single(await WebhookApi.DeliveriesAsync(client, $"endpoint_id={endpointId}"));
        await Api.AssertProblemAsync(await client.PostAsync($"/v1/webhook-deliveries/{failed.Str("id")}/retry", null),
            HttpStatusCode.Conflict, "webhook_endpoint_disabled");

        gone = false;
        Assert.Equal("enabled", (await Api.BodyAsync(await client.PostAsync($"/v1/webhook-endpoints/{endpointId}/enable", null))).Str("status"));
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/v1/webhook-deliveries/{failed.Str("id")}/retry", null)).StatusCode);
        var redelivered = await WebhookApi.WaitForDeliveryAsync(client, $"endpoint_id={endpointId}", d => d.Str("status") == "succeeded");
        Assert.Equal(["scheduled", "manual"], redelivered["attempts"]!.AsArray().Select(a => a!.Str("trigger")));
    }

    [Fact]
    public async Task A_410_from_a_session_url_stops_further_events_to_it()
    {
        using var client = await NewTenantAsync();
        var path = Receiver.Path("session-gone", (_, _) => new ReceiverAnswer(410));
        var id = (await Api.CreateSessionAsync(client, new { webhook_url = Receiver.Url(path) })).Id();
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());
        var failed = await WebhookApi.WaitForDeliveryAsync(client, $"session_id={id}", d => d.Str("status") == "failed");
        Assert.Equal(410, failed["last_status_code"]!.GetValue<int>());

        await Api.UploadSelfieAsync(client, id, TestImages.Jpeg(seed: 8));
        await Task.Delay(400);
        Assert.Single(await WebhookApi.DeliveriesAsync(client, $"session_id={id}"));
        Assert.Single(Receiver.ReceivedOn(path));
    }

    [Fact]
    public async Task Exhausted_retries_fail_the_delivery_and_a_manual_retry_sends_it_once_more()
    {
        using var client = await NewTenantAsync();
        var down = true;
        var path = Receiver.Path("down", (_, _) => down ? new ReceiverAnswer(500) : new ReceiverAnswer(200));
        await WebhookApi.CreateEndpointAsync(client, Receiver.Url(path), ["session.documents_uploaded"]);
        var id = (await Api.CreateSessionAsync(client)).Id();
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());

        // Schedule of three retries: four attempts, then failed.
        var failed = await WebhookApi.WaitForDeliveryAsync(client, $"session_id={id}&status=failed", _ => true);
        Assert.Equal(4, failed["attempts"]!.AsArray().Count);
        Assert.Null(failed["next_attempt_at"]);

        // One manual attempt that fails again does not restart the schedule.
        var retry = await client.PostAsync($"/v1/webhook-deliveries/{failed.Str("id")}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal("pending", (await Api.BodyAsync(retry)).Str("status"));
        var again = await WebhookApi.WaitForDeliveryAsync(client, $"session_id={id}&status=failed", d => d["attempts"]!.AsArray().Count == 5);
        await Task.Delay(400);
        Assert.Equal(5, (await WebhookApi.DeliveryAsync(client, again.Str("id")))["attempts"]!.AsArray().Count);

        down = false;
        await client.PostAsync($"/v1/webhook-deliveries/{failed.Str("id")}/retry", null);
        var delivered = await WebhookApi.WaitForDeliveryAsync(client, $"session_id={id}", d => d.Str("status") == "succeeded");
        Assert.Equal(6, delivered["attempt_count"]!.GetValue<int>());
        Assert.Equal("manual", delivered["attempts"]!.AsArray()[^1]!.Str("trigger"));
        Assert.NotNull(delivered["delivered_at"]);
    }

    [Fact]
    public async Task A_rotated_secret_and_the_previous_one_both_sign_during_the_overlap()
    {
        using var client = await NewTenantAsync();
        var path = Receiver.Path("rotate");
        var endpoint = await WebhookApi.CreateEndpointAsync(client, Receiver.Url(path), ["session.documents_uploaded", "session.selfie_uploaded"]);
        var old = endpoint.Str("secret");
        var rotated = await Api.BodyAsync(await client.PostAsJsonAsync($"/v1/webhook-endpoints/{endpoint.Str("id")}/rotate-secret", new { overlap_seconds = 3600 }));
        var current = rotated.Str("secret");
        Assert.NotEqual(old, current);
        Assert.NotNull(rotated["previous_secret_expires_at"]);

        var id = (await Api.CreateSessionAsync(client)).Id();
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());
        var during = await Receiver.WaitForEventAsync(path, "session.documents_uploaded");
        Assert.Equal(2, during.Signatures.Length);
        Assert.True(during.IsSignedWith(current));
        Assert.True(during.IsSignedWith(old));

        // Without an overlap the old secret stops signing at once.
        var immediate = await Api.BodyAsync(await client.PostAsJsonAsync($"/v1/webhook-endpoints/{endpoint.Str("id")}/rotate-secret", new { overlap_seconds = 0 }));
        await Api.UploadSelfieAsync(client, id, TestImages.Jpeg(seed: 4));
        var after = await Receiver.WaitForEventAsync(path, "session.selfie_uploaded");
        Assert.Single(after.Signatures);
        Assert.True(after.IsSignedWith(immediate.Str("secret")));
        Assert.False(after.IsSignedWith(current));
    }

    [Fact]
    public async Task A_session_webhook_url_gets_that_sessions_events_signed_with_the_tenant_default_secret()
    {
        using var client = await NewTenantAsync();
        var secretResponse = await client.GetAsync("/v1/webhook-secret");
        Assert.Equal(HttpStatusCode.OK, secretResponse.StatusCode);
        var secret = (await Api.BodyAsync(secretResponse)).Str("secret");
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(secret, (await Api.BodyAsync(await client.GetAsync("/v1/webhook-secret"))).Str("secret"));

        var path = Receiver.Path("session-url");
        var id = (await Api.CreateSessionAsync(client, new { reference = "own-url", webhook_url = Receiver.Url(path) })).Id();
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());
        var webhook = await Receiver.WaitForEventAsync(path, "session.documents_uploaded");
        Assert.True(webhook.IsSignedWith(secret));

        var delivery = await WebhookApi.WaitForDeliveryAsync(client, $"session_id={id}", d => d.Str("status") == "succeeded");
        Assert.Equal("session", delivery.Str("target"));
        Assert.Null(delivery["endpoint_id"]);

        // Another session of the same tenant without a URL sends nothing there.
        var other = (await Api.CreateSessionAsync(client)).Id();
        await Api.UploadDocumentAsync(client, other, TestImages.Jpeg());
        await Task.Delay(300);
        Assert.Single(Receiver.ReceivedOn(path));
        Assert.Empty(await WebhookApi.DeliveriesAsync(client, $"session_id={other}"));
    }

    [Fact]
    public async Task At_most_the_configured_number_of_requests_are_in_flight_to_one_receiver()
    {
        using var client = await NewTenantAsync();
        var path = Receiver.Path("slow", (_, _) => new ReceiverAnswer(200, Delay: TimeSpan.FromMilliseconds(400)));
        var endpoint = await WebhookApi.CreateEndpointAsync(client, Receiver.Url(path), ["session.documents_uploaded"]);
        for (var i = 0; i < 6; i++)
            await Api.UploadDocumentAsync(client, (await Api.CreateSessionAsync(client)).Id(), TestImages.Jpeg(seed: i));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await WebhookApi.DeliveriesAsync(client, $"endpoint_id={endpoint.Str("id")}&status=succeeded")).Count < 6 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(6, Receiver.ReceivedOn(path).Count);
        // Eight delivery loops run, but this server allows two requests at a time per receiver URL.
        Assert.Equal(2, Receiver.MaxInFlight(path));
    }

    [Fact]
    public async Task An_expired_session_is_delivered_as_session_expired()
    {
        using var client = await NewTenantAsync();
        var path = Receiver.Path("expired");
        await WebhookApi.CreateEndpointAsync(client, Receiver.Url(path), ["session.expired"]);
        var id = (await Api.CreateSessionAsync(client)).Id();
        await Db.ExecuteAsync(Server, "UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000000Z' WHERE id = @id", new { id });
        await Server.Services.GetRequiredService<MaintenanceService>().RunOnceAsync(CancellationToken.None);
        var webhook = await Receiver.WaitForEventAsync(path, "session.expired");
        Assert.Equal("expired", JsonNode.Parse(webhook.Body)!.Str("status"));
    }
}
