using System.Collections.Concurrent;
using Dapper;
using Ekyc.Server.Data;

namespace Ekyc.Server.Auth;

/// <summary>Tenants and their secret API keys; keys are stored only as SHA-256 hashes.</summary>
public sealed class ApiKeyStore(Database database, TimeProvider time)
{
    public const string KeyPrefix = "ek_live";
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (Caller? Caller, DateTimeOffset Until)> _cache = new();

    /// <summary>Creates a tenant (when new) and a key for it; the plaintext key is returned once.</summary>
    public async Task<(string TenantId, string ApiKey)> CreateKeyAsync(string tenantName, CancellationToken cancellationToken = default)
    {
        var key = Ids.Secret(KeyPrefix);
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
                "INSERT INTO api_keys (id, tenant_id, key_hash, prefix, created_at) VALUES (@id, @tenant, @hash, @prefix, @now)",
                new { id = Ids.New("key"), tenant, hash = Ids.Hash(key), prefix = key[..12], now }, transaction);
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

    /// <summary>The caller behind a secret key or client token, or null when it is unknown, revoked or expired.</summary>
    public async Task<Caller?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = Ids.Hash(secret);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Until > now)
            return cached.Caller;
        await using var connection = await database.OpenAsync(cancellationToken);
        Caller? caller;
        if (secret.StartsWith(KeyPrefix + "_", StringComparison.Ordinal))
        {
            var row = await connection.QuerySingleOrDefaultAsync<(string Id, string TenantId)>(
                "SELECT id, tenant_id FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL", new { hash });
            caller = row.Id is null ? null : new Caller(row.TenantId, row.Id, null);
        }
        else
        {
            var row = await connection.QuerySingleOrDefaultAsync<(string Id, string TenantId, string ExpiresAt)>(
                "SELECT id, tenant_id, client_token_expires_at FROM sessions WHERE client_token_hash = @hash AND deleted_at IS NULL", new { hash });
            caller = row.Id is null || Clock.Parse(row.ExpiresAt) <= now ? null : new Caller(row.TenantId, "client_token", row.Id);
            // Client tokens expire by time, so never cache one past its own expiry.
            if (caller is not null)
                _cache[hash] = (caller, Min(now + CacheLifetime, Clock.Parse(row.ExpiresAt)));
            return caller;
        }
        _cache[hash] = (caller, now + CacheLifetime);
        return caller;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
