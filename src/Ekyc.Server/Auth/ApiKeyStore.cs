using System.Data.Common;
using Dapper;
using Ekyc.Server.Data;

namespace Ekyc.Server.Auth;

/// <summary>
/// Tenants and their secret API keys, read and written on the caller's connection and transaction; keys are stored
/// only as SHA-256 hashes. <see cref="ApiKeys"/> holds the use cases.
/// </summary>
public sealed class ApiKeyStore(TimeProvider time)
{
    /// <summary>
    /// Serialises tenant creation across processes for the rest of the transaction: two <c>keys create</c> for a new
    /// name, or two first starts, must not create a tenant twice.
    /// </summary>
    public Task LockTenantsAsync(DbConnection connection, DbTransaction transaction) =>
        SqlDialect.LockAsync(connection, transaction, AdvisoryLock.Tenants);

    public Task<string?> TenantIdAsync(DbConnection connection, DbTransaction transaction, string tenantName) =>
        connection.QuerySingleOrDefaultAsync<string>("SELECT id FROM tenants WHERE name = @tenantName", new { tenantName }, transaction);

    public async Task<bool> AnyTenantAsync(DbConnection connection, DbTransaction transaction) =>
        await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tenants", transaction: transaction) > 0;

    public async Task<string> InsertTenantAsync(DbConnection connection, DbTransaction transaction, string tenantName)
    {
        var tenant = Ids.New("ten");
        await connection.ExecuteAsync("INSERT INTO tenants (id, name, created_at) VALUES (@tenant, @tenantName, @now)",
            new { tenant, tenantName, now = Clock.Format(time.GetUtcNow()) }, transaction);
        return tenant;
    }

    /// <summary>Stores the hash of a new key (never the key).</summary>
    public Task InsertKeyAsync(DbConnection connection, DbTransaction transaction, string tenantId, string key, string mode) =>
        connection.ExecuteAsync(
            "INSERT INTO api_keys (id, tenant_id, key_hash, prefix, created_at, mode) VALUES (@id, @tenantId, @hash, @prefix, @now, @mode)",
            new { id = Ids.New("key"), tenantId, hash = Ids.Hash(key), prefix = key[..12], now = Clock.Format(time.GetUtcNow()), mode }, transaction);

    /// <summary>The unrevoked key with this hash: its id, tenant and mode.</summary>
    public async Task<(string Id, string TenantId, string Mode)?> ActiveKeyAsync(DbConnection connection, string hash)
    {
        var key = await connection.QuerySingleOrDefaultAsync<(string Id, string TenantId, string Mode)>(
            "SELECT id, tenant_id, mode FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL", new { hash });
        return key.Id is null ? null : key;
    }

    /// <summary>The live (not erased) session whose client token has this hash, with the token's expiry.</summary>
    public async Task<(string Id, string TenantId, DateTimeOffset ExpiresAt, string Mode)?> ClientTokenSessionAsync(DbConnection connection, string hash)
    {
        var session = await connection.QuerySingleOrDefaultAsync<(string Id, string TenantId, string ExpiresAt, string Mode)>(
            "SELECT id, tenant_id, client_token_expires_at, mode FROM sessions WHERE client_token_hash = @hash AND deleted_at IS NULL", new { hash });
        return session.Id is null ? null : (session.Id, session.TenantId, Clock.Parse(session.ExpiresAt), session.Mode);
    }

    /// <summary>Every key (never the secret: its id, prefix and dates), optionally of one tenant by name.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(DbConnection connection, string? tenantName) =>
        (await connection.QueryAsync<ApiKeyInfo>("""
            SELECT k.id AS Id, k.tenant_id AS TenantId, t.name AS TenantName, k.prefix AS Prefix, k.created_at AS CreatedAt, k.revoked_at AS RevokedAt
            FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            WHERE @tenantName IS NULL OR t.name = @tenantName
            ORDER BY t.name, k.created_at
            """, new { tenantName })).ToList();

    /// <summary>Revokes a key by id; false when no such active key exists.</summary>
    public async Task<bool> RevokeAsync(DbConnection connection, string keyId) =>
        await connection.ExecuteAsync("UPDATE api_keys SET revoked_at = @now WHERE id = @keyId AND revoked_at IS NULL",
            new { keyId, now = Clock.Format(time.GetUtcNow()) }) == 1;
}

/// <summary>An API key as <c>keys list</c> shows it.</summary>
public sealed record ApiKeyInfo(string Id, string TenantId, string TenantName, string Prefix, string CreatedAt, string? RevokedAt);
