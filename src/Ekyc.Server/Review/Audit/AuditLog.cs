using System.Data.Common;
using Dapper;
using Ekyc.Server.Data;
using Ekyc.Server.Storage;

namespace Ekyc.Server.Review.Audit;

/// <summary>
/// The console's audit trail (<c>console_audit</c>), read and written inside the caller's connection and transaction.
/// Details can name a person (a decision's note, an image of an identity document), so they are sealed like the other
/// personal data.
/// </summary>
public sealed class AuditLog(Encryptor encryptor, TimeProvider time)
{
    public Task WriteAsync(DbConnection connection, DbTransaction? transaction, string tenantId, string? userId, string email, string action,
        string? sessionId, string? detail)
    {
        var id = Ids.New("aud");
        return connection.ExecuteAsync("""
            INSERT INTO console_audit (id, tenant_id, user_id, email, action, session_id, detail_enc, at)
            VALUES (@id, @tenantId, @userId, @email, @action, @sessionId, @detail, @at)
            """, new { id, tenantId, userId, email, action, sessionId, detail = encryptor.EncryptField(detail, id), at = Clock.Format(time.GetUtcNow()) },
            transaction);
    }

    /// <summary>A tenant's entries, newest first, optionally of one session; at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(DbConnection connection, string tenantId, string? sessionId, int limit)
    {
        var rows = await connection.QueryAsync<(string Id, string TenantId, string? UserId, string Email, string Action, string? SessionId, string? DetailEnc, string At)>("""
            SELECT id, tenant_id, user_id, email, action, session_id, detail_enc, at FROM console_audit
            WHERE tenant_id = @tenantId AND (@sessionId IS NULL OR session_id = @sessionId)
            ORDER BY at DESC, id DESC
            LIMIT @limit
            """, new { tenantId, sessionId, limit });
        return rows.Select(r => new AuditEntry(r.Id, r.TenantId, r.UserId, r.Email, r.Action, r.SessionId, encryptor.DecryptField(r.DetailEnc, r.Id), Clock.Parse(r.At)))
            .ToList();
    }
}
