using System.Security.Claims;

namespace Ekyc.Server.Auth;

/// <summary>
/// Who is calling: a tenant's secret API key (full access to that tenant's sessions) or a session's client
/// token (that session's uploads, submit and status only). <see cref="Livemode"/> is false for a test key
/// (<c>ek_test_…</c>) and its sessions' client tokens: they see only test data (see <c>Sandbox/</c>).
/// </summary>
public sealed record Caller(string TenantId, string CredentialId, string? SessionId, bool Livemode = true)
{
    public const string TenantClaim = "ekyc:tenant";
    public const string CredentialClaim = "ekyc:credential";
    public const string SessionClaim = "ekyc:session";
    public const string TestModeClaim = "ekyc:test_mode";

    /// <summary>The <c>mode</c> column value of what this caller creates and sees.</summary>
    public string Mode => Livemode ? Modes.Live : Modes.Test;

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
            user.FindFirstValue(SessionClaim),
            !user.HasClaim(c => c.Type == TestModeClaim));
    }

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim> { new(TenantClaim, TenantId), new(CredentialClaim, CredentialId) };
        if (SessionId is not null)
            claims.Add(new Claim(SessionClaim, SessionId));
        if (!Livemode)
            claims.Add(new Claim(TestModeClaim, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
