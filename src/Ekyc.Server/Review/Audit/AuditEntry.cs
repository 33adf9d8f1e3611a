namespace Ekyc.Server.Review.Audit;

/// <summary>One audited console action: who, when, what (and on which session).</summary>
public sealed record AuditEntry(string Id, string TenantId, string? UserId, string Email, string Action, string? SessionId, string? Detail, DateTimeOffset At);
