namespace Ekyc.Server.Review.Accounts;

/// <summary>A reviewer account of one tenant. The password is stored only as an ASP.NET Core Identity hash.</summary>
public sealed record ConsoleUser(
    string Id, string TenantId, string Email, string Role, string? PasswordHash, string SecurityStamp,
    int FailedAttempts, DateTimeOffset? LockedUntil, DateTimeOffset? DisabledAt, DateTimeOffset? LastSignInAt, DateTimeOffset CreatedAt)
{
    public bool IsAdmin => Role == ConsoleRole.Admin;
}
