using System.Data.Common;
using Dapper;
using Ekyc.Server.Data;
using Ekyc.Server.Storage;

namespace Ekyc.Server.Webhooks;

/// <summary>
/// Endpoints and signing secrets, read and written on the caller's connection and transaction. Secrets are needed in
/// clear to sign, so they are stored encrypted with the field key, bound to their row (endpoint id or tenant id), and
/// returned to the tenant only when created. Endpoints and the default secret belong to a mode (<c>live</c> or
/// <c>test</c>): test events go only to test endpoints.
/// </summary>
public sealed class WebhookEndpointStore(Encryptor encryptor, TimeProvider time)
{
    private const string Columns = "id, tenant_id, url, description, event_types, status, disabled_reason, created_at, updated_at, previous_secret_expires_at, mode";

    public async Task<(WebhookEndpoint Endpoint, string Secret)> CreateAsync(DbConnection connection, DbTransaction transaction, string tenantId, string mode, string url,
        string? description, IReadOnlyList<string> eventTypes)
    {
        var id = Ids.New("whe");
        var secret = WebhookSecrets.New();
        var now = Clock.Format(time.GetUtcNow());
        await connection.ExecuteAsync("""
            INSERT INTO webhook_endpoints (id, tenant_id, url, description, event_types, secret_enc, status, created_at, updated_at, mode)
            VALUES (@id, @tenantId, @url, @description, @types, @secret, 'enabled', @now, @now, @mode)
            """, new { id, tenantId, url, description, types = Json.Serialize(eventTypes), secret = encryptor.EncryptField(secret, id), now, mode }, transaction);
        return ((await FindAsync(connection, transaction, tenantId, mode, id))!, secret);
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(DbConnection connection, string tenantId, string mode)
    {
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM webhook_endpoints WHERE tenant_id = @tenantId AND mode = @mode AND deleted_at IS NULL ORDER BY created_at, id", new { tenantId, mode });
        return rows.Select(r => r.ToEndpoint()).ToList();
    }

    public async Task<WebhookEndpoint?> FindAsync(DbConnection connection, DbTransaction? transaction, string tenantId, string mode, string id) =>
        (await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM webhook_endpoints WHERE id = @id AND tenant_id = @tenantId AND mode = @mode AND deleted_at IS NULL",
            new { id, tenantId, mode }, transaction))?.ToEndpoint();

    /// <summary>True when the endpoint is enabled and not deleted.</summary>
    public async Task<bool> IsEnabledAsync(DbConnection connection, DbTransaction? transaction, string id) =>
        await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM webhook_endpoints WHERE id = @id AND status = 'enabled' AND deleted_at IS NULL", new { id }, transaction) > 0;

