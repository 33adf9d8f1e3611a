using System.Data.Common;
using Dapper;
using Ekyc.Server.Data;
using Ekyc.Server.Options;
using Ekyc.Server.Storage;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Idempotency;

/// <summary>A response stored for replay.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, Dictionary<string, string> Headers, byte[] Body);

/// <summary>What happened when a key was reserved.</summary>
public abstract record Reservation
{
    public sealed record Started : Reservation;
    public sealed record InProgress : Reservation;
    public sealed record Mismatch : Reservation;
    public sealed record Completed(StoredResponse Response) : Reservation;
}

/// <summary>
/// Idempotency records: one row per (tenant, key) inserted before the work starts (the start marker), the
/// full response stored after it. The unique key, not a check-then-insert, decides who runs.
/// Responses can carry secrets (the client token), so they are encrypted.
/// </summary>
public sealed class IdempotencyStore(Database database, Encryptor encryptor, IOptions<EkycOptions> options, TimeProvider time)
{
    public async Task<Reservation> ReserveAsync(string tenantId, string key, string fingerprint, TimeSpan retention, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await database.InTransactionAsync<Reservation>(async (connection, transaction) =>
        {
            // An expired record no longer counts; drop it so the key can start over.
            await connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE tenant_id = @tenantId AND key = @key AND expires_at < @now",
                new { tenantId, key, now = Clock.Format(now) }, transaction);
            // ON CONFLICT rather than catching the unique violation: it is the same on both providers, and on
            // PostgreSQL a failed statement would abort the transaction before the existing row could be read.
            // A concurrent, uncommitted reservation of the key makes PostgreSQL wait for it, then skip the insert.
            var inserted = await connection.ExecuteAsync("""
                INSERT INTO idempotency_keys (tenant_id, key, fingerprint, state, created_at, expires_at)
                VALUES (@tenantId, @key, @fingerprint, 'started', @now, @expires)
                ON CONFLICT (tenant_id, key) DO NOTHING
                """, new { tenantId, key, fingerprint, now = Clock.Format(now), expires = Clock.Format(now + retention) }, transaction);
            if (inserted == 1)
                return new Reservation.Started();
            var row = await connection.QuerySingleOrDefaultAsync<(string Fingerprint, string State, string? ResponseEnc, string CreatedAt)>(
                "SELECT fingerprint, state, response_enc, created_at FROM idempotency_keys WHERE tenant_id = @tenantId AND key = @key",
                new { tenantId, key }, transaction);
            // Released by its failed first request between the insert and this read (PostgreSQL): the client's retry starts it.
            if (row.Fingerprint is null)
                return new Reservation.InProgress();
            if (row.Fingerprint != fingerprint)
                return new Reservation.Mismatch();
            if (row.State != "completed")
                return Clock.Parse(row.CreatedAt) < now - options.Value.IdempotencyAbandonedAfter && await TakeOverAsync(connection, transaction, tenantId, key, row.CreatedAt, now)
                    ? new Reservation.Started()
                    : new Reservation.InProgress();
            return new Reservation.Completed(Json.Deserialize<StoredResponse>(encryptor.DecryptField(row.ResponseEnc, Owner(tenantId, key))!));
        }, cancellationToken);
    }

    /// <summary>
    /// Restarts the clock of a key still "started" after <see cref="EkycOptions.IdempotencyAbandonedAfter"/>: its
    /// process died (a killed replica never completes or releases its keys), so the retry takes it over instead of
    /// getting 409 for a day. Only one of several racing retries wins it.
    /// </summary>
    private static async Task<bool> TakeOverAsync(DbConnection connection, DbTransaction transaction,
        string tenantId, string key, string startedAt, DateTimeOffset now) =>
        await connection.ExecuteAsync(
            "UPDATE idempotency_keys SET created_at = @now WHERE tenant_id = @tenantId AND key = @key AND state = 'started' AND created_at = @startedAt",
            new { tenantId, key, startedAt, now = Clock.Format(now) }, transaction) == 1;

    public async Task CompleteAsync(string tenantId, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE idempotency_keys SET state = 'completed', status_code = @status, response_enc = @response WHERE tenant_id = @tenantId AND key = @key",
            new { tenantId, key, status = response.StatusCode, response = encryptor.EncryptField(Json.Serialize(response), Owner(tenantId, key)) });
    }

    /// <summary>Forgets a key whose request failed unexpectedly, so the client can retry it.</summary>
    public async Task ReleaseAsync(string tenantId, string key)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE tenant_id = @tenantId AND key = @key AND state = 'started'", new { tenantId, key });
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE expires_at < @now", new { now = Clock.Format(time.GetUtcNow()) });
    }

    private static string Owner(string tenantId, string key) => $"{tenantId}/{key}";
}
