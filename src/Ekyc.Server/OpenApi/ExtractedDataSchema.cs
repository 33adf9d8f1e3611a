using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ekyc.Server.OpenApi;

/// <summary>
/// The <c>ExtractedData</c> schema (what <see cref="Events.EventPayloads.ExtractedDataOf"/> writes), used by the session,
/// the report and the decision events. The responses carry it as a dictionary, which would give generators no fields;
/// it is set after the schemas exist, since a reference to a component not yet generated breaks the generation.
/// </summary>
public sealed class ExtractedDataSchema : IOpenApiDocumentTransformer
{
    public const string Name = "ExtractedData";
    private static readonly string[] Carriers = ["SessionResponse", "ReportResponse"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Name] = ExtractedData();
        foreach (var carrier in Carriers)
        {
            if (document.Components.Schemas.TryGetValue(carrier, out var schema) && schema is OpenApiSchema { Properties: { } properties })
            {
                properties["extracted_data"] = new OpenApiSchema
                {
                    OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, new OpenApiSchemaReference(Name, document)],
                    Description = "What was read from the document; null before processing, when nothing was read, or after erasure.",
                };
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema ExtractedData() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Identity data read from the document (MRZ or barcode); each field null when it was not read.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["full_name"] = Text("Given names and surname."),
            ["date_of_birth"] = Date("Date of birth."),
            ["document_number"] = Text("The document number."),
            ["document_type"] = Text("passport, id_card, driving_licence or residence_permit."),
            ["nationality"] = Text("ISO 3166-1 alpha-3 (ICAO) nationality."),
            ["surname"] = Text("Surname."),
            ["given_names"] = Text("Given names."),
            ["issuing_country"] = Text("ISO 3166-1 alpha-3 (ICAO) issuing state."),
            ["sex"] = Text("M, F or X."),
            ["expiry_date"] = Date("Expiry date of the document."),
        },
    };

    private static OpenApiSchema Text(string description) =>
        new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = description };

    private static OpenApiSchema Date(string description) =>
        new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date", Description = description };
}
