using System.Text.Json;

namespace Ekyc.Verification.Screening.Loaders;

/// <summary>Reads one JSON object per line, plain or gzip-compressed, reporting the line of any malformed one.</summary>
internal static class JsonLines
{
    public static IEnumerable<(long Line, JsonElement Root)> Read(string path)
    {
        long line = 0;
        using var reader = new StreamReader(Compressed.OpenRead(path));
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(text);
                root = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new ListLoadException(path, line, "malformed JSON: " + ex.Message, ex);
            }
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ListLoadException(path, line, "expected a JSON object");
            }
            yield return (line, root);
        }
    }

    public static IEnumerable<string> Strings(JsonElement parent, string property) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
                JsonValueKind.String => [value.GetString()!],
                _ => [],
            }
            : [];

    public static IEnumerable<JsonElement> Objects(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object)
            : [];
}
