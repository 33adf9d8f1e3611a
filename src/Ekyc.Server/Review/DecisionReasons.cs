namespace Ekyc.Server.Review;

/// <summary>The reasons a reviewer picks from; their texts are in the resources (<c>Reason_{code}</c>).</summary>
public static class DecisionReasons
{
    public static readonly IReadOnlyList<string> Approve =
        ["approve_document_verified", "approve_face_confirmed", "approve_liveness_confirmed", "approve_screening_false_positive", "approve_missing_evidence_accepted"];

    public static readonly IReadOnlyList<string> Reject =
        ["reject_document_fraud", "reject_face_mismatch", "reject_spoof", "reject_screening_confirmed", "reject_unusable"];

    /// <summary>Whether <paramref name="code"/> is a reason for <paramref name="decision"/> (<c>approved</c> or <c>rejected</c>).</summary>
    public static bool Fits(string? decision, string? code) => decision switch
    {
        "approved" => code is not null && Approve.Contains(code),
        "rejected" => code is not null && Reject.Contains(code),
        _ => false,
    };
}
