using Ekyc.Server.Data;
using Ekyc.Server.Tests.Infrastructure;
using Ekyc.Server.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Server.Tests.Webhooks;

public class WebhookDurabilityTests
{
    [Fact]
    public async Task A_retry_pending_across_a_restart_is_still_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var path = receiver.Path("restart", (_, n) => n == 0 ? new ReceiverAnswer(502) : new ReceiverAnswer(200));
        // The retry is due an hour after the failure, so the first server never sends it whatever the machine's load; the
        // second finds it due because the test moves the hour on.
        string[] settings = [.. WebhookFixture.LoopbackSettings, "Ekyc:Webhooks:RetrySchedule=1h"];
        var first = await TestServer.StartAsync(null, settings);
        string sessionId;
        using (var client = first.Client())
        {
            await WebhookApi.CreateEndpointAsync(client, receiver.Url(path), ["session.documents_uploaded"]);
            sessionId = (await Api.CreateSessionAsync(client)).Id();
            await Api.UploadDocumentAsync(client, sessionId, TestImages.Jpeg());
            var pending = await WebhookApi.WaitForDeliveryAsync(client, $"session_id={sessionId}", d => d["attempt_count"]!.GetValue<int>() == 1);
            Assert.Equal("pending", pending.Str("status"));
            Assert.NotNull(pending["next_attempt_at"]);
        }
        await first.DisposeAsync();
        Assert.Single(receiver.ReceivedOn(path));

        await using var second = await TestServer.StartAsync(first.DataPath, settings);
        await Db.ExecuteAsync(second, "UPDATE webhook_deliveries SET next_attempt_at = @now WHERE session_id = @id AND status = 'pending'",
            new { now = Clock.Format(DateTimeOffset.UtcNow), id = sessionId });
        using var again = second.Client();
        var delivered = await WebhookApi.WaitForDeliveryAsync(again, $"session_id={sessionId}", d => d.Str("status") == "succeeded");
        Assert.Equal([502, 200], delivered["attempts"]!.AsArray().Select(a => a!["status_code"]!.GetValue<int>()));
        var received = receiver.ReceivedOn(path);
        Assert.Equal(2, received.Count);
        Assert.Equal(received[0].Id, received[1].Id);
    }

    [Fact]
    public async Task A_delivery_whose_dispatcher_died_mid_request_is_sent_again_after_its_lease()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var path = receiver.Path("lease");
        // An API-only process: events are written, nothing delivers them yet.
        var api = await TestServer.StartAsync(null, [.. WebhookFixture.LoopbackSettings, "Ekyc:Roles=api"]);
        string sessionId;
        using (var client = api.Client())
        {
            await WebhookApi.CreateEndpointAsync(client, receiver.Url(path), ["session.documents_uploaded"]);
            sessionId = (await Api.CreateSessionAsync(client)).Id();
            await Api.UploadDocumentAsync(client, sessionId, TestImages.Jpeg());
        }
        // A dispatcher fans out and claims the delivery, then dies without answering: its lease runs out.
        var store = api.Services.GetRequiredService<WebhookQueue>();
        Assert.Equal(1, await store.FanOutAsync(100, CancellationToken.None));
        var dead = await store.ClaimAsync("dead-dispatcher", TimeSpan.FromMilliseconds(300), 4, CancellationToken.None);
        Assert.NotNull(dead);
        Assert.Null(await store.ClaimAsync("other", TimeSpan.FromSeconds(30), 4, CancellationToken.None));
        await api.DisposeAsync();

        await using var worker = await TestServer.StartAsync(api.DataPath, WebhookFixture.LoopbackSettings);
        using var again = worker.Client();
        var delivered = await WebhookApi.WaitForDeliveryAsync(again, $"session_id={sessionId}", d => d.Str("status") == "succeeded");
        Assert.Single(delivered["attempts"]!.AsArray());
        Assert.Single(receiver.ReceivedOn(path));

        // The dead dispatcher comes back and reports: the fence refuses to change the delivery.
        var late = await worker.Services.GetRequiredService<WebhookQueue>().RecordAttemptAsync(dead, DateTimeOffset.UtcNow,
            new AttemptOutcome(500, 1, null, "http_500", null), WebhookDelivery.Failed, null, CancellationToken.None);
        Assert.False(late);
        Assert.Equal("succeeded", (await WebhookApi.DeliveryAsync(again, delivered.Str("id"))).Str("status"));
    }

    [Fact]
    public async Task Fan_out_is_idempotent_under_concurrent_dispatchers_and_a_rewound_cursor()
    {
        await using var server = await TestServer.StartAsync(null, [.. WebhookFixture.LoopbackSettings, "Ekyc:Roles=api"]);
        using var client = server.Client();
        await WebhookApi.CreateEndpointAsync(client, "http://127.0.0.1:9/a");
        await WebhookApi.CreateEndpointAsync(client, "http://127.0.0.1:9/b", ["verification.completed"]);
        var id = (await Api.CreateSessionAsync(client, new { webhook_url = "http://127.0.0.1:9/own" })).Id();
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());
        await Api.UploadSelfieAsync(client, id, TestImages.Jpeg(seed: 3));

        var store = server.Services.GetRequiredService<WebhookQueue>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.FanOutAsync(1, CancellationToken.None)));
        while (await store.FanOutAsync(1, CancellationToken.None) > 0)
        {
        }
        await Db.ExecuteAsync(server, "UPDATE webhook_fanout SET last_seq = 0");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.FanOutAsync(100, CancellationToken.None)));

        // Two events, each to endpoint a and to the session's own URL; endpoint b wants only completions.
        Assert.Equal(4, await Db.CountAsync(server, "SELECT COUNT(*) FROM webhook_deliveries WHERE session_id = @id", id));
        Assert.Equal(2, await Db.CountAsync(server, "SELECT COUNT(*) FROM webhook_deliveries WHERE session_id = @id AND target = 'session'", id));
    }
}
