using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ekyc.Server.OpenApi;

/// <summary>
/// Every operation's problem responses, one per status, each naming its stable codes: as one example per code
/// (<c>components/examples/&lt;code&gt;</c>), as the <c>x-problem-codes</c> list and in the description. The
/// <c>ProblemDetails</c> schema is RFC 9457 with our members (<c>code</c>, <c>request_id</c>, and each code's extras).
/// </summary>
public sealed class ProblemResponses : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemaName = "ProblemDetails";
    public const string MediaType = "application/problem+json";
    public const string CodesExtension = "x-problem-codes";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[SchemaName] = ProblemSchema();
        document.Components.Examples ??= new Dictionary<string, IOpenApiExample>();
        foreach (var problem in ProblemCatalog.All)
        {
            document.Components.Examples[problem.Code] = new OpenApiExample
            {
                Summary = $"{problem.Status} {problem.Code}",
                Description = problem.When,
                Value = new JsonObject
                {
                    ["type"] = $"urn:ekyc:problem:{problem.Code}",
                    ["title"] = problem.Title,
                    ["status"] = problem.Status,
                    ["detail"] = problem.When,
                    ["code"] = problem.Code,
                    ["request_id"] = "0HN8EXAMPLE:00000001",
                },
            };
        }
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var isPost = string.Equals(description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);
        var hasJsonBody = description.SupportedRequestFormats.Any(f => f.MediaType.Contains("json", StringComparison.Ordinal));
        var problems = OperationProblems.For(operation.OperationId ?? "", OperationAccessReader.Of(description), isPost, hasJsonBody);
        operation.Responses ??= new OpenApiResponses();
        foreach (var status in problems.GroupBy(p => p.Status))
            operation.Responses[status.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Response(status.ToList(), context.Document);
        return Task.CompletedTask;
    }

    private static OpenApiResponse Response(IReadOnlyList<ProblemCode> problems, OpenApiDocument? document)
    {
        var response = new OpenApiResponse
        {
            Description = string.Join("\n", problems.Select(p => $"- `{p.Code}`: {p.When}")),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [MediaType] = new()
                {
                    Schema = new OpenApiSchemaReference(SchemaName, document),
                    Examples = problems.ToDictionary(p => p.Code, p => (IOpenApiExample)new OpenApiExampleReference(p.Code, document)),
                },
            },
            Extensions = new Dictionary<string, IOpenApiExtension>
            {
                [CodesExtension] = new JsonNodeExtension(new JsonArray(problems.Select(p => (JsonNode)JsonValue.Create(p.Code)).ToArray())),
            },
        };
        if (problems[0].Status == 429)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before retrying.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            };
        }
        return response;
    }

    private static OpenApiSchema ProblemSchema()
    {
        static OpenApiSchema Of(JsonSchemaType type, string description, string? format = null) =>
            new() { Type = type, Description = description, Format = format };
        static OpenApiSchema Strings(string description) =>
            new() { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details with a stable `code` (its `type` is `urn:ekyc:problem:<code>`). "
                + "Members beyond the listed ones may be added; clients must ignore those they do not know.",
            Required = new HashSet<string> { "type", "title", "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Of(JsonSchemaType.String, "`urn:ekyc:problem:<code>`."),
                ["title"] = Of(JsonSchemaType.String, "Short summary of the problem type."),
                ["status"] = Of(JsonSchemaType.Integer, "The HTTP status.", "int32"),
                ["detail"] = Of(JsonSchemaType.String | JsonSchemaType.Null, "What went wrong with this request."),
                ["instance"] = Of(JsonSchemaType.String | JsonSchemaType.Null, "The request path."),
                ["code"] = Of(JsonSchemaType.String, "The stable problem code; see the response's examples for the codes of each status."),
                ["request_id"] = Of(JsonSchemaType.String, "The server's id of the request, for its logs."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "`validation_failed`: the messages of each invalid field.",
                    AdditionalProperties = Strings("Messages."),
                },
                ["current_status"] = Of(JsonSchemaType.String, "`invalid_state_transition`: the session's status."),
                ["attempted_action"] = Of(JsonSchemaType.String, "`invalid_state_transition`: the refused action."),
                ["allowed_actions"] = Strings("`invalid_state_transition`: what the session allows now."),
                ["max_bytes"] = Of(JsonSchemaType.Integer, "`image_too_large`: the limit in bytes.", "int64"),
                ["accepted"] = Strings("`unsupported_media_type`: the accepted image types."),
                ["width"] = Of(JsonSchemaType.Integer, "`image_dimensions_out_of_range`: the image's width.", "int64"),
                ["height"] = Of(JsonSchemaType.Integer, "`image_dimensions_out_of_range`: the image's height.", "int64"),
                ["expired_at"] = Of(JsonSchemaType.String, "`liveness_challenge_expired`: when it expired.", "date-time"),
            },
        };
    }
}
