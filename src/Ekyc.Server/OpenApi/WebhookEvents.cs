using System.Text.Json.Nodes;
using Ekyc.Core.Checks;
using Ekyc.Core.Sessions;
using Ekyc.Server.Events;
using Ekyc.Server.Webhooks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ekyc.Server.OpenApi;

/// <summary>
/// The OpenAPI 3.1 <c>webhooks</c>: one POST per event type the server emits (<see cref="EventTypes"/>), signed by
/// Standard Webhooks headers, with the payloads <see cref="EventPayloads"/> builds.
/// </summary>
public sealed class WebhookEvents : IOpenApiDocumentTransformer
{
    public const string EnvelopeSchema = "WebhookEvent";
    public const string DecisionSchema = "VerificationDecisionEvent";

    private static readonly Dictionary<string, string> Descriptions = new()
    {
        [EventTypes.DocumentsUploaded] = "The first document side of a session was uploaded.",
        [EventTypes.SelfieUploaded] = "The selfie of a session was uploaded.",
        [EventTypes.Submitted] = "The session was submitted and is queued for processing.",
        [EventTypes.Processing] = "A worker started processing the session.",
        [EventTypes.Completed] = "The checks ran and the session was decided: `approved`, `rejected` or `manual_review`.",
        [EventTypes.Reviewed] = "A reviewer approved or rejected a session in `manual_review`.",
        [EventTypes.Expired] = "The session expired before it was submitted.",
        [EventTypes.Deleted] = "The session's images and personal data were erased.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[EnvelopeSchema] = Event(decision: false, document);
        document.Components.Schemas[DecisionSchema] = Event(decision: true, document);
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var type in EventTypes.All)
        {
            var isDecision = type is EventTypes.Completed or EventTypes.Reviewed;
            document.Webhooks[type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = Delivery(type, new OpenApiSchemaReference(isDecision ? DecisionSchema : EnvelopeSchema, document)),
                },
            };
        }
        return Task.CompletedTask;
    }

    private static OpenApiOperation Delivery(string type, IOpenApiSchema body) => new()
    {
        OperationId = "Webhook_" + type.Replace('.', '_'),
        Summary = type,
        Description = Descriptions[type] + " Sent to the tenant's endpoints subscribed to it and to the session's `webhook_url`. "
            + "Verify the signature over the raw body before parsing it; deliveries are at least once (deduplicate by `webhook-id`).",
        Tags = null,
        Parameters =
        [
            Header(WebhookSigner.IdHeader, "The message id (`evt_…`), the same on every retry of this event."),
            Header(WebhookSigner.TimestampHeader, "Unix seconds when this attempt was signed; reject ones far from your clock (replays)."),
            Header(WebhookSigner.SignatureHeader, "Space-separated `v1,<base64 HMAC-SHA256 of '<webhook-id>.<webhook-timestamp>.<body>'>`, "
                + "one per active secret (`whsec_…`, base64 after the prefix) while a rotation overlaps; accept if any matches."),
        ],
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = body } },
        },
        Responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse { Description = "Any 2xx acknowledges the delivery." },
            ["410"] = new OpenApiResponse { Description = "Gone: the endpoint is disabled and receives nothing more until it is enabled again." },
            ["default"] = new OpenApiResponse
            {
                Description = "Anything else (or no answer within the timeout; redirects are not followed) is retried with exponential "
                    + "backoff and jitter for about three days, honouring `Retry-After`.",
            },
        },
    };

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiSchema Event(bool decision, OpenApiDocument document)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["event"] = Enum("The event type.", EventTypes.All),
            ["session_id"] = Text("The session (`sess_…`)."),
            ["status"] = Enum("The session's status when the event was written.", System.Enum.GetValues<SessionStatus>().Select(s => s.ToWire()).ToList()),
            ["reference"] = Text("The tenant's own reference; null once the session is erased.", nullable: true),
            ["created_at"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When the event was written." },
            ["redacted"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Present and true once the session's personal data was erased." },
        };
        var required = new HashSet<string> { "event", "session_id", "status", "created_at" };
        if (decision)
        {
            var statuses = new[] { CheckStatus.Pass, CheckStatus.Fail, CheckStatus.Review, CheckStatus.Clear, CheckStatus.Hit, CheckStatus.NotRun }
                .Select(s => s.ToWire()).ToList();
            properties["confidence"] = new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double", Description = "The decision's confidence (0-1)." };
            properties["checks"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Each check's outcome: pass/fail/review (document and faces), clear/hit/review (screening), not_run.",
                Properties = CheckNames.All.ToDictionary(name => name, _ => (IOpenApiSchema)Enum("The check's outcome.", statuses)),
                Required = new HashSet<string>(CheckNames.All),
            };
            properties["extracted_data"] = new OpenApiSchema
            {
                OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, new OpenApiSchemaReference(ExtractedDataSchema.Name, document)],
                Description = "What was read from the document; null when nothing was (or after erasure).",
            };
            properties["decision_rule"] = Text("The decision policy rule that fired (e.g. `all_checks_passed`, `check_failed`).", nullable: true);
            properties["review"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "`verification.reviewed` only: the review (reviewer and reason are null after erasure).",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["decision"] = Enum("The reviewer's decision.", ["approved", "rejected"]),
                    ["reason"] = Text("The reviewer's reason.", nullable: true),
                    ["reviewer"] = Text("Who reviewed.", nullable: true),
                    ["previous_status"] = Text("The status before the review (`manual_review`)."),
                },
            };
            required.UnionWith(["confidence", "checks"]);
        }
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = decision
                ? "`verification.completed` and `verification.reviewed`: the envelope with the decision. Fields may be added; none of these change."
                : "The envelope every event shares. Fields may be added; none of these change.",
            Properties = properties,
            Required = required,
        };
    }

    private static OpenApiSchema Text(string description, bool nullable = false) =>
        new() { Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String, Description = description };

    private static OpenApiSchema Enum(string description, IEnumerable<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
    };
}
