using System.Data.Common;
using Dapper;
using Ekyc.Core.Engines;
using Ekyc.Server.Data;

namespace Ekyc.Server.Liveness;

/// <summary>Rows of <c>liveness_challenges</c>. The caller owns the connection and transaction.</summary>
public static class LivenessChallengeStore
{
    public static Task InsertAsync(DbConnection connection, DbTransaction? transaction, LivenessChallengeRecord challenge) =>
        connection.ExecuteAsync("""
            INSERT INTO liveness_challenges (id, tenant_id, session_id, moves, nonce, created_at, expires_at)
            VALUES (@Id, @TenantId, @SessionId, @Moves, @Nonce, @Created, @Expires)
            """, new
        {
            challenge.Id, challenge.TenantId, challenge.SessionId, Moves = Join(challenge.Moves), challenge.Nonce,
            Created = Clock.Format(challenge.CreatedAt), Expires = Clock.Format(challenge.ExpiresAt),
        }, transaction);

    /// <summary>The challenge if it belongs to this tenant's session, else null.</summary>
    public static async Task<LivenessChallengeRecord?> FindAsync(DbConnection connection, DbTransaction? transaction, string tenantId, string sessionId, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            "SELECT * FROM liveness_challenges WHERE id = @id AND tenant_id = @tenantId AND session_id = @sessionId",
            new { id, tenantId, sessionId }, transaction);
        return row?.ToRecord();
    }

    /// <summary>The challenge a selfie upload answered, found by the upload's first frame.</summary>
    public static async Task<LivenessChallengeRecord?> FindBySelfieAsync(DbConnection connection, string selfieImageId)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            "SELECT * FROM liveness_challenges WHERE selfie_image_id = @selfieImageId", new { selfieImageId });
        return row?.ToRecord();
    }

    /// <summary>Marks the challenge used by this upload; false when another upload used it first or it expired meanwhile.</summary>
    public static async Task<bool> ConsumeAsync(DbConnection connection, DbTransaction transaction, string id, string selfieImageId, DateTimeOffset now) =>
        await connection.ExecuteAsync("""
            UPDATE liveness_challenges SET used_at = @now, selfie_image_id = @selfieImageId
            WHERE id = @id AND used_at IS NULL AND expires_at > @now
            """, new { id, selfieImageId, now = Clock.Format(now) }, transaction) == 1;

    /// <summary>
    /// Counts one pose check against a usable challenge of this session; the number it was, or null when the challenge
    /// is unknown, used, expired or has had <paramref name="max"/> checks already. One statement: replicas share the count.
    /// </summary>
    public static Task<long?> CountPoseCheckAsync(DbConnection connection, DbTransaction transaction, string tenantId, string sessionId, string id, DateTimeOffset now, int max) =>
        connection.ExecuteScalarAsync<long?>("""
            UPDATE liveness_challenges SET pose_checks = pose_checks + 1
            WHERE id = @id AND tenant_id = @tenantId AND session_id = @sessionId AND used_at IS NULL AND expires_at > @now AND pose_checks < @max
            RETURNING pose_checks
            """, new { id, tenantId, sessionId, now = Clock.Format(now), max }, transaction);

    private static string Join(IEnumerable<ChallengeMove> moves) => string.Join(',', moves.Select(m => m.ToWire()));

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string TenantId { get; set; } = "";
        public string SessionId { get; set; } = "";
        public string Moves { get; set; } = "";
        public string Nonce { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string ExpiresAt { get; set; } = "";
        public string? UsedAt { get; set; }
        public string? SelfieImageId { get; set; }

        public LivenessChallengeRecord ToRecord() => new(Id, TenantId, SessionId,
            [.. Moves.Split(',').Select(ChallengeMoveNames.Parse)], Nonce, Clock.Parse(CreatedAt), Clock.Parse(ExpiresAt),
            Clock.ParseOrNull(UsedAt), SelfieImageId);
    }
}
