using System.Text.Json.Nodes;
using Ekyc.Server.Options;
using Ekyc.Server.Sessions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Ekyc.Server.OpenApi;

/// <summary>
/// The request bodies the upload handlers read themselves (<see cref="Uploads.UploadReader"/>): multipart with the
/// field <c>file</c>, or a raw image body. The other fields are described as query parameters, which the server reads
/// with either body; as form fields they would clash with those parameters in every generated client.
/// </summary>
public sealed class UploadBodies(IOptions<EkycOptions> options) : IOpenApiOperationTransformer
{
    /// <summary>Raw bodies are recognised by their magic bytes, so any of these content types (or none) will do.</summary>
    public static readonly string[] RawMediaTypes = ["image/jpeg", "image/png", "image/webp", "application/octet-stream"];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        switch (operation.OperationId)
        {
            case "UploadDocument":
                Describe(operation, DocumentFields(), fileSchema: Binary("The image of this side: JPEG, PNG or WebP."));
                break;
            case "UploadSelfie":
                var frames = options.Value.Uploads.MaxSelfieFrames;
                Describe(operation, SelfieFields(), fileSchema: new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = Binary("One frame: JPEG, PNG or WebP."),
                    MinItems = 1,
                    MaxItems = frames,
                    Description = $"The selfie (one part), or up to {frames} frames in capture order for active liveness (repeat the field).",
                });
                break;
            case "CheckLivenessPose":
                Describe(operation, PoseFields(), fileSchema: Binary("One camera frame: JPEG, PNG or WebP (at most `Liveness:PoseFrameMaxBytes`)."));
                break;
        }
        return Task.CompletedTask;
    }

    private void Describe(OpenApiOperation operation, Dictionary<string, IOpenApiSchema> fields, IOpenApiSchema fileSchema)
    {
        var maxBytes = options.Value.Uploads.MaxBytes;
        var form = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = $"The image part `file`; {string.Join(" and ", fields.Keys.Select(k => $"`{k}`"))} may also be sent as form fields.",
            Required = new HashSet<string> { "file" },
            Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = fileSchema },
        };
        var content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = form,
                Encoding = new Dictionary<string, OpenApiEncoding> { ["file"] = new() { ContentType = "image/jpeg, image/png, image/webp" } },
            },
        };
        foreach (var mediaType in RawMediaTypes)
            content[mediaType] = new OpenApiMediaType { Schema = Binary("The image itself.") };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = $"Multipart (field `file`) or the raw image. At most {maxBytes} bytes per image; the format is recognised by its "
                + "magic bytes (JPEG, PNG, WebP), never by the file name or content type.",
            Content = content,
        };
        operation.Parameters ??= [];
        foreach (var (name, schema) in fields)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Required = false,
                Description = $"{schema.Description} With a multipart body it may be a form field instead.",
                Schema = schema,
            });
        }
    }

    private static Dictionary<string, IOpenApiSchema> DocumentFields() => new()
    {
        ["side"] = Enum("The side of the document (default `front`).", "front", "back"),
        ["type"] = Enum("Required: the document type, which the session must allow.", [.. DocumentTypes.All]),
    };

    private static Dictionary<string, IOpenApiSchema> SelfieFields() => new()
    {
        ["challenge_id"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The liveness challenge these frames answer (from `POST /v1/sessions/{id}/liveness-challenge`).",
        },
    };

    private static Dictionary<string, IOpenApiSchema> PoseFields() => new()
    {
        ["step"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Description = "Required: 0 for the frontal reference frame, then 1 to the number of moves, in the challenge's order.",
        },
        ["reference_yaw"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Number,
            Description = "From step 1 on: the yaw the step-0 check returned for the reference frame (it only steers the feedback).",
        },
    };

    private static OpenApiSchema Binary(string description) =>
        new() { Type = JsonSchemaType.String, Format = "binary", Description = description };

    private static OpenApiSchema Enum(string description, params string[] values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
    };
}
