using System.Data.Common;
using Dapper;
using Ekyc.Server.Data;
using Ekyc.Server.Storage;

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

/// <summary>Whose key it is: Stripe scopes keys to the API key, so another credential's key is another record.</summary>
public sealed record IdempotencyScope(string TenantId, string CredentialId, string Key)
{
    /// <summary>The associated data of the sealed response: a response opens only under its own scope.</summary>
    public string Owner => $"{TenantId}/{CredentialId}/{Key}";
}

/// <summary>
/// Idempotency records: one row per (tenant, credential, key) inserted before the work starts (the start marker),
/// the full response stored after it. The unique key, not a check-then-insert, decides who runs. Responses can
/// carry secrets (a client token, a signing secret), so they are sealed; the session a response concerns is
/// recorded so its erasure erases the response too.
/// </summary>
public sealed class IdempotencyStore(Encryptor encryptor)
{
    public async Task<Reservation> ReserveAsync(DbConnection connection, DbTransaction transaction, IdempotencyScope scope, string fingerprint,
        DateTimeOffset now, TimeSpan retention, TimeSpan abandonedAfter)
    {
        var args = new { scope.TenantId, scope.CredentialId, scope.Key, fingerprint, now = Clock.Format(now), expires = Clock.Format(now + retention) };
        // An expired record no longer counts; drop it so the key can start over.
        await connection.ExecuteAsync(
            "DELETE FROM idempotency_keys WHERE tenant_id = @TenantId AND credential_id = @CredentialId AND key = @Key AND expires_at < @now", args, transaction);
        // ON CONFLICT rather than catching the unique violation: it is the same on both providers, and on
        // PostgreSQL a failed statement would abort the transaction before the existing row could be read.
        // A concurrent, uncommitted reservation of the key makes PostgreSQL wait for it, then skip the insert.
        var inserted = await connection.ExecuteAsync("""
            INSERT INTO idempotency_keys (tenant_id, credential_id, key, fingerprint, state, created_at, expires_at)
            VALUES (@TenantId, @CredentialId, @Key, @fingerprint, 'started', @now, @expires)
            ON CONFLICT (tenant_id, credential_id, key) DO NOTHING
            """, args, transaction);
        if (inserted == 1)
            return new Reservation.Started();
        var row = await connection.QuerySingleOrDefaultAsync<(string Fingerprint, string State, string? ResponseEnc, string CreatedAt)>(
            "SELECT fingerprint, state, response_enc, created_at FROM idempotency_keys WHERE tenant_id = @TenantId AND credential_id = @CredentialId AND key = @Key",
            args, transaction);
        // Released by its failed first request between the insert and this read (PostgreSQL): the client's retry starts it.
        if (row.Fingerprint is null)
            return new Reservation.InProgress();
        if (row.Fingerprint != fingerprint)
            return new Reservation.Mismatch();
        if (row.State != "completed")
            return Clock.Parse(row.CreatedAt) < now - abandonedAfter && await TakeOverAsync(connection, transaction, scope, row.CreatedAt, now)
                ? new Reservation.Started()
                : new Reservation.InProgress();
        return new Reservation.Completed(Json.Deserialize<StoredResponse>(encryptor.DecryptField(row.ResponseEnc, scope.Owner)!));
    }

    /// <summary>
    /// Restarts the clock of a key still "started" after the abandon delay: its process died (a killed replica never
    /// completes or releases its keys), so the retry takes it over instead of getting 409 for a day. Only one of
    /// several racing retries wins it.
    /// </summary>
    private static async Task<bool> TakeOverAsync(DbConnection connection, DbTransaction transaction, IdempotencyScope scope, string startedAt, DateTimeOffset now) =>
        await connection.ExecuteAsync("""
            UPDATE idempotency_keys SET created_at = @now
            WHERE tenant_id = @TenantId AND credential_id = @CredentialId AND key = @Key AND state = 'started' AND created_at = @startedAt
            """, new { scope.TenantId, scope.CredentialId, scope.Key, startedAt, now = Clock.Format(now) }, transaction) == 1;

    public Task CompleteAsync(DbConnection connection, IdempotencyScope scope, StoredResponse response, string? sessionId) =>
        connection.ExecuteAsync("""
            UPDATE idempotency_keys SET state = 'completed', status_code = @status, response_enc = @response, session_id = @sessionId
            WHERE tenant_id = @TenantId AND credential_id = @CredentialId AND key = @Key
            """, new
        {
            scope.TenantId, scope.CredentialId, scope.Key, sessionId, status = response.StatusCode,
            response = encryptor.EncryptField(Json.Serialize(response), scope.Owner),
        });

    /// <summary>Forgets a key whose request failed unexpectedly or was refused, so it can be used again.</summary>
    public Task ReleaseAsync(DbConnection connection, IdempotencyScope scope) =>
        connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE tenant_id = @TenantId AND credential_id = @CredentialId AND key = @Key AND state = 'started'",
            new { scope.TenantId, scope.CredentialId, scope.Key });

    /// <summary>Drops the stored responses about an erased session (a replay would bring its data back).</summary>
    public Task ForgetSessionAsync(DbConnection connection, DbTransaction transaction, string sessionId) =>
        connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE session_id = @sessionId", new { sessionId }, transaction);

    public Task<int> PurgeExpiredAsync(DbConnection connection, DateTimeOffset now) =>
        connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE expires_at < @now", new { now = Clock.Format(now) });
}
