using Ekyc.Server.Data;

namespace Ekyc.Server.Auth;

/// <summary>The API-key use cases: create (the first tenant's at start, or by the CLI), authenticate, list, revoke.</summary>
public sealed class ApiKeys(Database database, ApiKeyStore store, TimeProvider time)
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
        var tenantId = await database.InTransactionAsync(async (connection, transaction) =>
        {
            await store.LockTenantsAsync(connection, transaction);
            var tenant = await store.TenantIdAsync(connection, transaction, tenantName) ?? await store.InsertTenantAsync(connection, transaction, tenantName);
            await store.InsertKeyAsync(connection, transaction, tenant, key, Modes.Of(livemode));
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
        return await database.InTransactionAsync<(string, string)?>(async (connection, transaction) =>
        {
            await store.LockTenantsAsync(connection, transaction);
            if (await store.AnyTenantAsync(connection, transaction))
                return null;
            var tenant = await store.InsertTenantAsync(connection, transaction, tenantName);
            await store.InsertKeyAsync(connection, transaction, tenant, key, Modes.Live);
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
            return await store.ActiveKeyAsync(connection, hash) is { } key ? new Caller(key.TenantId, key.Id, null, Modes.IsLive(key.Mode)) : null;
        return await store.ClientTokenSessionAsync(connection, hash) is { } session && session.ExpiresAt > time.GetUtcNow()
            ? new Caller(session.TenantId, Caller.ClientTokenCredential(session.Id), session.Id, Modes.IsLive(session.Mode))
            : null;
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string? tenantName, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => store.ListAsync(connection, tenantName), cancellationToken);

    /// <summary>Revokes a key by id; false when no such active key exists.</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await store.RevokeAsync(connection, keyId);
    }
}
