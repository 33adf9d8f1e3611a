using Ekyc.Core.Sessions;

namespace Ekyc.Server.Events;

/// <summary>The event written for each state change (the outbox the webhook dispatcher delivers).</summary>
public static class EventTypes
{
    public const string DocumentsUploaded = "session.documents_uploaded";
    public const string SelfieUploaded = "session.selfie_uploaded";
    public const string Submitted = "verification.submitted";
    public const string Processing = "verification.processing";
    public const string Completed = "verification.completed";
    public const string Reviewed = "verification.reviewed";
    public const string Expired = "session.expired";
    public const string Deleted = "session.deleted";

    public static readonly IReadOnlyList<string> All =
        [DocumentsUploaded, SelfieUploaded, Submitted, Processing, Completed, Reviewed, Expired, Deleted];

    /// <summary>The event of a transition, or null when an upload did not change the state (a second document side, a retake).</summary>
    public static string? ForTransition(SessionAction action, SessionStatus from, SessionStatus to) => action switch
    {
        SessionAction.UploadDocument or SessionAction.UploadSelfie when from == to => null,
        SessionAction.UploadDocument => DocumentsUploaded,
        SessionAction.UploadSelfie => SelfieUploaded,
        SessionAction.Submit => Submitted,
        SessionAction.StartProcessing => Processing,
        SessionAction.Decide => Completed,
        SessionAction.Review => Reviewed,
        SessionAction.Expire => Expired,
        _ => null,
    };
}
