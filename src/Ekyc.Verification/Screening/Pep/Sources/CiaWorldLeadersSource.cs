using System.Text.Json;
using System.Text.RegularExpressions;
using Ekyc.Verification.Screening.Loaders;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Pep.Sources;

/// <summary>
/// The CIA's <i>Chiefs of State and Cabinet Members of Foreign Governments</i> (US government work), scraped to
/// <c>cia_raw.json</c>: heads of state and government, ministers, central-bank governors and ambassadors of 199
/// countries, each office held on the date the CIA last updated that country. Names only, no birth dates. One person
/// with several titles in a country is one entity with several offices; <c>(Acting)</c> moves to the title,
/// <c>(a.k.a. X)</c> becomes an alias; vacant posts are skipped.
/// </summary>
public static partial class CiaWorldLeadersSource
{
    public const string Dataset = "cia-world-leaders";

    // The CIA's abbreviations, spelled out so that titles read as the offices they are.
    private static readonly (string Short, string Long)[] Abbreviations =
    [
        ("Min.", "Minister"), ("Pres.", "President"), ("Dep.", "Deputy"), ("Sec.", "Secretary"), ("Gen.", "General"),
        ("Chmn.", "Chairman"), ("Govt.", "Government"), ("Del.", "Delegate"), ("Admin.", "Administration"), ("Intl.", "International"),
        ("Dir.", "Director"), ("Dept.", "Department"), ("Ctte.", "Committee"), ("Fed.", "Federal"), ("Gov.", "Governor"),
    ];

    private static readonly string[] HeadTitles = ["President", "Prime Minister", "King", "Queen", "Emir", "Sultan", "Supreme Leader", "Grand Duke", "Prince", "Pope"];

    public static IEnumerable<PepRecord> Read(string folder)
    {
        var path = Path.Combine(folder, "cia_raw.json");
        if (!File.Exists(path))
        {
            yield break;
        }
        List<CountryJson> countries;
        try
        {
            countries = JsonSerializer.Deserialize<List<CountryJson>>(File.ReadAllText(path), EkycJsonRecord.Json) ?? [];
        }
        catch (JsonException ex)
        {
            throw new ListLoadException(path, ex.LineNumber + 1, "malformed JSON: " + ex.Message, ex);
        }
        foreach (var country in countries.OrderBy(c => c.Country, StringComparer.Ordinal))
        {
            var code = CountryCode(country.Country ?? "") ?? throw new ListLoadException(path, null, $"unknown country '{country.Country}'");
            var asOf = Terms.Date(country.DateUpdated);
            var people = new Dictionary<string, PepRecord>(StringComparer.Ordinal);
            foreach (var leader in country.Leaders ?? [])
            {
                var (name, aliases, acting) = SplitName(leader.Name ?? "");
                if (name.Length == 0 || name.Equals("vacant", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(leader.Title))
                {
                    continue;
                }
                if (!people.TryGetValue(name, out var record))
                {
                    record = new PepRecord($"cia-{code}-{Slug(name)}", Dataset);
                    record.AddName(name);
                    record.AddCountry(code);
                    people.Add(name, record);
                }
                foreach (var alias in aliases)
                {
                    record.AddName(alias);
                }
                var title = Expand(leader.Title.Trim()) + (acting ? " (acting)" : "");
                record.Positions.Add(new PepPosition
                {
                    Title = title,
                    Country = code,
                    Status = PositionStatus.Current,
                    HeadOfState = HeadTitles.Any(h => title.StartsWith(h, StringComparison.Ordinal)),
                    AsOf = asOf,
                });
            }
            foreach (var record in people.Values)
            {
                yield return record;
            }
        }
    }

    /// <summary>ISO alpha-2 for the CIA's country names (<c>Bahamas, The</c>, <c>Holy See (Vatican City)</c>…).</summary>
    internal static string? CountryCode(string country)
    {
        var plain = Parenthesis().Replace(country, "").Trim();
        if (plain.EndsWith(", The", StringComparison.Ordinal))
        {
            plain = plain[..^5];
        }
        return Countries.Normalize(plain) ?? plain switch
        {
            "Micronesia, Federated States of" => "fm",
            "Cook Islands" => "ck",
            "Niue" => "nu",
            _ => null,
        };
    }

    /// <summary><c>Mohammad HASSAN Akhund (Acting)</c> → the name, its <c>(a.k.a. …)</c> aliases, and whether acting.</summary>
    internal static (string Name, List<string> Aliases, bool Acting) SplitName(string raw)
    {
        var aliases = new List<string>();
        var acting = false;
        foreach (Match match in Parenthesis().Matches(raw))
        {
            var inner = match.Value[1..^1].Trim();
            if (inner.StartsWith("a.k.a.", StringComparison.OrdinalIgnoreCase))
            {
                aliases.Add(inner[6..].Trim());
            }
            acting |= inner.Equals("acting", StringComparison.OrdinalIgnoreCase) || inner.Equals("OIC", StringComparison.Ordinal);
        }
        var name = string.Join(' ', Parenthesis().Replace(raw, " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return (name, aliases, acting);
    }

    private static string Expand(string title) =>
        string.Join(' ', title.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Abbreviations.FirstOrDefault(a => a.Short == w).Long ?? w));

    private static string Slug(string name) =>
        string.Join('-', Matching.NameNormalizer.Normalize(name).Tokens) is { Length: > 0 } slug ? slug : Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(name));

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesis();

    private sealed class CountryJson
    {
        public string? Country { get; set; }
        public string? DateUpdated { get; set; }
        public List<LeaderJson>? Leaders { get; set; }
    }

    private sealed class LeaderJson
    {
        public string? Name { get; set; }
        public string? Title { get; set; }
    }
}
