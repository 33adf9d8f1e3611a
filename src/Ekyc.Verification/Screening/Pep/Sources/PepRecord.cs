using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Pep.Sources;

/// <summary>
/// One person as a source gives them, before records of the same person from several sources are merged: names,
/// birth dates, countries, offices and the identifiers that link records (<c>bioguide:…</c>, <c>wikidata:Q…</c>).
/// </summary>
public sealed class PepRecord(string id, string dataset)
{
    public string Id { get; } = id;
    public string Dataset { get; } = dataset;
    public List<EntityName> Names { get; } = [];
    public List<BirthDate> BirthDates { get; } = [];
    public List<string> Countries { get; } = [];
    public List<PepPosition> Positions { get; } = [];
    public List<string> Keys { get; } = [];

    /// <summary>Adds a name unless one with the same text is there; the first name added is the primary one.</summary>
    public void AddName(string? value, NameKind kind = NameKind.StrongAlias)
    {
        var name = value is null ? "" : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0 || Names.Any(n => string.Equals(n.Value, name, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }
        var effective = Names.Count == 0 && kind != NameKind.OriginalScript ? NameKind.Primary : kind == NameKind.Primary ? NameKind.StrongAlias : kind;
        Names.Add(new EntityName(name, effective));
    }

    public void AddBirthDate(string? iso)
    {
        if (BirthDate.ParseIso(iso) is { } date && !BirthDates.Contains(date))
        {
            BirthDates.Add(date);
        }
    }

    public void AddCountry(string? code)
    {
        if (!string.IsNullOrEmpty(code) && !Countries.Contains(code))
        {
            Countries.Add(code);
        }
    }
}
