namespace Ekyc.Core.Sessions;

/// <summary>An action that the session's current state does not allow (HTTP 409 <c>invalid_state_transition</c>).</summary>
public sealed class InvalidStateTransitionException(SessionStatus current, SessionAction action, IReadOnlyList<SessionAction> allowed)
    : Exception($"Cannot {ActionNames.ToWire(action)} a session in state '{current.ToWire()}'.")
{
    public SessionStatus Current { get; } = current;
    public SessionAction Action { get; } = action;
    public IReadOnlyList<SessionAction> Allowed { get; } = allowed;
}

public static class ActionNames
{
    public static string ToWire(SessionAction action) => action switch
    {
        SessionAction.UploadDocument => "upload_document",
        SessionAction.UploadSelfie => "upload_selfie",
        SessionAction.Submit => "submit",
        SessionAction.StartProcessing => "start_processing",
        SessionAction.Decide => "decide",
        SessionAction.Review => "review",
        SessionAction.Expire => "expire",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
