using Ekyc.Core.Engines;

namespace Ekyc.Server.Liveness;

/// <summary>
/// A challenge issued for one session: the moves in order, a nonce, its expiry, and once used the first frame of the
/// selfie upload that answered it (how the worker finds the challenge of the selfie it judges).
/// </summary>
public sealed record LivenessChallengeRecord(
    string Id, string TenantId, string SessionId, IReadOnlyList<ChallengeMove> Moves, string Nonce,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt, string? SelfieImageId)
{
    public ActiveChallenge ToChallenge() => new(Id, Moves);
}
