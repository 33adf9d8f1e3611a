using System.Security.Claims;
using Ekyc.Server.Auth;

namespace Ekyc.Server.Review.Accounts;

/// <summary>The signed-in console user, as the cookie carries it. Sessions are reached through <see cref="ToCaller"/>, so a reviewer sees only their tenant.</summary>
public sealed record Reviewer(string UserId, string TenantId, string Email, string Role, string SecurityStamp)
{
    private const string StampClaim = "ekyc:console_stamp";

    public bool IsAdmin => Role == ConsoleRole.Admin;

    /// <summary>The API caller the console acts as: the tenant, with the account as the credential.</summary>
    public Caller ToCaller() => new(TenantId, "console:" + UserId, null);

    public static Reviewer From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in to the console."),
        principal.FindFirstValue(Caller.TenantClaim)!,
        principal.FindFirstValue(ClaimTypes.Email)!,
        principal.FindFirstValue(ClaimTypes.Role)!,
        principal.FindFirstValue(StampClaim)!);

    public static ClaimsPrincipal ToPrincipal(ConsoleUser user, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id),
        new Claim(Caller.TenantClaim, user.TenantId),
        new Claim(ClaimTypes.Email, user.Email),
        new Claim(ClaimTypes.Name, user.Email),
        new Claim(ClaimTypes.Role, user.Role),
        new Claim(StampClaim, user.SecurityStamp),
    ], scheme, ClaimTypes.Name, ClaimTypes.Role));
}
