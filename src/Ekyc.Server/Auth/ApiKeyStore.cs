using Dapper;
using Ekyc.Server.Data;

namespace Ekyc.Server.Auth;

/// <summary>Tenants and their secret API keys; keys are stored only as SHA-256 hashes.</summary>
public sealed class ApiKeyStore(Database database, TimeProvider time)
{
    public const string KeyPrefix = "ek_live";

    /// <summary>Test keys make and see only test sessions, which the sandbox decides without running an engine.</summary>
    public const string TestKeyPrefix = "ek_test";

    /// <summary>Creates a tenant (when new) and a live key for it; the plaintext key is returned once.</summary>
    public Task<(string TenantId, string ApiKey)> CreateKeyAsync(string tenantName, CancellationToken cancellationToken = default) =>
        CreateKeyAsync(tenantName, livemode: true, cancellationToken);

    /// <summary>Creates a tenant (when new) and a live or test key for it; the plaintext key is returned once.</summary>
    public async Task<(string TenantId, string ApiKey)> CreateKeyAsync(string tenantName, bool livemode, CancellationToken cancellationToken = default)
    {
        var key = Ids.Secret(livemode ? KeyPrefix : TestKeyPrefix);
        var mode = Modes.Of(livemode);
        var now = Clock.Format(time.GetUtcNow());
        var tenantId = await database.InTransactionAsync(async (connection, transaction) =>
        {
            // Two `keys create` for a new name at once must not create the tenant twice.
            await SqlDialect.LockAsync(connection, transaction, AdvisoryLock.Tenants);
            var tenant = await connection.QuerySingleOrDefaultAsync<string>("SELECT id FROM tenants WHERE name = @tenantName", new { tenantName }, transaction);
            if (tenant is null)
            {
                tenant = Ids.New("ten");
                await connection.ExecuteAsync("INSERT INTO tenants (id, name, created_at) VALUES (@tenant, @tenantName, @now)", new { tenant, tenantName, now }, transaction);
            }
            await connection.ExecuteAsync(
                "INSERT INTO api_keys (id, tenant_id, key_hash, prefix, created_at, mode) VALUES (@id, @tenant, @hash, @prefix, @now, @mode)",
                new { id = Ids.New("key"), tenant, hash = Ids.Hash(key), prefix = key[..12], now, mode }, transaction);
            return tenant;
        }, cancellationToken);
        return (tenantId, key);
    }

    /// <summary>
    /// Creates the first tenant and its key when the database has none; null when a tenant exists. Race-free
    /// across processes starting together on one database: the check and the insert run under one lock.
    /// </summary>
    public async Task<(string TenantId, string ApiKey)?> CreateInitialAsync(string tenantName, CancellationToken cancellationToken = default)
    {
        var key = Ids.Secret(KeyPrefix);
        var now = Clock.Format(time.GetUtcNow());
        return await database.InTransactionAsync<(string, string)?>(async (connection, transaction) =>
        {
            await SqlDialect.LockAsync(connection, transaction, AdvisoryLock.Tenants);
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tenants", transaction: transaction) > 0)
                return null;
            var tenant = Ids.New("ten");
            await connection.ExecuteAsync("INSERT INTO tenants (id, name, created_at) VALUES (@tenant, @tenantName, @now)", new { tenant, tenantName, now }, transaction);
            await connection.ExecuteAsync(
                "INSERT INTO api_keys (id, tenant_id, key_hash, prefix, created_at) VALUES (@id, @tenant, @hash, @prefix, @now)",
                new { id = Ids.New("key"), tenant, hash = Ids.Hash(key), prefix = key[..12], now }, transaction);
            return (tenant, key);
        }, cancellationToken);
    }

    /// <summary>
    /// The caller behind a secret key or client token, or null when it is unknown, revoked or expired. Looked up on
    /// every request (one indexed read): a revocation or an erasure takes effect at once on every replica, and no
    /// unbounded cache of failed guesses grows in memory.
    /// </summary>
    public async Task<Caller?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = Ids.Hash(secret);
        await using var connection = await database.OpenAsync(cancellationToken);
        if (secret.StartsWith(KeyPrefix + "_", StringComparison.Ordinal) || secret.StartsWith(TestKeyPrefix + "_", StringComparison.Ordinal))
        {
            var key = await connection.QuerySingleOrDefaultAsync<(string Id, string TenantId, string Mode)>(
                "SELECT id, tenant_id, mode FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL", new { hash });
            return key.Id is null ? null : new Caller(key.TenantId, key.Id, null, Modes.IsLive(key.Mode));
        }
        var session = await connection.QuerySingleOrDefaultAsync<(string Id, string TenantId, string ExpiresAt, string Mode)>(
            "SELECT id, tenant_id, client_token_expires_at, mode FROM sessions WHERE client_token_hash = @hash AND deleted_at IS NULL", new { hash });
        return session.Id is null || Clock.Parse(session.ExpiresAt) <= time.GetUtcNow()
            ? null
            : new Caller(session.TenantId, Caller.ClientTokenCredential(session.Id), session.Id, Modes.IsLive(session.Mode));
    }

    /// <summary>Every key (never the secret: its id, prefix and dates), optionally of one tenant by name.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string? tenantName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiKeyInfo>("""
            SELECT k.id AS Id, k.tenant_id AS TenantId, t.name AS TenantName, k.prefix AS Prefix, k.created_at AS CreatedAt, k.revoked_at AS RevokedAt
            FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            WHERE @tenantName IS NULL OR t.name = @tenantName
            ORDER BY t.name, k.created_at
            """, new { tenantName });
        return rows.ToList();
    }

    /// <summary>Revokes a key by id; false when no such active key exists.</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("UPDATE api_keys SET revoked_at = @now WHERE id = @keyId AND revoked_at IS NULL",
            new { keyId, now = Clock.Format(time.GetUtcNow()) }) == 1;
    }
}

/// <summary>An API key as <c>keys list</c> shows it.</summary>
public sealed record ApiKeyInfo(string Id, string TenantId, string TenantName, string Prefix, string CreatedAt, string? RevokedAt);
