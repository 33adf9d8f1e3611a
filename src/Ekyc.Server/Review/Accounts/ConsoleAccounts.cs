using Dapper;
using Ekyc.Server.Review.Audit;
using Ekyc.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Review.Accounts;

/// <summary>
/// Reviewer accounts: creation with a one-time link to set the password, password sign-in with lockout, and the
/// check that a signed-in cookie still belongs to an enabled account whose password has not changed since.
/// </summary>
public sealed class ConsoleAccounts(Database database, AuditLog audit, IOptions<ConsoleOptions> options, TimeProvider time)
{
    private static readonly PasswordHasher<ConsoleUser> Hasher = new();
    /// <summary>Verified against when the email is unknown, so an unknown account costs as much time as a known one.</summary>
    private static readonly string DummyHash = Hasher.HashPassword(null!, "not a password of anyone");

    private ConsoleOptions Options => options.Value;

    /// <summary>Creates an account of an existing tenant (by name or id); returns it and its one-time set-password link.</summary>
    public async Task<(ConsoleUser User, string SetupLink)> CreateAsync(string tenant, string email, string role, CancellationToken cancellationToken)
    {
        email = NormaliseEmail(email);
        if (!ConsoleRole.IsValid(role))
            throw new ArgumentException($"Role must be '{ConsoleRole.Reviewer}' or '{ConsoleRole.Admin}'.");
        if (!email.Contains('@') || email.Length > 200)
            throw new ArgumentException("Not an email address.");
        var token = Ids.Secret("ek_setup");
        var now = time.GetUtcNow();
        var user = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var tenantId = await connection.QuerySingleOrDefaultAsync<string>("SELECT id FROM tenants WHERE name = @tenant OR id = @tenant", new { tenant }, transaction)
                ?? throw new ArgumentException($"No tenant '{tenant}' (create one with `keys create --tenant {tenant}`).");
            if (await ConsoleUserStore.FindByEmailAsync(connection, email, transaction) is not null)
                throw new ArgumentException($"An account for {email} exists already.");
            var created = new ConsoleUser(Ids.New("usr"), tenantId, email, role, null, NewStamp(), 0, null, null, null, now);
            await ConsoleUserStore.InsertAsync(connection, transaction, created, Ids.Hash(token), now + Options.SetupLinkLifetime);
            return created;
        }, cancellationToken);
        return (user, SetupLink(token));
    }

    /// <summary>A new one-time link for an existing account (a forgotten password); the old password keeps working until it is used.</summary>
    public async Task<string> ResetLinkAsync(string email, CancellationToken cancellationToken)
    {
        var token = Ids.Secret("ek_setup");
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var user = await ConsoleUserStore.FindByEmailAsync(connection, NormaliseEmail(email), transaction);
            if (user is null || user.DisabledAt is not null)
                throw new ArgumentException($"No enabled account for {email}.");
            await ConsoleUserStore.SetSetupTokenAsync(connection, transaction, user.Id, Ids.Hash(token), time.GetUtcNow() + Options.SetupLinkLifetime);
            return 0;
        }, cancellationToken);
        return SetupLink(token);
    }

    public async Task<IReadOnlyList<ConsoleUser>> ListAsync(string? tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ConsoleUserStore.ListAsync(connection, tenantId);
    }

    public async Task<bool> DisableAsync(string email, CancellationToken cancellationToken) =>
        await database.InTransactionAsync((connection, transaction) =>
            ConsoleUserStore.DisableAsync(connection, transaction, NormaliseEmail(email), time.GetUtcNow(), NewStamp()), cancellationToken) > 0;

    /// <summary>The account a setup link opens, or null when the link is unknown, used or expired.</summary>
    public async Task<ConsoleUser?> FindBySetupTokenAsync(string token, CancellationToken cancellationToken) =>
        await database.InTransactionAsync((connection, transaction) =>
            ConsoleUserStore.FindBySetupTokenAsync(connection, transaction, Ids.Hash(token), time.GetUtcNow()), cancellationToken);

    /// <summary>Sets the password through a setup link (consuming it); null when the link is not valid.</summary>
    public async Task<ConsoleUser?> SetPasswordAsync(string token, string password, CancellationToken cancellationToken)
    {
        if (!IsAcceptablePassword(password))
            throw new ArgumentException("Password too short.");
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var user = await ConsoleUserStore.FindBySetupTokenAsync(connection, transaction, Ids.Hash(token), time.GetUtcNow());
            if (user is null)
                return null;
            var stamp = NewStamp();
            await ConsoleUserStore.SetPasswordAsync(connection, transaction, user.Id, Hasher.HashPassword(user, password), stamp);
            await audit.WriteAsync(connection, transaction, user.TenantId, user.Id, user.Email, AuditAction.PasswordSet, null, null);
            return user with { SecurityStamp = stamp };
        }, cancellationToken);
    }

    public bool IsAcceptablePassword(string? password) => password is { Length: > 0 } && password.Length >= Options.MinPasswordLength && password.Length <= 1024;

    /// <summary>
    /// Checks a password. Each failure counts; the <see cref="ConsoleOptions.LockoutAttempts"/>th in a row locks the
    /// account for <see cref="ConsoleOptions.LockoutDuration"/>, during which even the right password is refused.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        email = NormaliseEmail(email);
        var now = time.GetUtcNow();
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var user = await ConsoleUserStore.FindByEmailAsync(connection, email, transaction);
            if (user is null || user.PasswordHash is null || user.DisabledAt is not null)
            {
                Hasher.VerifyHashedPassword(null!, DummyHash, password);
                return new SignInResult(SignInOutcome.Failed, null);
            }
            if (user.LockedUntil is { } until && until > now)
            {
                await audit.WriteAsync(connection, transaction, user.TenantId, user.Id, user.Email, AuditAction.SignInLocked, null, null);
                return new SignInResult(SignInOutcome.LockedOut, user);
            }
            var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
            if (verdict == PasswordVerificationResult.Failed)
            {
                // A lock that ran out starts a fresh count.
                var attempts = (user.LockedUntil is null ? user.FailedAttempts : 0) + 1;
                var locks = attempts >= Options.LockoutAttempts;
                await ConsoleUserStore.RecordFailureAsync(connection, transaction, user.Id, attempts, locks ? now + Options.LockoutDuration : null);
                await audit.WriteAsync(connection, transaction, user.TenantId, user.Id, user.Email, locks ? AuditAction.SignInLocked : AuditAction.SignInFailed,
                    null, $"attempt {attempts}");
                return new SignInResult(locks ? SignInOutcome.LockedOut : SignInOutcome.Failed, user);
            }
            var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user, password) : null;
            await ConsoleUserStore.RecordSignInAsync(connection, transaction, user.Id, now, rehashed);
            await audit.WriteAsync(connection, transaction, user.TenantId, user.Id, user.Email, AuditAction.SignedIn, null, null);
            return new SignInResult(SignInOutcome.Succeeded, user);
        }, cancellationToken);
    }

    /// <summary>Records a sign-out (the cookie is already gone).</summary>
    public async Task SignedOutAsync(Reviewer reviewer, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await audit.WriteAsync(connection, null, reviewer.TenantId, reviewer.UserId, reviewer.Email, AuditAction.SignedOut, null, null);
    }

    /// <summary>The account behind a cookie, or null when it was disabled or its password changed since the cookie was issued.</summary>
    public async Task<ConsoleUser?> ValidateAsync(string userId, string stamp, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var user = await ConsoleUserStore.FindAsync(connection, userId);
        return user is not null && user.DisabledAt is null && user.SecurityStamp == stamp ? user : null;
    }

    private string SetupLink(string token) => $"{Options.PublicUrl.TrimEnd('/')}/console/set-password?token={Uri.EscapeDataString(token)}";

    private static string NewStamp() => Ids.Secret("stamp");

    private static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
