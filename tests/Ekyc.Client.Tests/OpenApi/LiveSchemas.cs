namespace Ekyc.Client.Tests.OpenApi;

/// <summary>Validates JSON the server produced against a schema of its own live OpenAPI document (NJsonSchema, as NSwag loads it).</summary>
public static class LiveSchemas
{
    public static async Task<IReadOnlyList<string>> ErrorsAsync(Uri server, string schemaName, string json)
    {
        using var anonymous = new HttpClient { BaseAddress = server };
        var document = await NSwag.OpenApiDocument.FromJsonAsync(await anonymous.GetStringAsync("/openapi/v1.json"));
        return document.Components.Schemas[schemaName].Validate(json).Select(e => e.ToString()).ToList();
    }
}
