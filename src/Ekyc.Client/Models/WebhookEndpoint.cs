namespace Ekyc.Client.Models;

/// <summary>A webhook receiver; <see cref="Secret"/> (<c>whsec_…</c>) is only in the response that created or rotated it.</summary>
public sealed record WebhookEndpoint(
    string Id, string Url, string? Description, IReadOnlyList<string> EventTypes, string Status, string? DisabledReason,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PreviousSecretExpiresAt, string? Secret = null);

/// <summary>What <c>POST /v1/webhook-endpoints</c> takes; no event types subscribes to every event.</summary>
public sealed record CreateWebhookEndpointRequest(string Url, IReadOnlyList<string>? EventTypes = null, string? Description = null);

/// <summary>The tenant's default secret, which signs deliveries to a session's own <c>webhook_url</c>.</summary>
public sealed record WebhookSecret(string Secret, DateTimeOffset CreatedAt, DateTimeOffset? PreviousSecretExpiresAt);
