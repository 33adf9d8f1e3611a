using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Loaders;

/// <summary>
/// Senzing JSON lines as OpenSanctions exports them: NAMES (NAME_FULL / NAME_ORG / NAME_FIRST+NAME_LAST),
/// DATES.DATE_OF_BIRTH, COUNTRIES, and RISKS topics (<c>role.pep</c> makes a PEP). Records without a
/// RECORD_TYPE (positions such as "United States senator") are not screenable and are skipped.
/// </summary>
internal static class SenzingLoader
{
    public static IReadOnlyList<ScreeningEntity> Load(string path, string listName)
    {
        var entities = new List<ScreeningEntity>();
        foreach (var (line, root) in JsonLines.Read(path))
        {
            var kind = JsonLines.Strings(root, "RECORD_TYPE").FirstOrDefault() switch
            {
                "PERSON" => EntityKind.Person,
                "ORGANIZATION" => EntityKind.Organization,
                _ => (EntityKind?)null,
            };
            if (kind is null)
            {
                continue;
            }
            var id = JsonLines.Strings(root, "RECORD_ID").FirstOrDefault() ?? throw new ListLoadException(path, line, "record without RECORD_ID");
            var names = new List<EntityName>();
            foreach (var name in JsonLines.Objects(root, "NAMES"))
            {
                var full = JsonLines.Strings(name, "NAME_FULL").FirstOrDefault() ?? JsonLines.Strings(name, "NAME_ORG").FirstOrDefault()
                    ?? string.Join(' ', new[] { "NAME_FIRST", "NAME_MIDDLE", "NAME_LAST" }.SelectMany(k => JsonLines.Strings(name, k)));
                if (string.IsNullOrWhiteSpace(full))
                {
                    continue;
                }
                var primary = JsonLines.Strings(name, "NAME_TYPE").FirstOrDefault() == "PRIMARY" && names.All(n => n.Kind != NameKind.Primary);
                names.Add(new EntityName(full, primary ? NameKind.Primary : NameKind.StrongAlias));
            }
            if (names.Count == 0)
            {
                throw new ListLoadException(path, line, $"record {id} has no name");
            }
            entities.Add(new ScreeningEntity
            {
                Id = id,
                ListName = listName,
                Kind = kind.Value,
                Names = names,
                BirthDates = JsonLines.Objects(root, "DATES").SelectMany(d => JsonLines.Strings(d, "DATE_OF_BIRTH"))
                    .Select(BirthDate.ParseIso).OfType<BirthDate>().ToList(),
                Nationalities = JsonLines.Objects(root, "COUNTRIES")
                    .SelectMany(c => JsonLines.Strings(c, "NATIONALITY").Concat(JsonLines.Strings(c, "CITIZENSHIP")))
                    .Select(Countries.Normalize).OfType<string>().Distinct().ToList(),
                Topics = JsonLines.Objects(root, "RISKS").SelectMany(r => JsonLines.Strings(r, "TOPIC")).Distinct().ToList(),
                Programs = JsonLines.Strings(root, "DATA_SOURCE").ToList(),
            });
        }
        return entities;
    }
}
