namespace Ekyc.Server.Liveness;

/// <summary>The answer to <c>POST /v1/sessions/{id}/liveness-challenge</c>: the moves to show, in order, before <c>expires_at</c>.</summary>
public sealed record LivenessChallengeResponse(string Id, IReadOnlyList<string> Moves, string Nonce, DateTimeOffset ExpiresAt);
