using System.Data.Common;
using Dapper;
using Ekyc.Server.Data;
using Ekyc.Server.Sessions;
using Ekyc.Server.Storage;

namespace Ekyc.Server.Webhooks;

/// <summary>
/// The delivery queue and log. Fan-out turns outbox events into one row per (event, receiver), guarded by
/// a unique constraint so concurrent dispatchers or a restart never create a second row; deliveries are
/// claimed with a lease like jobs; each attempt is appended to <c>webhook_attempts</c>.
/// </summary>
public sealed class WebhookDeliveryStore(Database database, Encryptor encryptor, TimeProvider time)
{
    private const string Columns = """
        id, event_id, event_type, tenant_id, session_id, target, endpoint_id, url, status, attempts, next_attempt_at,
        last_status_code, last_error, created_at, updated_at, delivered_at
        """;

    /// <summary>Creates the delivery rows of the next batch of events; returns how many events it consumed.</summary>
    public async Task<int> FanOutAsync(int batchSize, CancellationToken cancellationToken)
    {
        // A cheap read first, so an idle poll never takes the write lock.
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var next = await connection.ExecuteScalarAsync<long?>(
                "SELECT seq FROM events WHERE seq > (SELECT last_seq FROM webhook_fanout WHERE name = 'events') ORDER BY seq LIMIT 1");
            if (next is null)
                return 0;
        }
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            // Locked on PostgreSQL, so the fan-outs of several replicas take turns instead of doing the same batch.
            var cursor = await connection.ExecuteScalarAsync<long>(
                $"SELECT last_seq FROM webhook_fanout WHERE name = 'events'{SqlDialect.ForUpdate(connection)}", transaction: transaction);
            var events = (await connection.QueryAsync<OutboxRow>("""
                SELECT e.id, e.seq, e.tenant_id, e.session_id, e.type, e.created_at, s.config_json, COALESCE(s.mode, 'live') AS mode
                FROM events e LEFT JOIN sessions s ON s.id = e.session_id
                WHERE e.seq > @cursor ORDER BY e.seq LIMIT @batchSize
                """, new { cursor, batchSize }, transaction)).ToList();
            if (events.Count == 0)
                return 0;
            var endpoints = await WebhookEndpointStore.EnabledAsync(connection, transaction, events.Select(e => e.TenantId).Distinct().ToList());
            var gone = await GoneSessionUrlsAsync(connection, transaction, events.Select(e => e.SessionUrl).OfType<string>().Distinct().ToList());
            var now = Clock.Format(time.GetUtcNow());
            foreach (var e in events)
            {
                foreach (var (target, endpointId, url) in TargetsOf(e, endpoints, gone))
                {
                    await connection.ExecuteAsync("""
                        INSERT INTO webhook_deliveries (id, event_id, event_type, tenant_id, session_id, target, endpoint_id, url, status,
                                                        attempts, next_attempt_at, trigger_kind, auto_retry, created_at, updated_at, mode)
                        VALUES (@id, @eventId, @type, @tenantId, @sessionId, @target, @endpointId, @url, 'pending', 0, @now, 'scheduled', 1, @now, @now, @mode)
                        ON CONFLICT (event_id, target) DO NOTHING
                        """, new { id = Ids.New("whd"), eventId = e.Id, type = e.Type, tenantId = e.TenantId, sessionId = e.SessionId, target, endpointId, url, now, mode = e.Mode }, transaction);
                }
            }
            await connection.ExecuteAsync("UPDATE webhook_fanout SET last_seq = @last WHERE name = 'events' AND last_seq < @last",
                new { last = events[^1].Seq }, transaction);
            return events.Count;
        }, cancellationToken);
    }

    /// <summary>
    /// The receivers of one event: the tenant's enabled endpoints that want its type and existed when it
    /// happened and are of the event's mode (test events reach test endpoints only), and the session's own URL unless an
    /// endpoint already delivers there or it answered 410.
    /// </summary>
    private static IEnumerable<(string Target, string? EndpointId, string Url)> TargetsOf(OutboxRow e, IReadOnlyList<WebhookEndpoint> endpoints,
        HashSet<(string TenantId, string Url)> gone)
    {
        var created = Clock.Parse(e.CreatedAt);
        var targets = endpoints.Where(p => p.TenantId == e.TenantId && p.Livemode == Auth.Modes.IsLive(e.Mode) && p.Wants(e.Type) && p.CreatedAt <= created)
            .Select(p => (p.Id, (string?)p.Id, p.Url)).ToList();
        if (e.SessionUrl is { } url && targets.All(t => t.Url != url) && !gone.Contains((e.TenantId, url)))
            targets.Add((WebhookDelivery.SessionTarget, null, url));
        return targets;
    }

    /// <summary>Session URLs whose receiver answered 410 to this tenant: they get no further events.</summary>
    private static async Task<HashSet<(string TenantId, string Url)>> GoneSessionUrlsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> urls)
    {
        if (urls.Count == 0)
            return [];
        var rows = await connection.QueryAsync<(string TenantId, string Url)>(
            $"SELECT DISTINCT tenant_id, url FROM webhook_deliveries WHERE {SqlDialect.InList(connection, "url", "urls")} AND target = 'session' AND last_status_code = 410",
            new { urls }, transaction);
        return rows.ToHashSet();
    }

    /// <summary>
    /// Claims the most overdue delivery whose receiver has fewer than <paramref name="maxPerUrl"/> requests in
    /// flight for the same tenant (one tenant's receivers never use up another's share of a URL). An expired lease (a dead worker) makes the row claimable again. SQLite serialises claims. On
    /// PostgreSQL a transaction-scoped advisory lock serialises them too — otherwise two claimers could both see
    /// room under a receiver's limit — and <c>FOR UPDATE SKIP LOCKED</c> passes over rows another replica is
    /// just recording an attempt for instead of waiting on them. A claim holds the lock for one short UPDATE.
    /// </summary>
    public async Task<ClaimedDelivery?> ClaimAsync(string worker, TimeSpan lease, int maxPerUrl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Idle polls only read, so they never queue behind (or hold up) the API's writes.
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var due = await connection.ExecuteScalarAsync<string?>(
                "SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= @now LIMIT 1", new { now = Clock.Format(now) });
            if (due is null)
                return null;
        }
        var row = await database.InTransactionAsync(async (connection, transaction) =>
        {
            await SqlDialect.LockAsync(connection, transaction, AdvisoryLock.WebhookClaims);
            return await connection.QuerySingleOrDefaultAsync<(string Id, string EventId, string TenantId, string Target, string? EndpointId, string Url,
                long Attempts, string TriggerKind, long AutoRetry)>($"""
                UPDATE webhook_deliveries SET locked_by = @worker, locked_until = @until, updated_at = @now
                WHERE id = (SELECT d.id FROM webhook_deliveries d
                            WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND (d.locked_until IS NULL OR d.locked_until < @now)
                              AND (SELECT COUNT(*) FROM webhook_deliveries b
                                   WHERE b.tenant_id = d.tenant_id AND b.url = d.url AND b.status = 'pending' AND b.locked_until >= @now) < @maxPerUrl
                            ORDER BY d.next_attempt_at LIMIT 1{(SqlDialect.IsPostgres(connection) ? " FOR UPDATE OF d SKIP LOCKED" : "")})
                RETURNING id, event_id, tenant_id, target, endpoint_id, url, attempts, trigger_kind, auto_retry
                """, new { worker, until = Clock.Format(now + lease), now = Clock.Format(now), maxPerUrl }, transaction);
        }, cancellationToken);
        return row.Id is null ? null
            : new ClaimedDelivery(row.Id, row.EventId, row.TenantId, row.Target, row.EndpointId, row.Url, (int)row.Attempts, row.TriggerKind, row.AutoRetry != 0, worker);
    }

    /// <summary>
    /// Forgets what the receivers answered about an erased session's events: a receiver may echo the payload, and its
    /// excerpt must not outlive the erasure. The attempts themselves (time, status code) stay.
    /// </summary>
    public static Task ForgetResponsesAsync(DbConnection connection, DbTransaction transaction, string sessionId) =>
        connection.ExecuteAsync("""
            UPDATE webhook_attempts SET response_excerpt = NULL
            WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE session_id = @sessionId)
            """, new { sessionId }, transaction);

    /// <summary>The decrypted body of an outbox event: exactly the bytes that are signed and sent.</summary>
    public async Task<string?> EventBodyAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var sealedPayload = await connection.QuerySingleOrDefaultAsync<string>("SELECT payload_enc FROM events WHERE id = @eventId", new { eventId });
        return encryptor.DecryptField(sealedPayload, eventId);
    }

    /// <summary>True when the delivery's endpoint was disabled or deleted after fan-out.</summary>
    public async Task<bool> EndpointGoneAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.EndpointId is null)
            return false;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM webhook_endpoints WHERE id = @EndpointId AND status = 'enabled' AND deleted_at IS NULL", new { delivery.EndpointId }) == 0;
    }

    /// <summary>
    /// Appends the attempt and moves the delivery to its next state, fenced on the lease. A 410 also disables
    /// the endpoint (or, for a session URL, cancels what else waits for that URL) in the same transaction.
    /// </summary>
    public Task<bool> RecordAttemptAsync(ClaimedDelivery delivery, DateTimeOffset startedAt, AttemptOutcome outcome, string status,
        DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var now = Clock.Format(time.GetUtcNow());
            await connection.ExecuteAsync("""
                INSERT INTO webhook_attempts (id, delivery_id, attempt, trigger_kind, url, started_at, duration_ms, status_code, response_excerpt, error)
                VALUES (@id, @deliveryId, @attempt, @trigger, @url, @startedAt, @duration, @statusCode, @excerpt, @error)
                """, new
            {
                id = Ids.New("wha"),
                deliveryId = delivery.Id,
                attempt = delivery.Attempts + 1,
                trigger = delivery.Trigger,
                url = delivery.Url,
                startedAt = Clock.Format(startedAt),
                duration = Math.Round(outcome.DurationMs, 3),
                statusCode = outcome.StatusCode,
                excerpt = outcome.ResponseExcerpt,
                error = outcome.Error,
            }, transaction);
            var updated = await connection.ExecuteAsync("""
                UPDATE webhook_deliveries
                SET status = @status, attempts = attempts + 1, next_attempt_at = @next, locked_by = NULL, locked_until = NULL,
                    last_status_code = @statusCode, last_error = @error, trigger_kind = 'scheduled',
                    delivered_at = CASE WHEN @status = 'succeeded' THEN @now ELSE delivered_at END, updated_at = @now
                WHERE id = @id AND locked_by = @worker
                """, new
            {
                id = delivery.Id,
                worker = delivery.Worker,
                status,
                next = nextAttemptAt is { } next ? Clock.Format(next) : null,
                statusCode = outcome.StatusCode,
                error = outcome.Error,
                now,
            }, transaction);
            if (updated == 1 && outcome.Gone)
            {
                if (delivery.EndpointId is { } endpointId)
                    await WebhookEndpointStore.DisableAsync(connection, transaction, endpointId, "receiver answered 410 Gone", now);
                else
                    await CancelPendingAsync(connection, transaction, null, (delivery.TenantId, delivery.Url), "receiver_gone", now);
            }
            return updated == 1;
        }, cancellationToken);

    /// <summary>Marks a claimed delivery cancelled without an attempt (its endpoint went away).</summary>
    public async Task CancelAsync(ClaimedDelivery delivery, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            UPDATE webhook_deliveries SET status = 'cancelled', last_error = @reason, locked_by = NULL, locked_until = NULL, next_attempt_at = NULL, updated_at = @now
            WHERE id = @Id AND locked_by = @Worker
            """, new { delivery.Id, delivery.Worker, reason, now = Clock.Format(time.GetUtcNow()) });
    }

    /// <summary>Gives a claimed delivery back untried (shutdown), so the next dispatcher sends it at once.</summary>
    public async Task ReleaseAsync(ClaimedDelivery delivery)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE webhook_deliveries SET locked_by = NULL, locked_until = NULL WHERE id = @Id AND locked_by = @Worker", new { delivery.Id, delivery.Worker });
    }

    /// <summary>Cancels the pending deliveries of an endpoint, or of a tenant's session URL.</summary>
    public static Task CancelPendingAsync(DbConnection connection, DbTransaction transaction, string? endpointId, (string TenantId, string Url)? sessionUrl,
        string reason, string now) =>
        endpointId is not null
            ? connection.ExecuteAsync("""
                UPDATE webhook_deliveries SET status = 'cancelled', last_error = @reason, next_attempt_at = NULL, updated_at = @now
                WHERE endpoint_id = @endpointId AND status = 'pending'
                """, new { endpointId, reason, now }, transaction)
            : connection.ExecuteAsync("""
                UPDATE webhook_deliveries SET status = 'cancelled', last_error = @reason, next_attempt_at = NULL, updated_at = @now
                WHERE tenant_id = @TenantId AND target = 'session' AND url = @Url AND status = 'pending'
                """, new { sessionUrl!.Value.TenantId, sessionUrl.Value.Url, reason, now }, transaction);

    /// <summary>
    /// Sends a delivery again now. A pending one keeps its schedule; a finished one (succeeded, failed,
    /// cancelled) gets exactly one more attempt; one whose endpoint is disabled or deleted is left as it is.
    /// Null when the tenant has no such delivery.
    /// </summary>
    public Task<DeliveryRetry?> RetryAsync(string tenantId, string mode, string id, CancellationToken cancellationToken) =>
        database.InTransactionAsync<DeliveryRetry?>(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<(string Status, string? EndpointId)>(
                "SELECT status, endpoint_id FROM webhook_deliveries WHERE id = @id AND tenant_id = @tenantId AND mode = @mode", new { id, tenantId, mode }, transaction);
            if (row.Status is null)
                return null;
            if (row.EndpointId is not null && await connection.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM webhook_endpoints WHERE id = @EndpointId AND status = 'enabled' AND deleted_at IS NULL", new { row.EndpointId }, transaction) == 0)
                return new DeliveryRetry.EndpointDisabled(row.EndpointId);
            await connection.ExecuteAsync("""
                UPDATE webhook_deliveries
                SET status = 'pending', next_attempt_at = @now, trigger_kind = 'manual',
                    auto_retry = CASE WHEN status = 'pending' THEN auto_retry ELSE 0 END, updated_at = @now
                WHERE id = @id
                """, new { id, now = Clock.Format(time.GetUtcNow()) }, transaction);
            return new DeliveryRetry.Retried((await LoadAsync(connection, transaction, [id]))[0]);
        }, cancellationToken);

    public async Task<WebhookDelivery?> FindAsync(string tenantId, string mode, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries WHERE id = @id AND tenant_id = @tenantId AND mode = @mode", new { id, tenantId, mode });
        return found == 0 ? null : (await LoadAsync(connection, null, [id]))[0];
    }

    /// <summary>Newest first; <paramref name="after"/> is the (created_at, id) of the last row of the previous page.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ListAsync(string tenantId, string mode, string? sessionId, string? endpointId, string? status,
        (string CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<string>("""
            SELECT id FROM webhook_deliveries
            WHERE tenant_id = @tenantId AND mode = @mode
              AND (@sessionId IS NULL OR session_id = @sessionId)
              AND (@endpointId IS NULL OR endpoint_id = @endpointId)
              AND (@status IS NULL OR status = @status)
              AND (@afterAt IS NULL OR created_at < @afterAt OR (created_at = @afterAt AND id < @afterId))
            ORDER BY created_at DESC, id DESC LIMIT @limit
            """, new { tenantId, mode, sessionId, endpointId, status, afterAt = after?.CreatedAt, afterId = after?.Id, limit })).ToList();
        return ids.Count == 0 ? [] : await LoadAsync(connection, null, ids);
    }

    private static async Task<IReadOnlyList<WebhookDelivery>> LoadAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> ids)
    {
        var rows = (await connection.QueryAsync<Row>($"SELECT {Columns} FROM webhook_deliveries WHERE {SqlDialect.InList(connection, "id", "ids")}", new { ids }, transaction))
            .ToDictionary(r => r.Id);
        var attempts = (await connection.QueryAsync<AttemptRow>($"""
            SELECT delivery_id, attempt, trigger_kind, url, started_at, duration_ms, status_code, response_excerpt, error
            FROM webhook_attempts WHERE {SqlDialect.InList(connection, "delivery_id", "ids")} ORDER BY started_at, attempt
            """, new { ids }, transaction)).ToLookup(a => a.DeliveryId);
        return ids.Select(id => rows[id].ToDelivery(attempts[id].Select(a => a.ToAttempt()).ToList())).ToList();
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string EventId { get; set; } = "";
        public string EventType { get; set; } = "";
        public string TenantId { get; set; } = "";
        public string? SessionId { get; set; }
        public string Target { get; set; } = "";
        public string? EndpointId { get; set; }
        public string Url { get; set; } = "";
        public string Status { get; set; } = "";
        public long Attempts { get; set; }
        public string? NextAttemptAt { get; set; }
        public long? LastStatusCode { get; set; }
        public string? LastError { get; set; }
        public string CreatedAt { get; set; } = "";
        public string UpdatedAt { get; set; } = "";
        public string? DeliveredAt { get; set; }

        public WebhookDelivery ToDelivery(IReadOnlyList<WebhookAttempt> attempts) => new(Id, EventId, EventType, TenantId, SessionId, Target, EndpointId,
            Url, Status, (int)Attempts, Clock.ParseOrNull(NextAttemptAt), (int?)LastStatusCode, LastError, Clock.Parse(CreatedAt), Clock.Parse(UpdatedAt),
            Clock.ParseOrNull(DeliveredAt), attempts);
    }

    private sealed class OutboxRow
    {
        public string Id { get; set; } = "";
        public long Seq { get; set; }
        public string TenantId { get; set; } = "";
        public string? SessionId { get; set; }
        public string Type { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string? ConfigJson { get; set; }
        public string Mode { get; set; } = Auth.Modes.Live;

        public string? SessionUrl => ConfigJson is null ? null : Json.Deserialize<SessionConfig>(ConfigJson).WebhookUrl;
    }

    private sealed class AttemptRow
    {
        public string DeliveryId { get; set; } = "";
        public long Attempt { get; set; }
        public string TriggerKind { get; set; } = "";
        public string Url { get; set; } = "";
        public string StartedAt { get; set; } = "";
        public double DurationMs { get; set; }
        public long? StatusCode { get; set; }
        public string? ResponseExcerpt { get; set; }
        public string? Error { get; set; }

        public WebhookAttempt ToAttempt() => new((int)Attempt, TriggerKind, Url, Clock.Parse(StartedAt), DurationMs, (int?)StatusCode, ResponseExcerpt, Error);
    }
}

/// <summary>What a manual retry did: queued the delivery again, or left it because its endpoint is disabled.</summary>
public abstract record DeliveryRetry
{
    public sealed record Retried(WebhookDelivery Delivery) : DeliveryRetry;
    public sealed record EndpointDisabled(string EndpointId) : DeliveryRetry;
}
