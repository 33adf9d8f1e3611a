using System.Text.Json.Nodes;
using Ekyc.Server.Options;
using Ekyc.Server.Sessions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Ekyc.Server.OpenApi;

/// <summary>
/// The request bodies the upload handlers read themselves (<see cref="Uploads.UploadReader"/>): multipart with the
/// field <c>file</c> and its form fields, or a raw image body with the same fields in the query string.
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
                Describe(operation, DocumentFields(), fileSchema: Binary("The image of this side: JPEG, PNG or WebP."), "type");
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
        }
        return Task.CompletedTask;
    }

    private void Describe(OpenApiOperation operation, Dictionary<string, IOpenApiSchema> fields, IOpenApiSchema fileSchema, params string[] required)
    {
        var maxBytes = options.Value.Uploads.MaxBytes;
        var form = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(["file", .. required]),
            Properties = new Dictionary<string, IOpenApiSchema>(fields) { ["file"] = fileSchema },
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
            content[mediaType] = new OpenApiMediaType { Schema = Binary("The image itself; its fields go in the query string.") };
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
                Description = $"With a raw image body: {schema.Description} (with multipart, send it as a form field).",
                Schema = schema,
            });
        }
    }

    private static Dictionary<string, IOpenApiSchema> DocumentFields() => new()
    {
        ["side"] = Enum("The side of the document (default `front`).", "front", "back"),
        ["type"] = Enum("The document type; the session must allow it.", [.. DocumentTypes.All]),
    };

    private static Dictionary<string, IOpenApiSchema> SelfieFields() => new()
    {
        ["challenge_id"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The liveness challenge these frames answer (from `POST /v1/sessions/{id}/liveness-challenge`)",
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
