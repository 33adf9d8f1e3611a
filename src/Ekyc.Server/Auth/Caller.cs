using System.Security.Claims;

namespace Ekyc.Server.Auth;

/// <summary>
/// Who is calling: a tenant's secret API key (full access to that tenant's sessions) or a session's client
/// token (that session's uploads, submit and status only).
/// </summary>
public sealed record Caller(string TenantId, string CredentialId, string? SessionId)
{
    public const string TenantClaim = "ekyc:tenant";
    public const string CredentialClaim = "ekyc:credential";
    public const string SessionClaim = "ekyc:session";

    public bool IsClientToken => SessionId is not null;

    /// <summary>A client token's credential id: one per session, so idempotency keys and rate limits are per token.</summary>
    public static string ClientTokenCredential(string sessionId) => "client_token:" + sessionId;

    /// <summary>Minimal-API binding: handlers take the authenticated caller as a parameter.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(From(context));

    public static Caller From(HttpContext context)
    {
        var user = context.User;
        return new Caller(
            user.FindFirstValue(TenantClaim) ?? throw new InvalidOperationException("Unauthenticated request reached an authenticated endpoint."),
            user.FindFirstValue(CredentialClaim)!,
            user.FindFirstValue(SessionClaim));
    }

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim> { new(TenantClaim, TenantId), new(CredentialClaim, CredentialId) };
        if (SessionId is not null)
            claims.Add(new Claim(SessionClaim, SessionId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
