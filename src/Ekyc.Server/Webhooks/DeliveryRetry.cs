namespace Ekyc.Server.Webhooks;

/// <summary>What a manual retry did: queued the delivery again, or left it because its endpoint is disabled.</summary>
public abstract record DeliveryRetry
{
    public sealed record Retried(WebhookDelivery Delivery) : DeliveryRetry;
    public sealed record EndpointDisabled(string EndpointId) : DeliveryRetry;
}
