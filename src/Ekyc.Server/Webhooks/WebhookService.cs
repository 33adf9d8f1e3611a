using Ekyc.Server.Auth;
using Ekyc.Server.Data;
using Ekyc.Server.Errors;
using Ekyc.Server.Options;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Webhooks;

/// <summary>The webhook use cases behind the HTTP API (its routes admit secret API keys only).</summary>
public sealed class WebhookService(Database database, WebhookEndpointStore endpoints, WebhookDeliveryStore deliveries, NetworkGuard guard,
    WebhookSignal signal, IOptions<EkycOptions> options, TimeProvider time)
{
    private WebhookOptions Settings => options.Value.Webhooks;

    public async Task<WebhookEndpointResponse> CreateEndpointAsync(Caller caller, CreateWebhookEndpointRequest request, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
            throw Problems.Validation(errors);
        if (await guard.CheckUrlAsync(request.Url, cancellationToken) is { } refused)
            throw WebhookProblems.UrlNotAllowed(refused);
        var (endpoint, secret) = await database.InTransactionAsync((connection, transaction) => endpoints.CreateAsync(connection, transaction,
            caller.TenantId, caller.Mode, request.Url!, request.Description, request.EventTypes?.Distinct().ToList() ?? []), cancellationToken);
        return WebhookEndpointResponse.From(endpoint, secret);
    }

    public async Task<WebhookEndpointListResponse> ListEndpointsAsync(Caller caller, CancellationToken cancellationToken)
    {
        var all = await database.ReadAsync(connection => endpoints.ListAsync(connection, caller.TenantId, caller.Mode), cancellationToken);
        return new WebhookEndpointListResponse("list", all.Select(e => WebhookEndpointResponse.From(e)).ToList());
    }

    public async Task<WebhookEndpointResponse> GetEndpointAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var endpoint = await database.ReadAsync(connection => endpoints.FindAsync(connection, null, caller.TenantId, caller.Mode, id), cancellationToken)
            ?? throw WebhookProblems.EndpointNotFound(id);
        return WebhookEndpointResponse.From(endpoint);
    }

    public async Task DeleteEndpointAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        // Soft delete: the delivery log keeps pointing at it; what still waits for it is cancelled with it.
        var deleted = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var now = Clock.Format(time.GetUtcNow());
            if (!await endpoints.DeleteAsync(connection, transaction, caller.TenantId, caller.Mode, id, now))
                return false;
            await deliveries.CancelPendingAsync(connection, transaction, id, null, "endpoint_deleted", now);
            return true;
        }, cancellationToken);
        if (!deleted)
            throw WebhookProblems.EndpointNotFound(id);
    }

    public async Task<WebhookEndpointResponse> EnableEndpointAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var endpoint = await database.InTransactionAsync((connection, transaction) => endpoints.EnableAsync(connection, transaction, caller.TenantId, caller.Mode, id),
            cancellationToken) ?? throw WebhookProblems.EndpointNotFound(id);
        return WebhookEndpointResponse.From(endpoint);
    }

    public async Task<WebhookEndpointResponse> RotateEndpointSecretAsync(Caller caller, string id, RotateSecretRequest? request, CancellationToken cancellationToken)
    {
        var overlap = Overlap(request);
        var rotated = await database.InTransactionAsync((connection, transaction) => endpoints.RotateAsync(connection, transaction, caller.TenantId, caller.Mode, id, overlap),
            cancellationToken) ?? throw WebhookProblems.EndpointNotFound(id);
        return WebhookEndpointResponse.From(rotated.Endpoint, rotated.Secret);
    }

    public async Task<WebhookSecretResponse> GetTenantSecretAsync(Caller caller, CancellationToken cancellationToken)
    {
        var (keys, createdAt) = await database.ReadAsync(connection => endpoints.TenantKeysAsync(connection, null, caller.TenantId, caller.Mode), cancellationToken);
        return TenantSecret(keys, createdAt);
    }

    public async Task<WebhookSecretResponse> RotateTenantSecretAsync(Caller caller, RotateSecretRequest? request, CancellationToken cancellationToken)
    {
        var overlap = Overlap(request);
        var (keys, createdAt) = await database.InTransactionAsync(async (connection, transaction) =>
        {
            await endpoints.TenantKeysAsync(connection, transaction, caller.TenantId, caller.Mode);
            await endpoints.RotateTenantSecretAsync(connection, transaction, caller.TenantId, caller.Mode, overlap);
            return await endpoints.TenantKeysAsync(connection, transaction, caller.TenantId, caller.Mode);
        }, cancellationToken);
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
        (string CreatedAt, string Id)? after = cursor is null ? null : PageCursor.Decode(cursor);
        var page = await database.ReadAsync(connection => deliveries.ListAsync(connection, caller.TenantId, caller.Mode, sessionId, endpointId, status, after, size + 1),
            cancellationToken);
        var next = page.Count > size ? PageCursor.Encode(page[size - 1].CreatedAt, page[size - 1].Id) : null;
        return new WebhookDeliveryListResponse("list", page.Take(size).Select(WebhookDeliveryResponse.From).ToList(), next is not null, next);
    }

    public async Task<WebhookDeliveryResponse> GetDeliveryAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var delivery = await database.ReadAsync(connection => deliveries.FindAsync(connection, caller.TenantId, caller.Mode, id), cancellationToken)
            ?? throw WebhookProblems.DeliveryNotFound(id);
        return WebhookDeliveryResponse.From(delivery);
    }

    public async Task<WebhookDeliveryResponse> RetryDeliveryAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        switch (await RequeueAsync(caller.TenantId, caller.Mode, id, cancellationToken))
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

    /// <summary>
    /// Sends a delivery again now (see <see cref="WebhookDeliveryStore.RequeueAsync"/>); one whose endpoint is disabled
    /// or deleted is left as it is. Null when the tenant has no such delivery.
    /// </summary>
    private Task<DeliveryRetry?> RequeueAsync(string tenantId, string mode, string id, CancellationToken cancellationToken) =>
        database.InTransactionAsync<DeliveryRetry?>(async (connection, transaction) =>
        {
            if (await deliveries.StateAsync(connection, transaction, tenantId, mode, id) is not { } state)
                return null;
            if (state.EndpointId is { } endpointId && !await endpoints.IsEnabledAsync(connection, transaction, endpointId))
                return new DeliveryRetry.EndpointDisabled(endpointId);
            return new DeliveryRetry.Retried(await deliveries.RequeueAsync(connection, transaction, id));
        }, cancellationToken);

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
