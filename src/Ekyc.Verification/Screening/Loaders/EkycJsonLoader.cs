using System.Text.Json;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Loaders;

/// <summary>Reads the <c>ekyc-jsonl</c> format (<see cref="EkycJsonRecord"/>), plain or gzip-compressed.</summary>
internal static class EkycJsonLoader
{
    public static IReadOnlyList<ScreeningEntity> Load(string path, string listName)
    {
        var entities = new List<ScreeningEntity>();
        using var reader = new StreamReader(Compressed.OpenRead(path));
        long line = 0;
        // Deserialised straight from the line: a JsonDocument per line would double the parse time of a large list.
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            EkycJsonRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<EkycJsonRecord>(text, EkycJsonRecord.Json);
            }
            catch (JsonException ex)
            {
                throw new ListLoadException(path, line, "malformed entity: " + ex.Message, ex);
            }
            if (string.IsNullOrWhiteSpace(record?.Id))
            {
                throw new ListLoadException(path, line, "entity without id");
            }
            if (record.Names is null || !record.Names.Any(n => !string.IsNullOrWhiteSpace(n.Name)))
            {
                throw new ListLoadException(path, line, $"entity {record.Id} has no name");
            }
            entities.Add(record.ToEntity(listName));
        }
        return entities;
    }
}
