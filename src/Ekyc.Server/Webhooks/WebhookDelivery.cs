namespace Ekyc.Server.Webhooks;

/// <summary>One event for one receiver, with every attempt made so far (oldest first).</summary>
public sealed record WebhookDelivery(
    string Id,
    string EventId,
    string EventType,
    string TenantId,
    string? SessionId,
    string Target,
    string? EndpointId,
    string Url,
    string Status,
    int AttemptCount,
    DateTimeOffset? NextAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<WebhookAttempt> Attempts)
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public static readonly IReadOnlyList<string> Statuses = [Pending, Succeeded, Failed, Cancelled];

    /// <summary>The <see cref="Target"/> of a delivery to the session's own <c>webhook_url</c>.</summary>
    public const string SessionTarget = "session";
}

/// <summary>One HTTP attempt: what was sent where, and what came back.</summary>
public sealed record WebhookAttempt(
    int Attempt,
    string Trigger,
    string Url,
    DateTimeOffset StartedAt,
    double DurationMs,
    int? StatusCode,
    string? ResponseExcerpt,
    string? Error);

/// <summary>A delivery this worker holds the lease on; only the holder may record its outcome. <c>Mode</c>: live or test.</summary>
public sealed record ClaimedDelivery(string Id, string EventId, string TenantId, string Target, string? EndpointId, string Url,
    int Attempts, string Trigger, bool AutoRetry, string Worker, string Mode);
