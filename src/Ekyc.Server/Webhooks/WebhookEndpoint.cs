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
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";

    public bool Wants(string eventType) => EventTypes.Count == 0 || EventTypes.Contains(eventType);
}
