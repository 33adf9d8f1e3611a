using Ekyc.Client.Models;

namespace Ekyc.Client.Webhooks;

/// <summary>
/// A webhook event body. Every event has the envelope (<see cref="Event"/>, <see cref="SessionId"/>, <see cref="Status"/>,
/// <see cref="CreatedAt"/>); <c>verification.completed</c> and <c>verification.reviewed</c> add the decision.
/// </summary>
public sealed record WebhookEvent
{
    /// <summary>The event type, e.g. <see cref="WebhookEventTypes.Completed"/>.</summary>
    public required string Event { get; init; }
    public required string SessionId { get; init; }
    public SessionStatus Status { get; init; }
    /// <summary>Your reference; null once the session's personal data is erased.</summary>
    public string? Reference { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool Redacted { get; init; }
    public double? Confidence { get; init; }
    public IReadOnlyDictionary<string, CheckOutcome>? Checks { get; init; }
    public ExtractedData? ExtractedData { get; init; }
    public string? DecisionRule { get; init; }
    public WebhookReview? Review { get; init; }
}

/// <summary>The review of a <c>verification.reviewed</c> event.</summary>
public sealed record WebhookReview(string Decision, string? Reason, string? Reviewer, string? PreviousStatus);

/// <summary>The event types the server sends.</summary>
public static class WebhookEventTypes
{
    public const string DocumentsUploaded = "session.documents_uploaded";
    public const string SelfieUploaded = "session.selfie_uploaded";
    public const string Submitted = "verification.submitted";
    public const string Processing = "verification.processing";
    public const string Completed = "verification.completed";
    public const string Reviewed = "verification.reviewed";
    public const string Expired = "session.expired";
    public const string Deleted = "session.deleted";
}
