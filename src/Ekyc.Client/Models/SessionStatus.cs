namespace Ekyc.Client.Models;

/// <summary>Where a session stands. <see cref="Unknown"/> is a status this client version does not know.</summary>
public enum SessionStatus
{
    Unknown,
    Created,
    DocumentsUploaded,
    SelfieUploaded,
    Submitted,
    Processing,
    Approved,
    Rejected,
    ManualReview,
    Expired,
}

public static class SessionStatusExtensions
{
    /// <summary>The checks ran and a decision was made (a <c>manual_review</c> may still be reviewed later).</summary>
    public static bool IsDecided(this SessionStatus status) =>
        status is SessionStatus.Approved or SessionStatus.Rejected or SessionStatus.ManualReview;

    /// <summary>Nothing more will happen without a human: decided or expired.</summary>
    public static bool IsSettled(this SessionStatus status) => status.IsDecided() || status == SessionStatus.Expired;
}
