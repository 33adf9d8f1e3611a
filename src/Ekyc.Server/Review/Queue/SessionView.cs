using Ekyc.Server.Review.Audit;
using Ekyc.Server.Events;
using Ekyc.Server.Sessions;

namespace Ekyc.Server.Review.Queue;

/// <summary>Everything the session page shows: the API's report, the session's events, who holds the claim, and (for admins) its audit trail.</summary>
public sealed record SessionView(
    SessionResponse Session, ReportResponse Report, IReadOnlyList<StoredEvent> Events, ReviewClaim? Claim, bool ClaimedByMe,
    IReadOnlyList<AuditEntry> Audit);
