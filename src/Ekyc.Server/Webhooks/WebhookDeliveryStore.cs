using System.Data.Common;
using Dapper;
using Ekyc.Server.Data;
using Ekyc.Server.Sessions;
using Ekyc.Server.Storage;

namespace Ekyc.Server.Webhooks;

/// <summary>
/// The delivery queue and log, read and written on the caller's connection and transaction. Delivery rows are unique
/// per (event, receiver), so concurrent fan-outs or a restart never create a second row; deliveries are claimed with a
/// lease like jobs; each attempt is appended to <c>webhook_attempts</c>.
/// </summary>
public sealed class WebhookDeliveryStore(Encryptor encryptor, TimeProvider time)
{
    private const string Columns = """
        id, event_id, event_type, tenant_id, session_id, target, endpoint_id, url, status, attempts, next_attempt_at,
        last_status_code, last_error, created_at, updated_at, delivered_at
        """;

    /// <summary>Whether outbox events wait for fan-out: a cheap read, so an idle poll never takes the write lock.</summary>
    public async Task<bool> EventsWaitingAsync(DbConnection connection) =>
        await connection.ExecuteScalarAsync<long?>(
            "SELECT seq FROM events WHERE seq > (SELECT last_seq FROM webhook_fanout WHERE name = 'events') ORDER BY seq LIMIT 1") is not null;

    /// <summary>
    /// The next outbox events after the fan-out cursor. The cursor row is locked on PostgreSQL, so the fan-outs of
    /// several replicas take turns instead of doing the same batch.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEvent>> NextEventsAsync(DbConnection connection, DbTransaction transaction, int batchSize)
    {
        var cursor = await connection.ExecuteScalarAsync<long>(
            $"SELECT last_seq FROM webhook_fanout WHERE name = 'events'{SqlDialect.ForUpdate(connection)}", transaction: transaction);
        var rows = await connection.QueryAsync<OutboxRow>("""
            SELECT e.id, e.seq, e.tenant_id, e.session_id, e.type, e.created_at, s.config_json, COALESCE(s.mode, 'live') AS mode
            FROM events e LEFT JOIN sessions s ON s.id = e.session_id
            WHERE e.seq > @cursor ORDER BY e.seq LIMIT @batchSize
            """, new { cursor, batchSize }, transaction);
        return rows.Select(r => new OutboxEvent(r.Id, r.Seq, r.TenantId, r.SessionId, r.Type, Clock.Parse(r.CreatedAt), r.SessionUrl, r.Mode)).ToList();
    }

    /// <summary>Adds a pending delivery unless this event already has one for this receiver.</summary>
    public Task InsertAsync(DbConnection connection, DbTransaction transaction, OutboxEvent e, FanOutTarget target, string now) =>
        connection.ExecuteAsync("""
            INSERT INTO webhook_deliveries (id, event_id, event_type, tenant_id, session_id, target, endpoint_id, url, status,
                                            attempts, next_attempt_at, trigger_kind, auto_retry, created_at, updated_at, mode)
            VALUES (@id, @eventId, @type, @tenantId, @sessionId, @target, @endpointId, @url, 'pending', 0, @now, 'scheduled', 1, @now, @now, @mode)
            ON CONFLICT (event_id, target) DO NOTHING
            """, new
        {
            id = Ids.New("whd"), eventId = e.Id, type = e.Type, tenantId = e.TenantId, sessionId = e.SessionId, target = target.Target,
            endpointId = target.EndpointId, url = target.Url, now, mode = e.Mode,
        }, transaction);

    /// <summary>Moves the fan-out cursor forward (never back).</summary>
    public Task AdvanceCursorAsync(DbConnection connection, DbTransaction transaction, long last) =>
        connection.ExecuteAsync("UPDATE webhook_fanout SET last_seq = @last WHERE name = 'events' AND last_seq < @last", new { last }, transaction);

