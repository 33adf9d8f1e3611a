using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ekyc.Server.OpenApi;

/// <summary>
/// Makes the generated schemas say what the wire carries, so client generators produce plain types: timestamps are
/// RFC 3339 strings (our converter hides that from the generator), numbers are numbers (the web defaults would also
/// read numeric strings, which no client should send), and a request's <c>required</c> lists only what the server requires.
/// </summary>
public sealed class SchemaConventions : IOpenApiSchemaTransformer
{
    /// <summary>Request fields the server requires; every other request field may be left out.</summary>
    private static readonly Dictionary<string, string[]> RequiredRequestFields = new()
    {
        ["CreateSessionRequest"] = [],
        ["ReviewRequest"] = ["decision", "reason", "reviewer"],
        ["CreateWebhookEndpointRequest"] = ["url"],
        ["RotateSecretRequest"] = [],
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        if ((underlying ?? type) == typeof(DateTimeOffset))
        {
            schema.Type = underlying is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }
        else if (schema.Type is { } t && (t & JsonSchemaType.String) != 0 && (t & (JsonSchemaType.Number | JsonSchemaType.Integer)) != 0)
        {
            schema.Type = t & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        if (RequiredRequestFields.TryGetValue(type.Name, out var required))
            schema.Required = new HashSet<string>(required);
        return Task.CompletedTask;
    }
}
