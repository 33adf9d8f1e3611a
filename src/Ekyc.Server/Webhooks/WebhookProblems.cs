using Ekyc.Server.Errors;

namespace Ekyc.Server.Webhooks;

/// <summary>The webhook API's errors, by stable code.</summary>
public static class WebhookProblems
{
    public static ApiException EndpointNotFound(string id) =>
        new(404, "webhook_endpoint_not_found", "Webhook endpoint not found", $"No webhook endpoint '{id}' exists for this API key.");

    public static ApiException DeliveryNotFound(string id) =>
        new(404, "webhook_delivery_not_found", "Webhook delivery not found", $"No webhook delivery '{id}' exists for this API key.");

    public static ApiException UrlNotAllowed(string reason) =>
        new(422, "webhook_url_not_allowed", "Webhook URL not allowed", reason);

    public static ApiException EndpointDisabled(string id) =>
        new(409, "webhook_endpoint_disabled", "Webhook endpoint disabled or deleted",
            $"Endpoint '{id}' is disabled or deleted; enable it (POST /v1/webhook-endpoints/{id}/enable) before redelivering.");
}
