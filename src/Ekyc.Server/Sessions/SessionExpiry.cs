using System.Data.Common;
using Ekyc.Core.Sessions;

namespace Ekyc.Server.Sessions;

/// <summary>
/// The time-based move into <c>expired</c>, as its own step: the maintenance worker runs it for every session whose
/// time ran out, and a use case that is about to act on a session runs it first, so nobody acts on a session whose
/// time is up. Loading a session never does it.
/// </summary>
public sealed class SessionExpiry(SessionStore sessions, TimeProvider time)
{
    /// <summary>The statuses a session can expire from, for the worker's query.</summary>
    public static IReadOnlyList<string> ExpirableStatuses { get; } = Enum.GetValues<SessionStatus>()
        .Where(s => SessionStateMachine.CanApply(s, SessionAction.Expire)).Select(s => s.ToWire()).ToList();

    public bool IsDue(SessionRecord session) =>
        session.DeletedAt is null && SessionStateMachine.CanApply(session.Status, SessionAction.Expire) && session.ExpiresAt <= time.GetUtcNow();

    /// <summary>Expires the session (with its event) when its time is up; otherwise returns it unchanged.</summary>
    public async Task<SessionRecord> ExpireIfDueAsync(DbConnection connection, DbTransaction transaction, SessionRecord session) =>
        IsDue(session) ? await sessions.TransitionAsync(connection, transaction, session, SessionAction.Expire) : session;
}