    /// <summary>The enabled endpoints of the tenants in a fan-out batch.</summary>
    public async Task<IReadOnlyList<WebhookEndpoint>> EnabledAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> tenantIds)
    {
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM webhook_endpoints WHERE {SqlDialect.InList(connection, "tenant_id", "tenantIds")} AND status = 'enabled' AND deleted_at IS NULL",
            new { tenantIds }, transaction);
        return rows.Select(r => r.ToEndpoint()).ToList();
    }

    /// <summary>Soft-deletes (the delivery log keeps pointing at it); false when the tenant has no such endpoint.</summary>
    public async Task<bool> DeleteAsync(DbConnection connection, DbTransaction transaction, string tenantId, string mode, string id, string now) =>
        await connection.ExecuteAsync(
            "UPDATE webhook_endpoints SET deleted_at = @now, updated_at = @now WHERE id = @id AND tenant_id = @tenantId AND mode = @mode AND deleted_at IS NULL",
            new { id, tenantId, mode, now }, transaction) == 1;

    /// <summary>Disables an endpoint whose receiver answered 410.</summary>
    public Task DisableAsync(DbConnection connection, DbTransaction transaction, string id, string reason, string now) =>
        connection.ExecuteAsync(
            "UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = @reason, updated_at = @now WHERE id = @id AND status = 'enabled'",
            new { id, reason, now }, transaction);

    public async Task<WebhookEndpoint?> EnableAsync(DbConnection connection, DbTransaction transaction, string tenantId, string mode, string id)
    {
        await connection.ExecuteAsync(
            "UPDATE webhook_endpoints SET status = 'enabled', disabled_reason = NULL, updated_at = @now WHERE id = @id AND tenant_id = @tenantId AND mode = @mode AND deleted_at IS NULL",
            new { id, tenantId, mode, now = Clock.Format(time.GetUtcNow()) }, transaction);
        return await FindAsync(connection, transaction, tenantId, mode, id);
    }

    /// <summary>Replaces the secret; the old one keeps signing (alongside) until the overlap ends. Null when there is no such endpoint.</summary>
    public async Task<(WebhookEndpoint Endpoint, string Secret)?> RotateAsync(DbConnection connection, DbTransaction transaction, string tenantId, string mode,
        string id, TimeSpan overlap)
    {
        var secret = WebhookSecrets.New();
        var now = time.GetUtcNow();
        // Locked on PostgreSQL: two rotations at once must not both keep the same "previous" secret.
        var current = await connection.QuerySingleOrDefaultAsync<string>(
            $"SELECT secret_enc FROM webhook_endpoints WHERE id = @id AND tenant_id = @tenantId AND mode = @mode AND deleted_at IS NULL{SqlDialect.ForUpdate(connection)}",
            new { id, tenantId, mode }, transaction);
        if (current is null)
            return null;
        var previous = encryptor.DecryptField(current, id);
        await connection.ExecuteAsync("""
            UPDATE webhook_endpoints SET secret_enc = @secret, previous_secret_enc = @previous, previous_secret_expires_at = @until, updated_at = @now
            WHERE id = @id
            """, new
        {
            id,
            secret = encryptor.EncryptField(secret, id),
            previous = encryptor.EncryptField(previous, PreviousOwner(id)),
            until = Clock.Format(now + overlap),
            now = Clock.Format(now),
        }, transaction);
        return ((await FindAsync(connection, transaction, tenantId, mode, id))!, secret);
    }

    /// <summary>The secrets that sign deliveries to an endpoint.</summary>
    public async Task<SigningKeys?> EndpointKeysAsync(DbConnection connection, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(string SecretEnc, string? PreviousEnc, string? PreviousUntil)>(
            "SELECT secret_enc, previous_secret_enc, previous_secret_expires_at FROM webhook_endpoints WHERE id = @id", new { id });
        return row.SecretEnc is null ? null : new SigningKeys(encryptor.DecryptField(row.SecretEnc, id)!,
            encryptor.DecryptField(row.PreviousEnc, PreviousOwner(id)), Clock.ParseOrNull(row.PreviousUntil));
    }

    /// <summary>
    /// The tenant's default secret, which signs deliveries to a session's own <c>webhook_url</c>; created on
    /// first use. Concurrent first uses agree on one secret (insert-if-absent, then read).
    /// </summary>
    public async Task<(SigningKeys Keys, DateTimeOffset CreatedAt)> TenantKeysAsync(DbConnection connection, DbTransaction? transaction, string tenantId, string mode)
    {
        var owner = TenantOwner(tenantId, mode);
        const string select = "SELECT secret_enc, previous_secret_enc, previous_secret_expires_at, created_at FROM webhook_tenant_secrets WHERE tenant_id = @tenantId AND mode = @mode";
        var row = await connection.QuerySingleOrDefaultAsync<(string SecretEnc, string? PreviousEnc, string? PreviousUntil, string CreatedAt)>(select, new { tenantId, mode }, transaction);
        if (row.SecretEnc is null)
        {
            await connection.ExecuteAsync("""
                INSERT INTO webhook_tenant_secrets (tenant_id, mode, secret_enc, created_at) VALUES (@tenantId, @mode, @secret, @now)
                ON CONFLICT (tenant_id, mode) DO NOTHING
                """, new { tenantId, mode, secret = encryptor.EncryptField(WebhookSecrets.New(), owner), now = Clock.Format(time.GetUtcNow()) }, transaction);
            row = await connection.QuerySingleAsync<(string SecretEnc, string? PreviousEnc, string? PreviousUntil, string CreatedAt)>(select, new { tenantId, mode }, transaction);
        }
        var keys = new SigningKeys(encryptor.DecryptField(row.SecretEnc, owner)!,
            encryptor.DecryptField(row.PreviousEnc, PreviousOwner(owner)), Clock.ParseOrNull(row.PreviousUntil));
        return (keys, Clock.Parse(row.CreatedAt));
    }

    /// <summary>Replaces the tenant's default secret (which must exist: see <see cref="TenantKeysAsync"/>), keeping the old one for the overlap.</summary>
    public async Task RotateTenantSecretAsync(DbConnection connection, DbTransaction transaction, string tenantId, string mode, TimeSpan overlap)
    {
        var now = time.GetUtcNow();
        var owner = TenantOwner(tenantId, mode);
        var current = await connection.QuerySingleAsync<string>(
            $"SELECT secret_enc FROM webhook_tenant_secrets WHERE tenant_id = @tenantId AND mode = @mode{SqlDialect.ForUpdate(connection)}", new { tenantId, mode }, transaction);
        await connection.ExecuteAsync("""
            UPDATE webhook_tenant_secrets SET secret_enc = @secret, previous_secret_enc = @previous, previous_secret_expires_at = @until, created_at = @now
            WHERE tenant_id = @tenantId AND mode = @mode
            """, new
        {
            tenantId,
            mode,
            secret = encryptor.EncryptField(WebhookSecrets.New(), owner),
            previous = encryptor.EncryptField(encryptor.DecryptField(current, owner), PreviousOwner(owner)),
            until = Clock.Format(now + overlap),
            now = Clock.Format(now),
        }, transaction);
    }

    /// <summary>The associated data of a tenant's default secret; the live one keeps the name it had before modes existed.</summary>
    private static string TenantOwner(string tenantId, string mode) =>
        Auth.Modes.IsLive(mode) ? $"webhook-tenant:{tenantId}" : $"webhook-tenant:{tenantId}:{mode}";

    private static string PreviousOwner(string owner) => owner + ":previous";

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string TenantId { get; set; } = "";
        public string Url { get; set; } = "";
        public string? Description { get; set; }
        public string EventTypes { get; set; } = "[]";
        public string Status { get; set; } = "";
        public string? DisabledReason { get; set; }
        public string CreatedAt { get; set; } = "";
        public string UpdatedAt { get; set; } = "";
        public string? PreviousSecretExpiresAt { get; set; }
        public string Mode { get; set; } = Auth.Modes.Live;

        public WebhookEndpoint ToEndpoint() => new(Id, TenantId, Url, Description, Json.Deserialize<List<string>>(EventTypes), Status,
            DisabledReason, Clock.Parse(CreatedAt), Clock.Parse(UpdatedAt), Clock.ParseOrNull(PreviousSecretExpiresAt)) { Livemode = Auth.Modes.IsLive(Mode) };
    }
}
