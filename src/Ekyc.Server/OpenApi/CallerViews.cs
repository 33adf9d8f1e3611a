using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ekyc.Server.OpenApi;

/// <summary>
/// <c>GET /v1/sessions/{id}</c> and submit answer the tenant's view (<c>SessionResponse</c>) to a secret key and the
/// client view (<c>ClientSessionResponse</c>, its subset) to a client token; the generated document would show only one.
/// </summary>
public sealed class CallerViews : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> ViewResponses = new() { ["GetSession"] = "200", ["SubmitSession"] = "202" };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is not { } id || !ViewResponses.TryGetValue(id, out var status))
            return Task.CompletedTask;
        var document = context.Document;
        operation.Responses![status] = new OpenApiResponse
        {
            Description = "The session: `SessionResponse` to a secret key, `ClientSessionResponse` (no reference, metadata, decision or "
                + "extracted data) to a client token.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        OneOf = [new OpenApiSchemaReference("SessionResponse", document), new OpenApiSchemaReference("ClientSessionResponse", document)],
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
