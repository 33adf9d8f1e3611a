using Ekyc.Server.Events;

namespace Ekyc.Server.Webhooks;

/// <summary>Body of <c>POST /v1/webhook-endpoints</c>. No <c>event_types</c> (or an empty list) subscribes to every event.</summary>
public sealed record CreateWebhookEndpointRequest(string? Url, IReadOnlyList<string>? EventTypes, string? Description)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Url))
            errors["url"] = ["Required."];
        if (EventTypes is { } types && types.Any(t => !Events.EventTypes.All.Contains(t)))
            errors["event_types"] = [$"A subset of: {string.Join(", ", Events.EventTypes.All)}."];
        if (Description is { Length: > 500 })
            errors["description"] = ["At most 500 characters."];
        return errors;
    }
}

/// <summary>Body of the secret rotation routes; without it the configured overlap applies.</summary>
public sealed record RotateSecretRequest(int? OverlapSeconds)
{
    public const int MaxOverlapSeconds = 30 * 24 * 3600;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (OverlapSeconds is < 0 or > MaxOverlapSeconds)
            errors["overlap_seconds"] = [$"Between 0 and {MaxOverlapSeconds}."];
        return errors;
    }
}