    /// <summary>Session URLs whose receiver answered 410 to a tenant in a mode: they get no further events of it.</summary>
    public async Task<HashSet<SessionUrl>> GoneSessionUrlsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> urls)
    {
        if (urls.Count == 0)
            return [];
        var rows = await connection.QueryAsync<(string TenantId, string Mode, string Url)>(
            $"SELECT DISTINCT tenant_id, mode, url FROM webhook_deliveries WHERE {SqlDialect.InList(connection, "url", "urls")} AND target = 'session' AND last_status_code = 410",
            new { urls }, transaction);
        return rows.Select(r => new SessionUrl(r.TenantId, r.Mode, r.Url)).ToHashSet();
    }

    /// <summary>Whether a delivery is due: a cheap read, so idle polls never queue behind (or hold up) the API's writes.</summary>
    public async Task<bool> AnyDueAsync(DbConnection connection) =>
        await connection.ExecuteScalarAsync<string?>(
            "SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= @now LIMIT 1", new { now = Clock.Format(time.GetUtcNow()) }) is not null;

    /// <summary>
    /// Claims the most overdue delivery whose receiver has fewer than <paramref name="maxPerUrl"/> requests in
    /// flight for the same tenant (one tenant's receivers never use up another's share of a URL). An expired lease (a
    /// dead worker) makes the row claimable again. SQLite serialises claims. On PostgreSQL a transaction-scoped
    /// advisory lock serialises them too — otherwise two claimers could both see room under a receiver's limit — and
    /// <c>FOR UPDATE SKIP LOCKED</c> passes over rows another replica is just recording an attempt for instead of
    /// waiting on them. A claim holds the lock for one short UPDATE.
    /// </summary>
    public async Task<ClaimedDelivery?> ClaimAsync(DbConnection connection, DbTransaction transaction, string worker, TimeSpan lease, int maxPerUrl)
    {
        var now = time.GetUtcNow();
        await SqlDialect.LockAsync(connection, transaction, AdvisoryLock.WebhookClaims);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string EventId, string TenantId, string Target, string? EndpointId, string Url,
            long Attempts, string TriggerKind, long AutoRetry, string Mode)>($"""
            UPDATE webhook_deliveries SET locked_by = @worker, locked_until = @until, updated_at = @now
            WHERE id = (SELECT d.id FROM webhook_deliveries d
                        WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND (d.locked_until IS NULL OR d.locked_until < @now)
                          AND (SELECT COUNT(*) FROM webhook_deliveries b
                               WHERE b.tenant_id = d.tenant_id AND b.url = d.url AND b.status = 'pending' AND b.locked_until >= @now) < @maxPerUrl
                        ORDER BY d.next_attempt_at LIMIT 1{(SqlDialect.IsPostgres(connection) ? " FOR UPDATE OF d SKIP LOCKED" : "")})
            RETURNING id, event_id, tenant_id, target, endpoint_id, url, attempts, trigger_kind, auto_retry, mode
            """, new { worker, until = Clock.Format(now + lease), now = Clock.Format(now), maxPerUrl }, transaction);
        return row.Id is null ? null
            : new ClaimedDelivery(row.Id, row.EventId, row.TenantId, row.Target, row.EndpointId, row.Url, (int)row.Attempts, row.TriggerKind, row.AutoRetry != 0, worker,
                row.Mode);
    }

    /// <summary>
    /// Forgets what the receivers answered about an erased session's events: a receiver may echo the payload, and its
    /// excerpt must not outlive the erasure. The attempts themselves (time, status code) stay.
    /// </summary>
    public Task ForgetResponsesAsync(DbConnection connection, DbTransaction transaction, string sessionId) =>
        connection.ExecuteAsync("""
            UPDATE webhook_attempts SET response_excerpt = NULL
            WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE session_id = @sessionId)
            """, new { sessionId }, transaction);

    /// <summary>The decrypted body of an outbox event: exactly the bytes that are signed and sent.</summary>
    public async Task<string?> EventBodyAsync(DbConnection connection, string eventId)
    {
        var sealedPayload = await connection.QuerySingleOrDefaultAsync<string>("SELECT payload_enc FROM events WHERE id = @eventId", new { eventId });
        return encryptor.DecryptField(sealedPayload, eventId);
    }

    /// <summary>Appends the attempt and moves the delivery to its next state, fenced on the lease; false when the lease was lost.</summary>
    public async Task<bool> RecordAttemptAsync(DbConnection connection, DbTransaction transaction, ClaimedDelivery delivery, DateTimeOffset startedAt,
        AttemptOutcome outcome, string status, DateTimeOffset? nextAttemptAt, string now)
    {
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
        return await connection.ExecuteAsync("""
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
        }, transaction) == 1;
    }

    /// <summary>Marks a claimed delivery cancelled without an attempt (its endpoint went away).</summary>
    public Task CancelAsync(DbConnection connection, ClaimedDelivery delivery, string reason) =>
        connection.ExecuteAsync("""
            UPDATE webhook_deliveries SET status = 'cancelled', last_error = @reason, locked_by = NULL, locked_until = NULL, next_attempt_at = NULL, updated_at = @now
            WHERE id = @Id AND locked_by = @Worker
            """, new { delivery.Id, delivery.Worker, reason, now = Clock.Format(time.GetUtcNow()) });

    /// <summary>Gives a claimed delivery back untried (shutdown), so the next dispatcher sends it at once.</summary>
    public Task ReleaseAsync(DbConnection connection, ClaimedDelivery delivery) =>
        connection.ExecuteAsync(
            "UPDATE webhook_deliveries SET locked_by = NULL, locked_until = NULL WHERE id = @Id AND locked_by = @Worker", new { delivery.Id, delivery.Worker });

    /// <summary>Cancels the pending deliveries of an endpoint, or of a tenant's session URL.</summary>
    public Task CancelPendingAsync(DbConnection connection, DbTransaction transaction, string? endpointId, SessionUrl? sessionUrl,
        string reason, string now) =>
        endpointId is not null
            ? connection.ExecuteAsync("""
                UPDATE webhook_deliveries SET status = 'cancelled', last_error = @reason, next_attempt_at = NULL, updated_at = @now
                WHERE endpoint_id = @endpointId AND status = 'pending'
                """, new { endpointId, reason, now }, transaction)
            : connection.ExecuteAsync("""
                UPDATE webhook_deliveries SET status = 'cancelled', last_error = @reason, next_attempt_at = NULL, updated_at = @now
                WHERE tenant_id = @TenantId AND mode = @Mode AND target = 'session' AND url = @Url AND status = 'pending'
                """, new { sessionUrl!.Value.TenantId, sessionUrl.Value.Mode, sessionUrl.Value.Url, reason, now }, transaction);

    /// <summary>The tenant's delivery's status and endpoint, or null when it has no such delivery.</summary>
    public async Task<(string Status, string? EndpointId)?> StateAsync(DbConnection connection, DbTransaction transaction, string tenantId, string mode, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(string Status, string? EndpointId)>(
            "SELECT status, endpoint_id FROM webhook_deliveries WHERE id = @id AND tenant_id = @tenantId AND mode = @mode", new { id, tenantId, mode }, transaction);
        return row.Status is null ? null : row;
    }

    /// <summary>
    /// Queues a delivery for an attempt now. A pending one keeps its schedule; a finished one (succeeded, failed,
    /// cancelled) gets exactly one more attempt.
    /// </summary>
    public async Task<WebhookDelivery> RequeueAsync(DbConnection connection, DbTransaction transaction, string id)
    {
        await connection.ExecuteAsync("""
            UPDATE webhook_deliveries
            SET status = 'pending', next_attempt_at = @now, trigger_kind = 'manual',
                auto_retry = CASE WHEN status = 'pending' THEN auto_retry ELSE 0 END, updated_at = @now
            WHERE id = @id
            """, new { id, now = Clock.Format(time.GetUtcNow()) }, transaction);
        return (await LoadAsync(connection, transaction, [id]))[0];
    }

    public async Task<WebhookDelivery?> FindAsync(DbConnection connection, string tenantId, string mode, string id)
    {
        var found = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM webhook_deliveries WHERE id = @id AND tenant_id = @tenantId AND mode = @mode", new { id, tenantId, mode });
        return found == 0 ? null : (await LoadAsync(connection, null, [id]))[0];
    }

    /// <summary>Newest first; <paramref name="after"/> is the (created_at, id) of the last row of the previous page.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ListAsync(DbConnection connection, string tenantId, string mode, string? sessionId, string? endpointId,
        string? status, (string CreatedAt, string Id)? after, int limit)
    {
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
