using System.Xml;
using System.Xml.Linq;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Loaders;

/// <summary>
/// The UN Security Council Consolidated List XML (<c>sc-sanctions.xsd</c>): FIRST..FOURTH_NAME, the name in its
/// original script, aliases by quality (<c>Good</c> is strong, <c>Low</c> is weak) and EXACT/APPROXIMATELY/BETWEEN
/// birth dates.
/// </summary>
internal static class UnXmlLoader
{
    public static IReadOnlyList<ScreeningEntity> Load(string path, string listName)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new ListLoadException(path, ex.LineNumber, "malformed XML: " + ex.Message, ex);
        }
        if (document.Root?.Name.LocalName != "CONSOLIDATED_LIST")
        {
            throw new ListLoadException(path, 1, "root element is not CONSOLIDATED_LIST");
        }
        var entities = new List<ScreeningEntity>();
        foreach (var record in document.Root.Descendants().Where(e => e.Name.LocalName is "INDIVIDUAL" or "ENTITY"))
        {
            var individual = record.Name.LocalName == "INDIVIDUAL";
            var id = Text(record, "REFERENCE_NUMBER") ?? Text(record, "DATAID")
                ?? throw new ListLoadException(path, ((IXmlLineInfo)record).LineNumber, "record without REFERENCE_NUMBER or DATAID");
            var primary = string.Join(' ', new[] { "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME" }.Select(n => Text(record, n)).OfType<string>());
            if (primary.Length == 0)
            {
                throw new ListLoadException(path, ((IXmlLineInfo)record).LineNumber, $"record {id} has no name");
            }
            var names = new List<EntityName> { new(primary, NameKind.Primary) };
            if (Text(record, "NAME_ORIGINAL_SCRIPT") is { } original)
            {
                names.Add(new EntityName(original, NameKind.OriginalScript));
            }
            foreach (var alias in record.Elements().Where(e => e.Name.LocalName is "INDIVIDUAL_ALIAS" or "ENTITY_ALIAS"))
            {
                if (Text(alias, "ALIAS_NAME") is { } aliasName)
                {
                    names.Add(new EntityName(aliasName, AliasKind(Text(alias, "QUALITY"))));
                }
            }
            entities.Add(new ScreeningEntity
            {
                Id = id,
                ListName = listName,
                Kind = individual ? EntityKind.Person : EntityKind.Organization,
                Names = names,
                BirthDates = record.Elements("INDIVIDUAL_DATE_OF_BIRTH").Select(BirthDateOf).OfType<BirthDate>().ToList(),
                Nationalities = record.Elements("NATIONALITY").Elements("VALUE").Select(v => Countries.Normalize(v.Value)).OfType<string>().Distinct().ToList(),
                Topics = [EntityTopics.Sanction],
                Programs = Text(record, "UN_LIST_TYPE") is { } program ? [program] : [],
            });
        }
        return entities;
    }

    private static NameKind AliasKind(string? quality) => quality?.ToLowerInvariant() switch
    {
        "low" => NameKind.WeakAlias,
        "f.k.a." => NameKind.Former,
        _ => NameKind.StrongAlias,
    };

    private static BirthDate? BirthDateOf(XElement dob)
    {
        var approximate = Text(dob, "TYPE_OF_DATE")?.Equals("APPROXIMATELY", StringComparison.OrdinalIgnoreCase) == true;
        if (int.TryParse(Text(dob, "FROM_YEAR"), out var from) && int.TryParse(Text(dob, "TO_YEAR"), out var to)
            && BirthDate.IsPlausibleYear(from) && to >= from)
        {
            return new BirthDate(from, ToYear: to == from ? null : to, Approximate: approximate);
        }
        var date = BirthDate.ParseIso(Text(dob, "DATE")) ?? BirthDate.ParseIso(Text(dob, "YEAR"));
        return date is null ? null : date with { Approximate = approximate };
    }

    private static string? Text(XElement parent, string name)
    {
        var value = parent.Element(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
