namespace Ekyc.Server.Webhooks;

/// <summary>A tenant's registered receiver. An empty <see cref="EventTypes"/> list means every event.</summary>
public sealed record WebhookEndpoint(
    string Id,
    string TenantId,
    string Url,
    string? Description,
    IReadOnlyList<string> EventTypes,
    string Status,
    string? DisabledReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PreviousSecretExpiresAt)
{
    /// <summary>False for a test endpoint: it receives the events of test sessions only (and a live one never gets them).</summary>
    public bool Livemode { get; init; } = true;

    public const string Enabled = "enabled";
    public const string Disabled = "disabled";

    public bool Wants(string eventType) => EventTypes.Count == 0 || EventTypes.Contains(eventType);
}
