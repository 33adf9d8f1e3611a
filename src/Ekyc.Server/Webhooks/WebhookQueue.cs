using Ekyc.Server.Data;

namespace Ekyc.Server.Webhooks;

/// <summary>
/// The dispatcher's use cases over the delivery queue: fan-out of outbox events into delivery rows, claims, and the
/// record of each attempt. It owns the connections and transactions; the stores only read and write.
/// </summary>
public sealed class WebhookQueue(Database database, WebhookDeliveryStore deliveries, WebhookEndpointStore endpoints, TimeProvider time)
{
    /// <summary>Creates the delivery rows of the next batch of events; returns how many events it consumed.</summary>
    public async Task<int> FanOutAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (!await deliveries.EventsWaitingAsync(connection))
                return 0;
        }
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var events = await deliveries.NextEventsAsync(connection, transaction, batchSize);
            if (events.Count == 0)
                return 0;
            var enabled = await endpoints.EnabledAsync(connection, transaction, events.Select(e => e.TenantId).Distinct().ToList());
            var gone = await deliveries.GoneSessionUrlsAsync(connection, transaction, events.Select(e => e.SessionUrl).OfType<string>().Distinct().ToList());
            var now = Clock.Format(time.GetUtcNow());
            foreach (var e in events)
                foreach (var target in TargetsOf(e, enabled, gone))
                    await deliveries.InsertAsync(connection, transaction, e, target, now);
            await deliveries.AdvanceCursorAsync(connection, transaction, events[^1].Seq);
            return events.Count;
        }, cancellationToken);
    }

    /// <summary>
    /// The receivers of one event: the tenant's enabled endpoints that want its type, existed when it happened and are of
    /// its mode (test events reach test endpoints only), and the session's own URL unless an endpoint already delivers
    /// there or it answered 410 to this tenant in this mode.
    /// </summary>
    private static List<FanOutTarget> TargetsOf(OutboxEvent e, IReadOnlyList<WebhookEndpoint> endpoints, HashSet<SessionUrl> gone)
    {
        var targets = endpoints.Where(p => p.TenantId == e.TenantId && p.Livemode == Auth.Modes.IsLive(e.Mode) && p.Wants(e.Type) && p.CreatedAt <= e.CreatedAt)
            .Select(p => new FanOutTarget(p.Id, p.Id, p.Url)).ToList();
        if (e.SessionUrl is { } url && targets.All(t => t.Url != url) && !gone.Contains(new SessionUrl(e.TenantId, e.Mode, url)))
            targets.Add(new FanOutTarget(WebhookDelivery.SessionTarget, null, url));
        return targets;
    }

    /// <summary>Claims a due delivery (see <see cref="WebhookDeliveryStore.ClaimAsync"/>); idle polls only read.</summary>
    public async Task<ClaimedDelivery?> ClaimAsync(string worker, TimeSpan lease, int maxPerUrl, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (!await deliveries.AnyDueAsync(connection))
                return null;
        }
        return await database.InTransactionAsync((connection, transaction) => deliveries.ClaimAsync(connection, transaction, worker, lease, maxPerUrl),
            cancellationToken);
    }

    /// <summary>
    /// What to send for a claimed delivery: the signed body and the keys (a session URL's, of the tenant's secret for the
    /// event's mode). Null when there is nothing to send (the endpoint was disabled or deleted after fan-out, or the
    /// event or the keys are gone); the delivery is then cancelled.
    /// </summary>
    public async Task<(string Body, SigningKeys Keys)?> PrepareAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (delivery.EndpointId is { } gone && !await endpoints.IsEnabledAsync(connection, null, gone))
        {
            await deliveries.CancelAsync(connection, delivery, "endpoint_disabled");
            return null;
        }
        var body = await deliveries.EventBodyAsync(connection, delivery.EventId);
        var keys = delivery.EndpointId is { } endpointId
            ? await endpoints.EndpointKeysAsync(connection, endpointId)
            : (await endpoints.TenantKeysAsync(connection, null, delivery.TenantId, delivery.Mode)).Keys;
        if (body is null || keys is null)
        {
            await deliveries.CancelAsync(connection, delivery, body is null ? "event_missing" : "endpoint_missing");
            return null;
        }
        return (body, keys);
    }

    /// <summary>
    /// Records an attempt and the delivery's next state, fenced on the lease (false when it was lost). A 410 also
    /// disables the endpoint (or, for a session URL, cancels what else waits for that URL) in the same transaction.
    /// </summary>
    public Task<bool> RecordAttemptAsync(ClaimedDelivery delivery, DateTimeOffset startedAt, AttemptOutcome outcome, string status,
        DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var now = Clock.Format(time.GetUtcNow());
            if (!await deliveries.RecordAttemptAsync(connection, transaction, delivery, startedAt, outcome, status, nextAttemptAt, now))
                return false;
            if (outcome.Gone && delivery.EndpointId is { } endpointId)
            {
                await endpoints.DisableAsync(connection, transaction, endpointId, "receiver answered 410 Gone", now);
                await deliveries.CancelPendingAsync(connection, transaction, endpointId, null, "endpoint_disabled", now);
            }
            else if (outcome.Gone)
                await deliveries.CancelPendingAsync(connection, transaction, null, new SessionUrl(delivery.TenantId, delivery.Mode, delivery.Url), "receiver_gone", now);
            return true;
        }, cancellationToken);

    /// <summary>Gives a claimed delivery back untried (shutdown), so the next dispatcher sends it at once.</summary>
    public async Task ReleaseAsync(ClaimedDelivery delivery)
    {
        await using var connection = await database.OpenAsync();
        await deliveries.ReleaseAsync(connection, delivery);
    }
}
