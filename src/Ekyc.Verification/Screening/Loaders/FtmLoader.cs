using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Loaders;

/// <summary>
/// OpenSanctions FollowTheMoney entities, one JSON object per line. Only screenable schemata are kept
/// (Person, organisations, Vessel, Airplane); Sanction, Address, Ownership and the like are skipped.
/// </summary>
internal static class FtmLoader
{
    public static IReadOnlyList<ScreeningEntity> Load(string path, string listName)
    {
        var entities = new List<ScreeningEntity>();
        foreach (var (line, root) in JsonLines.Read(path))
        {
            var schema = JsonLines.Strings(root, "schema").FirstOrDefault();
            var kind = schema switch
            {
                "Person" => EntityKind.Person,
                "Organization" or "Company" or "PublicBody" => EntityKind.Organization,
                "LegalEntity" => EntityKind.Unknown,
                "Vessel" => EntityKind.Vessel,
                "Airplane" => EntityKind.Aircraft,
                _ => (EntityKind?)null,
            };
            if (kind is null)
            {
                continue;
            }
            var id = JsonLines.Strings(root, "id").FirstOrDefault() ?? throw new ListLoadException(path, line, "entity without id");
            var properties = root.TryGetProperty("properties", out var p) ? p : default;
            var names = new List<EntityName>();
            AddNames(names, JsonLines.Strings(properties, "name"), NameKind.Primary);
            AddNames(names, JsonLines.Strings(properties, "alias"), NameKind.StrongAlias);
            AddNames(names, JsonLines.Strings(properties, "previousName"), NameKind.Former);
            AddNames(names, JsonLines.Strings(properties, "weakAlias"), NameKind.WeakAlias);
            if (names.Count == 0)
            {
                continue;
            }
            var nationalities = JsonLines.Strings(properties, "nationality").Concat(JsonLines.Strings(properties, "citizenship")).ToList();
            entities.Add(new ScreeningEntity
            {
                Id = id,
                ListName = listName,
                Kind = kind.Value,
                Names = names,
                BirthDates = JsonLines.Strings(properties, "birthDate").Select(BirthDate.ParseIso).OfType<BirthDate>().ToList(),
                Nationalities = (nationalities.Count > 0 ? nationalities : JsonLines.Strings(properties, "country"))
                    .Select(Countries.Normalize).OfType<string>().Distinct().ToList(),
                Topics = JsonLines.Strings(properties, "topics").ToList(),
                Programs = JsonLines.Strings(properties, "programId").Concat(JsonLines.Strings(root, "datasets")).Distinct().ToList(),
            });
        }
        return entities;
    }

    /// <summary>FtM lists every spelling as a name; those not in Latin script are marked as original-script names.</summary>
    private static void AddNames(List<EntityName> names, IEnumerable<string> values, NameKind kind)
    {
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct())
        {
            var effective = kind is NameKind.Primary or NameKind.StrongAlias && !IsLatin(value) ? NameKind.OriginalScript
                : kind == NameKind.Primary && names.Any(n => n.Kind == NameKind.Primary) ? NameKind.StrongAlias
                : kind;
            names.Add(new EntityName(value, effective));
        }
    }

    private static bool IsLatin(string value) => value.All(c => !char.IsLetter(c) || c < 0x250 || c is >= '\u1E00' and <= '\u1EFF');
}
