using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ekyc.Server.OpenApi;

/// <summary>
/// The headers every client deals with: <c>Idempotency-Key</c> on POST (and <c>Idempotent-Replayed</c> on a replay),
/// <c>RateLimit</c>/<c>RateLimit-Policy</c> on every answer, and the <c>ETag</c>/<c>If-None-Match</c> polling of a session.
/// The headers are components, referenced from each response.
/// </summary>
public sealed class HttpConventions : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Headers = new()
    {
        ["RateLimit"] = "The caller's remaining requests in the window, e.g. `\"per-key\";r=99;t=60`.",
        ["RateLimit-Policy"] = "The limit, e.g. `\"per-key\";q=100;w=60`.",
        ["Idempotent-Replayed"] = "`true` when this answer is the stored one of an earlier request with the same Idempotency-Key.",
        ["ETag"] = "The session's version; send it back in `If-None-Match`.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, description) in Headers)
            document.Components.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        if (string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key",
                In = ParameterLocation.Header,
                Required = false,
                Description = "At most 255 characters, unique per request (a UUID). The same key and request replays the stored answer "
                    + "(with `Idempotent-Replayed: true`) for 24 h; another request with the key is 422, the key while its first request "
                    + "runs is 409 `idempotency_request_in_progress`. Keys belong to the credential that sent them.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });
        }
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
                continue;
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers["RateLimit"] = Reference("RateLimit", context.Document);
            concrete.Headers["RateLimit-Policy"] = Reference("RateLimit-Policy", context.Document);
            if (status.StartsWith('2') && string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                concrete.Headers["Idempotent-Replayed"] = Reference("Idempotent-Replayed", context.Document);
        }
        if (operation.OperationId == "GetSession")
            DescribeConditionalGet(operation, context.Document);
        return Task.CompletedTask;
    }

    private static void DescribeConditionalGet(OpenApiOperation operation, OpenApiDocument? document)
    {
        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Required = false,
            Description = "The `ETag` of the last answer: 304 without a body while the session has not changed.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        if (operation.Responses?["200"] is OpenApiResponse ok)
            ok.Headers!["ETag"] = Reference("ETag", document);
        operation.Responses!["304"] = new OpenApiResponse
        {
            Description = "Not modified since the `If-None-Match` ETag.",
            Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = Reference("ETag", document) },
        };
    }

    private static OpenApiHeaderReference Reference(string name, OpenApiDocument? document) => new(name, document);
}
