namespace Ekyc.Core.Sessions;

/// <summary>
/// The only legal moves of a session. Uploads are allowed until submit; a second document side keeps
/// <c>documents_uploaded</c>; a document after the selfie keeps <c>selfie_uploaded</c> (a retake).
/// </summary>
public static class SessionStateMachine
{
    private static readonly SessionStatus[] Decisions =
        [SessionStatus.Approved, SessionStatus.Rejected, SessionStatus.ManualReview];

    /// <summary>The state a legal action leads to, or an error naming the current state and the allowed actions.</summary>
    public static SessionStatus Apply(SessionStatus from, SessionAction action, SessionStatus? decision = null)
    {
        var to = Next(from, action, decision);
        return to ?? throw new InvalidStateTransitionException(from, action, CallerActions(from));
    }

    public static bool CanApply(SessionStatus from, SessionAction action, SessionStatus? decision = null) =>
        Next(from, action, decision) is not null;

    /// <summary>Actions a caller of the API can take (the worker's and the clock's are internal).</summary>
    public static IReadOnlyList<SessionAction> CallerActions(SessionStatus from) =>
        AllowedActions(from).Where(a => a is not (SessionAction.StartProcessing or SessionAction.Decide or SessionAction.Expire)).ToArray();

    public static IReadOnlyList<SessionAction> AllowedActions(SessionStatus from) =>
        Enum.GetValues<SessionAction>().Where(a => a is SessionAction.Decide or SessionAction.Review
            ? Decisions.Any(d => Next(from, a, d) is not null)
            : Next(from, a, null) is not null).ToArray();

    private static SessionStatus? Next(SessionStatus from, SessionAction action, SessionStatus? decision) =>
        (from, action) switch
        {
            (SessionStatus.Created or SessionStatus.DocumentsUploaded, SessionAction.UploadDocument) => SessionStatus.DocumentsUploaded,
            (SessionStatus.SelfieUploaded, SessionAction.UploadDocument) => SessionStatus.SelfieUploaded,
            (SessionStatus.DocumentsUploaded or SessionStatus.SelfieUploaded, SessionAction.UploadSelfie) => SessionStatus.SelfieUploaded,
            (SessionStatus.SelfieUploaded, SessionAction.Submit) => SessionStatus.Submitted,
            (SessionStatus.Submitted, SessionAction.StartProcessing) => SessionStatus.Processing,
            (SessionStatus.Processing, SessionAction.Decide) when decision is { } d && Decisions.Contains(d) => d,
            (SessionStatus.ManualReview, SessionAction.Review) when decision is SessionStatus.Approved or SessionStatus.Rejected => decision,
            (SessionStatus.Created or SessionStatus.DocumentsUploaded or SessionStatus.SelfieUploaded, SessionAction.Expire) => SessionStatus.Expired,
            _ => null,
        };
}
