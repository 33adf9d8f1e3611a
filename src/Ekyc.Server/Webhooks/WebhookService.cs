using Ekyc.Server.Auth;
using Ekyc.Server.Data;
using Ekyc.Server.Errors;
using Ekyc.Server.Options;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Webhooks;

/// <summary>The webhook use cases behind the HTTP API (its routes admit secret API keys only).</summary>
public sealed class WebhookService(WebhookEndpointStore endpoints, WebhookDeliveryStore deliveries, NetworkGuard guard,
    WebhookSignal signal, IOptions<EkycOptions> options)
{
    private WebhookOptions Settings => options.Value.Webhooks;

    public async Task<WebhookEndpointResponse> CreateEndpointAsync(Caller caller, CreateWebhookEndpointRequest request, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
            throw Problems.Validation(errors);
        if (await guard.CheckUrlAsync(request.Url, cancellationToken) is { } refused)
            throw WebhookProblems.UrlNotAllowed(refused);
        var (endpoint, secret) = await endpoints.CreateAsync(caller.TenantId, caller.Mode, request.Url!, request.Description,
            request.EventTypes?.Distinct().ToList() ?? [], cancellationToken);
        return WebhookEndpointResponse.From(endpoint, secret);
    }

    public async Task<WebhookEndpointListResponse> ListEndpointsAsync(Caller caller, CancellationToken cancellationToken)
    {
        var all = await endpoints.ListAsync(caller.TenantId, caller.Mode, cancellationToken);
        return new WebhookEndpointListResponse("list", all.Select(e => WebhookEndpointResponse.From(e)).ToList());
    }

    public async Task<WebhookEndpointResponse> GetEndpointAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FindAsync(caller.TenantId, caller.Mode, id, cancellationToken) ?? throw WebhookProblems.EndpointNotFound(id);
        return WebhookEndpointResponse.From(endpoint);
    }

    public async Task DeleteEndpointAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        if (!await endpoints.DeleteAsync(caller.TenantId, caller.Mode, id, cancellationToken))
            throw WebhookProblems.EndpointNotFound(id);
    }

    public async Task<WebhookEndpointResponse> EnableEndpointAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.EnableAsync(caller.TenantId, caller.Mode, id, cancellationToken) ?? throw WebhookProblems.EndpointNotFound(id);
        return WebhookEndpointResponse.From(endpoint);
    }

    public async Task<WebhookEndpointResponse> RotateEndpointSecretAsync(Caller caller, string id, RotateSecretRequest? request, CancellationToken cancellationToken)
    {
        var rotated = await endpoints.RotateAsync(caller.TenantId, caller.Mode, id, Overlap(request), cancellationToken) ?? throw WebhookProblems.EndpointNotFound(id);
        return WebhookEndpointResponse.From(rotated.Endpoint, rotated.Secret);
    }

    public async Task<WebhookSecretResponse> GetTenantSecretAsync(Caller caller, CancellationToken cancellationToken)
    {
        var (keys, createdAt) = await endpoints.TenantKeysAsync(caller.TenantId, caller.Mode, cancellationToken);
        return TenantSecret(keys, createdAt);
    }

    public async Task<WebhookSecretResponse> RotateTenantSecretAsync(Caller caller, RotateSecretRequest? request, CancellationToken cancellationToken)
    {
        var (keys, createdAt) = await endpoints.RotateTenantSecretAsync(caller.TenantId, caller.Mode, Overlap(request), cancellationToken);
        return TenantSecret(keys, createdAt);
    }

    public async Task<WebhookDeliveryListResponse> ListDeliveriesAsync(Caller caller, string? sessionId, string? endpointId, string? status,
        string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (status is not null && !WebhookDelivery.Statuses.Contains(status))
            throw Problems.Invalid("status", $"One of: {string.Join(", ", WebhookDelivery.Statuses)}.");
        var size = limit ?? 20;
        if (size is < 1 or > 100)
            throw Problems.Invalid("limit", "Between 1 and 100.");
        var page = await deliveries.ListAsync(caller.TenantId, caller.Mode, sessionId, endpointId, status, cursor is null ? null : PageCursor.Decode(cursor), size + 1, cancellationToken);
        var next = page.Count > size ? PageCursor.Encode(page[size - 1].CreatedAt, page[size - 1].Id) : null;
        return new WebhookDeliveryListResponse("list", page.Take(size).Select(WebhookDeliveryResponse.From).ToList(), next is not null, next);
    }

    public async Task<WebhookDeliveryResponse> GetDeliveryAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var delivery = await deliveries.FindAsync(caller.TenantId, caller.Mode, id, cancellationToken) ?? throw WebhookProblems.DeliveryNotFound(id);
        return WebhookDeliveryResponse.From(delivery);
    }

    public async Task<WebhookDeliveryResponse> RetryDeliveryAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        switch (await deliveries.RetryAsync(caller.TenantId, caller.Mode, id, cancellationToken))
        {
            case DeliveryRetry.Retried retried:
                signal.Notify();
                return WebhookDeliveryResponse.From(retried.Delivery);
            case DeliveryRetry.EndpointDisabled disabled:
                throw WebhookProblems.EndpointDisabled(disabled.EndpointId);
            default:
                throw WebhookProblems.DeliveryNotFound(id);
        }
    }

    private TimeSpan Overlap(RotateSecretRequest? request)
    {
        if (request is null)
            return Settings.SecretRotationOverlap;
        var errors = request.Validate();
        if (errors.Count > 0)
            throw Problems.Validation(errors);
        return request.OverlapSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : Settings.SecretRotationOverlap;
    }

    private static WebhookSecretResponse TenantSecret(SigningKeys keys, DateTimeOffset createdAt) =>
        new("webhook_secret", keys.Current, createdAt, keys.PreviousExpiresAt, "Deliveries to the webhook_url given when a session is created.");
}
