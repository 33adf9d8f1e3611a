namespace Ekyc.Server.Review.Queue;

/// <summary>A decision was attempted on a session that another reviewer holds (or nobody holds any more).</summary>
public sealed class ClaimConflictException(string sessionId, string? holder) : Exception($"Session {sessionId} is not claimed by this reviewer.")
{
    public string? Holder { get; } = holder;
}
