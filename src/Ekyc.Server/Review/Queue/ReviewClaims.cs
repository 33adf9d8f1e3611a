using System.Data.Common;
using Dapper;
using Ekyc.Server.Review.Accounts;
using Ekyc.Server.Data;

namespace Ekyc.Server.Review.Queue;

/// <summary>Who works a session now. One row per session; a claim that ran out can be taken over.</summary>
public sealed record ReviewClaim(string SessionId, string UserId, string Email, DateTimeOffset ClaimedAt, DateTimeOffset ExpiresAt)
{
    public bool IsActive(DateTimeOffset now) => ExpiresAt > now;
}

/// <summary>
/// Claims so that two reviewers never work the same session: a claim is taken or renewed in one statement that
/// only succeeds when the session is free, its claim ran out, or the claim is the caller's own.
/// </summary>
public static class ReviewClaims
{
    /// <summary>Takes or renews the claim and returns whoever holds it afterwards (the caller, or the other reviewer).</summary>
    public static async Task<ReviewClaim> ClaimAsync(DbConnection connection, DbTransaction transaction, Reviewer reviewer, string sessionId,
        DateTimeOffset now, TimeSpan duration)
    {
        await connection.ExecuteAsync("""
            INSERT INTO review_claims (session_id, tenant_id, user_id, email, claimed_at, expires_at)
            VALUES (@sessionId, @tenant, @user, @email, @now, @expires)
            ON CONFLICT (session_id) DO UPDATE SET user_id = excluded.user_id, email = excluded.email,
                claimed_at = CASE WHEN review_claims.user_id = excluded.user_id THEN review_claims.claimed_at ELSE excluded.claimed_at END,
                expires_at = excluded.expires_at
            WHERE review_claims.user_id = excluded.user_id OR review_claims.expires_at <= @now
            """, new { sessionId, tenant = reviewer.TenantId, user = reviewer.UserId, email = reviewer.Email, now = Clock.Format(now), expires = Clock.Format(now + duration) },
            transaction);
        return (await FindAsync(connection, sessionId, transaction))!;
    }

    public static async Task<ReviewClaim?> FindAsync(DbConnection connection, string sessionId, DbTransaction? transaction = null)
    {
        var r = await connection.QuerySingleOrDefaultAsync<Row>(
            "SELECT session_id, user_id, email, claimed_at, expires_at FROM review_claims WHERE session_id = @sessionId", new { sessionId }, transaction);
        return r is null ? null : new ReviewClaim(r.SessionId, r.UserId, r.Email, Clock.Parse(r.ClaimedAt), Clock.Parse(r.ExpiresAt));
    }

    /// <summary>Gives a claim back (only the holder can).</summary>
    public static Task<int> ReleaseAsync(DbConnection connection, DbTransaction? transaction, string sessionId, string userId) =>
        connection.ExecuteAsync("DELETE FROM review_claims WHERE session_id = @sessionId AND user_id = @userId", new { sessionId, userId }, transaction);

    private sealed class Row
    {
        public string SessionId { get; set; } = "";
        public string UserId { get; set; } = "";
        public string Email { get; set; } = "";
        public string ClaimedAt { get; set; } = "";
        public string ExpiresAt { get; set; } = "";
    }
}
