using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ekyc.Client.Serialization;

/// <summary>The API's JSON convention: snake_case members, dictionary keys as sent, nulls left out of requests.</summary>
internal static class ClientJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new LenientEnumConverterFactory());
        return options;
    }
}
