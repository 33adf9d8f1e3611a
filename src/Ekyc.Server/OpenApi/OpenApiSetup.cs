namespace Ekyc.Server.OpenApi;

/// <summary>The OpenAPI 3.1 document at <c>/openapi/v1.json</c>, complete enough for client generators.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddEkycOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Ekyc API";
                document.Info.Description = "Self-hosted identity verification. Authenticate with 'Authorization: Bearer <secret key or client token>'; "
                    + "every error is RFC 9457 problem+json with a stable `code`; webhooks follow Standard Webhooks.";
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer<SchemaConventions>();
            // Order matters: the later transformers see the responses the earlier ones wrote.
            o.AddOperationTransformer<BearerSecurity>();
            o.AddOperationTransformer<UploadBodies>();
            o.AddOperationTransformer<CallerViews>();
            o.AddOperationTransformer<ProblemResponses>();
            o.AddOperationTransformer<HttpConventions>();
            o.AddDocumentTransformer<BearerSecurity>();
            o.AddDocumentTransformer<ProblemResponses>();
            o.AddDocumentTransformer<HttpConventions>();
            o.AddDocumentTransformer<ExtractedDataSchema>();
            o.AddDocumentTransformer<WebhookEvents>();
        });
}
