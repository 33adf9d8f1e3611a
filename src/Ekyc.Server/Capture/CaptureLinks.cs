using System.Data.Common;
using Dapper;
using Ekyc.Server.Data;
using Ekyc.Server.Options;
using Ekyc.Server.Storage;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Capture;

/// <summary>
/// The <c>capture_url</c> of a session: <c>{public base}/capture/{session id}#t={client token}</c>. The token rides in
/// the fragment, which browsers never send to a server nor put in a Referer, so it stays out of access logs. The
/// token is also kept sealed (AES-GCM, bound to the session id) beside its hash, so the tenant's <c>GET</c> can show
/// the same link again until the token expires. Reads and writes run inside the caller's connection and transaction.
/// </summary>
public sealed class CaptureLinks(Encryptor encryptor, IOptions<EkycOptions> options, TimeProvider time)
{
    public const string PagePath = "/capture/";

    public async Task SaveTokenAsync(DbConnection connection, DbTransaction transaction, string sessionId, string token) =>
        await connection.ExecuteAsync("UPDATE sessions SET client_token_enc = @sealed WHERE id = @sessionId",
            new { sessionId, @sealed = encryptor.EncryptField(token, SealOwner(sessionId)) }, transaction);

    /// <summary>The session's client token while it is valid, else null.</summary>
    public async Task<string?> ValidTokenAsync(DbConnection connection, DbTransaction? transaction, string tenantId, string sessionId)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(string? Sealed, string? ExpiresAt)>("""
            SELECT client_token_enc, client_token_expires_at FROM sessions
            WHERE id = @sessionId AND tenant_id = @tenantId AND deleted_at IS NULL
            """, new { sessionId, tenantId }, transaction);
        if (row.Sealed is null || row.ExpiresAt is null || Clock.Parse(row.ExpiresAt) <= time.GetUtcNow())
            return null;
        return encryptor.DecryptField(row.Sealed, SealOwner(sessionId));
    }

    public string UrlFor(HttpRequest request, string sessionId, string token) =>
        $"{BaseUrl(request)}{PagePath}{Uri.EscapeDataString(sessionId)}#t={Uri.EscapeDataString(token)}";

    private string BaseUrl(HttpRequest request) => string.IsNullOrEmpty(options.Value.PublicBaseUrl)
        ? $"{request.Scheme}://{request.Host}{request.PathBase}"
        : options.Value.PublicBaseUrl.TrimEnd('/');

    private static string SealOwner(string sessionId) => $"{sessionId}/client_token";
}
