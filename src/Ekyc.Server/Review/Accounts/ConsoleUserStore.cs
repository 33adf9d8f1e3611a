using System.Data.Common;
using Dapper;
using Ekyc.Server.Data;

namespace Ekyc.Server.Review.Accounts;

/// <summary>Rows of <c>console_users</c>. The caller owns the connection and transaction.</summary>
public static class ConsoleUserStore
{
    private const string Columns = """
        id, tenant_id, email, role, password_hash, security_stamp, failed_attempts, locked_until, disabled_at, last_sign_in_at, created_at
        """;

    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, ConsoleUser user, string setupTokenHash, DateTimeOffset setupExpires) =>
        connection.ExecuteAsync("""
            INSERT INTO console_users (id, tenant_id, email, role, security_stamp, setup_token_hash, setup_token_expires_at, created_at)
            VALUES (@Id, @TenantId, @Email, @Role, @SecurityStamp, @hash, @expires, @created)
            """, new { user.Id, user.TenantId, user.Email, user.Role, user.SecurityStamp, hash = setupTokenHash, expires = Clock.Format(setupExpires), created = Clock.Format(user.CreatedAt) },
            transaction);

    public static async Task<ConsoleUser?> FindByEmailAsync(DbConnection connection, string email, DbTransaction? transaction = null) =>
        Map(await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM console_users WHERE email = @email{Lock(connection, transaction)}",
            new { email }, transaction));

    public static async Task<ConsoleUser?> FindAsync(DbConnection connection, string id) =>
        Map(await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM console_users WHERE id = @id", new { id }));

    /// <summary>The account a one-time setup link belongs to, while the link is still valid.</summary>
    public static async Task<ConsoleUser?> FindBySetupTokenAsync(DbConnection connection, DbTransaction transaction, string tokenHash, DateTimeOffset now) =>
        Map(await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM console_users WHERE setup_token_hash = @tokenHash AND setup_token_expires_at > @now AND disabled_at IS NULL{Lock(connection, transaction)}",
            new { tokenHash, now = Clock.Format(now) }, transaction));

    public static async Task<IReadOnlyList<ConsoleUser>> ListAsync(DbConnection connection, string? tenantId) =>
        (await connection.QueryAsync<Row>($"SELECT {Columns} FROM console_users WHERE @tenantId IS NULL OR tenant_id = @tenantId ORDER BY tenant_id, email",
            new { tenantId })).Select(r => Map(r)!).ToList();

    /// <summary>Sets the password, consumes the setup link and changes the stamp, so older sign-ins end.</summary>
    public static Task SetPasswordAsync(DbConnection connection, DbTransaction transaction, string id, string passwordHash, string stamp) =>
        connection.ExecuteAsync("""
            UPDATE console_users SET password_hash = @passwordHash, security_stamp = @stamp, setup_token_hash = NULL, setup_token_expires_at = NULL,
                                     failed_attempts = 0, locked_until = NULL
            WHERE id = @id
            """, new { id, passwordHash, stamp }, transaction);

    public static Task SetSetupTokenAsync(DbConnection connection, DbTransaction transaction, string id, string tokenHash, DateTimeOffset expires) =>
        connection.ExecuteAsync("UPDATE console_users SET setup_token_hash = @tokenHash, setup_token_expires_at = @expires WHERE id = @id",
            new { id, tokenHash, expires = Clock.Format(expires) }, transaction);

    public static Task RecordFailureAsync(DbConnection connection, DbTransaction transaction, string id, int attempts, DateTimeOffset? lockedUntil) =>
        connection.ExecuteAsync("UPDATE console_users SET failed_attempts = @attempts, locked_until = @until WHERE id = @id",
            new { id, attempts, until = lockedUntil is { } u ? Clock.Format(u) : null }, transaction);

    public static Task RecordSignInAsync(DbConnection connection, DbTransaction transaction, string id, DateTimeOffset at, string? rehashed) =>
        connection.ExecuteAsync("""
            UPDATE console_users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = @at, password_hash = COALESCE(@rehashed, password_hash)
            WHERE id = @id
            """, new { id, at = Clock.Format(at), rehashed }, transaction);

    /// <summary>Disables the account and changes its stamp: its open sign-ins end at their next request.</summary>
    public static Task<int> DisableAsync(DbConnection connection, DbTransaction transaction, string email, DateTimeOffset at, string stamp) =>
        connection.ExecuteAsync("UPDATE console_users SET disabled_at = @at, security_stamp = @stamp, setup_token_hash = NULL WHERE email = @email",
            new { email, at = Clock.Format(at), stamp }, transaction);

    private static string Lock(DbConnection connection, DbTransaction? transaction) => transaction is null ? "" : SqlDialect.ForUpdate(connection);

    private static ConsoleUser? Map(Row? r) => r is null ? null : new(r.Id, r.TenantId, r.Email, r.Role, r.PasswordHash, r.SecurityStamp,
        (int)r.FailedAttempts, Clock.ParseOrNull(r.LockedUntil), Clock.ParseOrNull(r.DisabledAt), Clock.ParseOrNull(r.LastSignInAt), Clock.Parse(r.CreatedAt));

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string TenantId { get; set; } = "";
        public string Email { get; set; } = "";
        public string Role { get; set; } = "";
        public string? PasswordHash { get; set; }
        public string SecurityStamp { get; set; } = "";
        public long FailedAttempts { get; set; }
        public string? LockedUntil { get; set; }
        public string? DisabledAt { get; set; }
        public string? LastSignInAt { get; set; }
        public string CreatedAt { get; set; } = "";
    }
}
