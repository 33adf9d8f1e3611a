using System.Text.Json.Serialization;

namespace Ekyc.Server.Webhooks;

/// <summary>An endpoint; <see cref="Secret"/> is present only in the response that created it (creation or rotation).</summary>
public sealed record WebhookEndpointResponse(
    string Id,
    string Object,
    string Url,
    string? Description,
    IReadOnlyList<string> EventTypes,
    string Status,
    string? DisabledReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PreviousSecretExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null,
    bool Livemode = true)
{
    public static WebhookEndpointResponse From(WebhookEndpoint e, string? secret = null) =>
        new(e.Id, "webhook_endpoint", e.Url, e.Description, e.EventTypes, e.Status, e.DisabledReason, e.CreatedAt, e.UpdatedAt,
            e.PreviousSecretExpiresAt, secret, e.Livemode);
}

public sealed record WebhookEndpointListResponse(string Object, IReadOnlyList<WebhookEndpointResponse> Data);

/// <summary>The tenant's default secret: it signs deliveries to the <c>webhook_url</c> given at session creation.</summary>
public sealed record WebhookSecretResponse(string Object, string Secret, DateTimeOffset CreatedAt, DateTimeOffset? PreviousSecretExpiresAt, string Signs);

public sealed record WebhookAttemptResponse(int Attempt, string Trigger, string Url, DateTimeOffset StartedAt, double DurationMs,
    int? StatusCode, string? ResponseExcerpt, string? Error)
{
    public static WebhookAttemptResponse From(WebhookAttempt a) =>
        new(a.Attempt, a.Trigger, a.Url, a.StartedAt, a.DurationMs, a.StatusCode, a.ResponseExcerpt, a.Error);
}

/// <summary>A delivery with its whole attempt log; <c>target</c> is <c>endpoint</c> or <c>session</c> (the session's own URL).</summary>
public sealed record WebhookDeliveryResponse(
    string Id,
    string Object,
    string EventId,
    string EventType,
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
    IReadOnlyList<WebhookAttemptResponse> Attempts)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) =>
        new(d.Id, "webhook_delivery", d.EventId, d.EventType, d.SessionId, d.Target == WebhookDelivery.SessionTarget ? "session" : "endpoint",
            d.EndpointId, d.Url, d.Status, d.AttemptCount, d.NextAttemptAt, d.LastStatusCode, d.LastError, d.CreatedAt, d.UpdatedAt,
            d.DeliveredAt, d.Attempts.Select(WebhookAttemptResponse.From).ToList());
}

public sealed record WebhookDeliveryListResponse(string Object, IReadOnlyList<WebhookDeliveryResponse> Data, bool HasMore, string? NextCursor);
