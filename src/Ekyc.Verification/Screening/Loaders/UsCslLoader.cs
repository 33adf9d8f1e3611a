using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Loaders;

/// <summary>
/// The US Consolidated Screening List CSV (trade.gov): a header row, <c>alt_names</c> and <c>dates_of_birth</c>
/// separated by semicolons, rows from SDN, SSI, Entity List, DPL, UVL and others.
/// </summary>
internal static class UsCslLoader
{
    private static readonly string[] Required = ["source", "entity_number", "type", "programs", "name", "alt_names", "dates_of_birth"];

    public static IReadOnlyList<ScreeningEntity> Load(string path, string listName)
    {
        Dictionary<string, int>? columns = null;
        var entities = new List<ScreeningEntity>();
        foreach (var (line, fields) in CsvRows.Read(path))
        {
            if (columns is null)
            {
                columns = Header(path, line, fields);
                if (Required.FirstOrDefault(c => !columns.ContainsKey(c)) is { } missing)
                {
                    throw new ListLoadException(path, line, $"header lacks the '{missing}' column; is this a CSL file?");
                }
                continue;
            }
            string? Field(string name) => columns.TryGetValue(name, out var i) ? CsvRows.Value(fields, i) : null;
            var name = Field("name") ?? throw new ListLoadException(path, line, "empty name");
            var names = new List<EntityName> { new(name, NameKind.Primary) };
            names.AddRange(Split(Field("alt_names")).Select(a => new EntityName(a, NameKind.StrongAlias)));
            entities.Add(new ScreeningEntity
            {
                // Non-SDN sources often have no entity number; the line keeps the id stable within one file.
                Id = Field("entity_number") ?? $"line-{line}",
                ListName = listName,
                Kind = Field("type")?.ToLowerInvariant() switch
                {
                    "individual" => EntityKind.Person,
                    "entity" => EntityKind.Organization,
                    "vessel" => EntityKind.Vessel,
                    "aircraft" => EntityKind.Aircraft,
                    _ => EntityKind.Unknown,
                },
                Names = names,
                BirthDates = Split(Field("dates_of_birth")).Select(OfacDateParser.Parse).OfType<BirthDate>().ToList(),
                Nationalities = Split(Field("nationalities")).Concat(Split(Field("citizenships")))
                    .Select(Countries.Normalize).OfType<string>().Distinct().ToList(),
                Topics = [EntityTopics.Sanction],
                Programs = Split(Field("programs")).Append(Field("source") ?? "").Where(p => p.Length > 0).ToList(),
            });
        }
        return columns is null ? throw new ListLoadException(path, 1, "empty file") : entities;
    }

    /// <summary>Column positions by name; blank names (trailing commas) are ignored, a name given twice is ambiguous.</summary>
    private static Dictionary<string, int> Header(string path, long line, string[] fields)
    {
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < fields.Length; i++)
        {
            var name = fields[i].Trim().ToLowerInvariant();
            if (name.Length > 0 && !columns.TryAdd(name, i))
            {
                throw new ListLoadException(path, line, $"header names the '{name}' column twice");
            }
        }
        return columns;
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
