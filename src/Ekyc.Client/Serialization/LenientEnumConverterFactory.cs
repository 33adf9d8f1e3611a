using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ekyc.Client.Serialization;

/// <summary>
/// Enums as their snake_case wire names. A value this version does not know reads as the enum's <c>Unknown</c> member,
/// so a server that adds a status or check outcome does not break older clients.
/// </summary>
internal sealed class LenientEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName = Enum.GetValues<T>().ToDictionary(v => WireName(v), StringComparer.Ordinal);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { } name && ByName.TryGetValue(name, out var value) ? value : default;

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(WireName(value));

        private static string WireName(T value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
    }
}
