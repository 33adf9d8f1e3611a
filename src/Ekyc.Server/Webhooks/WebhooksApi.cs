using Ekyc.Server.Auth;
using Ekyc.Server.Http;
using Ekyc.Server.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ekyc.Server.Webhooks;

/// <summary>The <c>/v1/webhook-endpoints</c>, <c>/v1/webhook-secret</c> and <c>/v1/webhook-deliveries</c> routes.</summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var endpoints = routes.MapGroup("/v1/webhook-endpoints").WithTags("Webhooks").RequireAuthorization(Policies.SecretKey);
        endpoints.MapPost("/", CreateEndpointAsync).WithName("CreateWebhookEndpoint").AddEndpointFilter<IdempotencyFilter>().WithJsonBodyLimit()
            .WithSummary("Register a receiver URL with an optional event filter; the signing secret is shown only in this response")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(422);
        endpoints.MapGet("/", ListEndpointsAsync).WithName("ListWebhookEndpoints").WithSummary("The tenant's endpoints (without secrets)");
        endpoints.MapGet("/{id}", GetEndpointAsync).WithName("GetWebhookEndpoint").WithSummary("One endpoint (without its secret)").ProducesProblem(404);
        endpoints.MapDelete("/{id}", DeleteEndpointAsync).WithName("DeleteWebhookEndpoint")
            .WithSummary("Delete an endpoint; its pending deliveries are cancelled").ProducesProblem(404);
        endpoints.MapPost("/{id}/rotate-secret", RotateEndpointSecretAsync).WithName("RotateWebhookEndpointSecret").AddEndpointFilter<IdempotencyFilter>().WithJsonBodyLimit()
            .WithSummary("New secret (shown once); the old one keeps signing alongside it for overlap_seconds").ProducesProblem(404);
        endpoints.MapPost("/{id}/enable", EnableEndpointAsync).WithName("EnableWebhookEndpoint").AddEndpointFilter<IdempotencyFilter>().WithJsonBodyLimit()
            .WithSummary("Re-enable an endpoint that was disabled (for instance after a 410)").ProducesProblem(404);

        var secret = routes.MapGroup("/v1/webhook-secret").WithTags("Webhooks").RequireAuthorization(Policies.SecretKey);
        secret.MapGet("/", GetTenantSecretAsync).WithName("GetWebhookSecret")
            .WithSummary("The tenant's default secret, which signs deliveries to a session's own webhook_url");
        secret.MapPost("/rotate", RotateTenantSecretAsync).WithName("RotateWebhookSecret").AddEndpointFilter<IdempotencyFilter>().WithJsonBodyLimit()
            .WithSummary("Rotate the default secret; the old one keeps signing alongside it for overlap_seconds");

        var deliveries = routes.MapGroup("/v1/webhook-deliveries").WithTags("Webhooks").RequireAuthorization(Policies.SecretKey);
        deliveries.MapGet("/", ListDeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("Delivery log, newest first, with every attempt; filters session_id, endpoint_id, status");
        deliveries.MapGet("/{id}", GetDeliveryAsync).WithName("GetWebhookDelivery").WithSummary("One delivery with every attempt").ProducesProblem(404);
        deliveries.MapPost("/{id}/retry", RetryDeliveryAsync).WithName("RetryWebhookDelivery").AddEndpointFilter<IdempotencyFilter>().WithJsonBodyLimit()
            .WithSummary("Send again now (a finished delivery gets one more attempt)").ProducesProblem(404).ProducesProblem(409);
        return routes;
    }

    private static async Task<Created<WebhookEndpointResponse>> CreateEndpointAsync(CreateWebhookEndpointRequest request, Caller caller, WebhookService service, CancellationToken cancellationToken)
    {
        var created = await service.CreateEndpointAsync(caller, request, cancellationToken);
        return TypedResults.Created($"/v1/webhook-endpoints/{created.Id}", created);
    }

    private static async Task<Ok<WebhookEndpointListResponse>> ListEndpointsAsync(Caller caller, WebhookService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListEndpointsAsync(caller, cancellationToken));

    private static async Task<Ok<WebhookEndpointResponse>> GetEndpointAsync(string id, Caller caller, WebhookService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetEndpointAsync(caller, id, cancellationToken));

    private static async Task<NoContent> DeleteEndpointAsync(string id, Caller caller, WebhookService service, CancellationToken cancellationToken)
    {
        await service.DeleteEndpointAsync(caller, id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WebhookEndpointResponse>> RotateEndpointSecretAsync(string id, [FromBody] RotateSecretRequest? request, Caller caller,
        WebhookService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.RotateEndpointSecretAsync(caller, id, request, cancellationToken));

    private static async Task<Ok<WebhookEndpointResponse>> EnableEndpointAsync(string id, Caller caller, WebhookService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.EnableEndpointAsync(caller, id, cancellationToken));

    private static async Task<Ok<WebhookSecretResponse>> GetTenantSecretAsync(Caller caller, WebhookService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetTenantSecretAsync(caller, cancellationToken));

    private static async Task<Ok<WebhookSecretResponse>> RotateTenantSecretAsync([FromBody] RotateSecretRequest? request, Caller caller, WebhookService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.RotateTenantSecretAsync(caller, request, cancellationToken));

    private static async Task<Ok<WebhookDeliveryListResponse>> ListDeliveriesAsync(Caller caller, WebhookService service, CancellationToken cancellationToken,
        [FromQuery(Name = "session_id")] string? sessionId, [FromQuery(Name = "endpoint_id")] string? endpointId, [FromQuery] string? status,
        [FromQuery] string? cursor, [FromQuery] int? limit) =>
        TypedResults.Ok(await service.ListDeliveriesAsync(caller, sessionId, endpointId, status, cursor, limit, cancellationToken));

    private static async Task<Ok<WebhookDeliveryResponse>> GetDeliveryAsync(string id, Caller caller, WebhookService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetDeliveryAsync(caller, id, cancellationToken));

    private static async Task<Accepted<WebhookDeliveryResponse>> RetryDeliveryAsync(string id, Caller caller, WebhookService service, CancellationToken cancellationToken) =>
        TypedResults.Accepted($"/v1/webhook-deliveries/{id}", await service.RetryDeliveryAsync(caller, id, cancellationToken));
}
