namespace Ekyc.Core.Sessions;

/// <summary>The lifecycle states of a verification session (DESIGN.md §1).</summary>
public enum SessionStatus
{
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

/// <summary>Wire names (snake_case) of <see cref="SessionStatus"/>.</summary>
public static class SessionStatusNames
{
    private static readonly Dictionary<SessionStatus, string> Names = new()
    {
        [SessionStatus.Created] = "created",
        [SessionStatus.DocumentsUploaded] = "documents_uploaded",
        [SessionStatus.SelfieUploaded] = "selfie_uploaded",
        [SessionStatus.Submitted] = "submitted",
        [SessionStatus.Processing] = "processing",
        [SessionStatus.Approved] = "approved",
        [SessionStatus.Rejected] = "rejected",
        [SessionStatus.ManualReview] = "manual_review",
        [SessionStatus.Expired] = "expired",
    };

    private static readonly Dictionary<string, SessionStatus> ByName =
        Names.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public static string ToWire(this SessionStatus status) => Names[status];

    public static bool TryParse(string? name, out SessionStatus status) =>
        ByName.TryGetValue(name ?? "", out status);

    public static SessionStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new FormatException($"Unknown session status '{name}'.");

    public static bool IsTerminal(this SessionStatus status) =>
        status is SessionStatus.Approved or SessionStatus.Rejected or SessionStatus.Expired;
}
