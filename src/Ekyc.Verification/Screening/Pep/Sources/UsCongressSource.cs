using Ekyc.Verification.Screening.Loaders;
using Ekyc.Verification.Screening.Model;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Ekyc.Verification.Screening.Pep.Sources;

/// <summary>
/// unitedstates/congress-legislators (CC0): <c>executive.yaml</c> (presidents and vice presidents, every term),
/// <c>legislators-current.yaml</c> (every term and leadership role) and <c>legislators-historical.csv</c> (former members,
/// last term only, no dates: reported as former with the end date unknown). Records carry their bioguide id (and
/// Wikidata id) so the same person in several files becomes one entity.
/// </summary>
public static class UsCongressSource
{
    public const string Dataset = "us-congress-legislators";

    /// <summary>
    /// Former members born before this year are left out: they would be over 110 at the data date (2026), the age past
    /// which OpenSanctions no longer treats a person as a PEP; the file goes back to 1789.
    /// </summary>
    public const int HistoricalBornFrom = 1916;

    public static IEnumerable<PepRecord> Read(string folder)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        var people = new List<(Person Person, List<Term> Terms, string Path)>();
        foreach (var file in new[] { "executive.yaml", "legislators-current.yaml" })
        {
            var path = Path.Combine(folder, file);
            if (File.Exists(path))
            {
                people.AddRange(Parse(deserializer, path).Select(p => (p, TermsOf(p), path)));
            }
        }
        // Both files share one snapshot; its date is at least the latest term start in either.
        var asOf = Terms.AsOf(people.SelectMany(p => p.Terms));
        foreach (var (person, terms, path) in people)
        {
            yield return Record(person, terms, asOf, path);
        }
        var historical = Path.Combine(folder, "legislators-historical.csv");
        if (File.Exists(historical))
        {
            foreach (var record in Historical(historical))
            {
                yield return record;
            }
        }
    }

    private static List<Person> Parse(IDeserializer deserializer, string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return deserializer.Deserialize<List<Person>>(reader) ?? [];
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new ListLoadException(path, ex.Start.Line, "malformed YAML: " + ex.Message, ex);
        }
    }

    private static PepRecord Record(Person person, List<Term> terms, DateOnly asOf, string path)
    {
        // A few presidents never sat in Congress and have no bioguide id; their GovTrack id identifies them.
        var (scheme, value) = Id(person, "bioguide") is { } b ? ("bioguide", b) : Id(person, "govtrack") is { } g ? ("govtrack", g)
            : throw new ListLoadException(path, null, $"person {person.Name?.OfficialFull ?? person.Name?.Last} without a bioguide or govtrack id");
        var record = new PepRecord($"us-{scheme}-{value}", Dataset);
        var name = person.Name ?? new NameYaml();
        record.AddName(name.OfficialFull ?? Join(name.First, name.Middle, name.Last, name.Suffix));
        record.AddName(Join(name.First, name.Middle, name.Last, name.Suffix));
        record.AddName(Join(name.First, name.Last));
        if (name.Nickname is not null)
        {
            record.AddName(Join(name.Nickname, name.Last));
        }
        record.AddBirthDate(person.Bio?.Birthday);
        record.AddCountry("us");
        record.Positions.AddRange(Terms.Collapse(terms, "us", asOf));
        record.Keys.Add($"{scheme}:{value}");
        if (Id(person, "wikidata") is { } qid)
        {
            record.Keys.Add("wikidata:" + qid);
        }
        return record;
    }

    private static List<Term> TermsOf(Person person) =>
    [
        .. (person.Terms ?? []).Select(t => new Term(Title(t), Terms.Date(t.Start), Terms.Date(t.End), t.Type is "prez" or "viceprez")),
        .. (person.LeadershipRoles ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Title))
            .Select(r => new Term($"{r.Title} (US {(r.Chamber == "senate" ? "Senate" : "House of Representatives")})", Terms.Date(r.Start), Terms.Date(r.End))),
    ];

    private static string Title(TermYaml term) => term.Type switch
    {
        "prez" => "President of the United States",
        "viceprez" => "Vice President of the United States",
        "sen" => $"United States Senator for {UsStates.Name(term.State ?? "")}",
        _ => $"Member of the US House of Representatives for {UsStates.Name(term.State ?? "")}" + (term.District is > 0 ? $", district {term.District}" : ""),
    };

    private static IEnumerable<PepRecord> Historical(string path)
    {
        Dictionary<string, int>? columns = null;
        foreach (var (line, fields) in CsvRows.Read(path))
        {
            if (columns is null)
            {
                columns = fields.Select((f, i) => (f.Trim(), i)).ToDictionary(p => p.Item1, p => p.i);
                if (!columns.ContainsKey("bioguide_id") || !columns.ContainsKey("last_name"))
                {
                    throw new ListLoadException(path, line, "header lacks bioguide_id or last_name; is this legislators-historical.csv?");
                }
                continue;
            }
            string? Field(string name) => columns.TryGetValue(name, out var i) ? CsvRows.Value(fields, i) : null;
            var birth = BirthDate.ParseIso(Field("birthday"));
            if (birth is null || birth.Year < HistoricalBornFrom || Field("bioguide_id") is not { } bioguide)
            {
                continue;
            }
            var record = new PepRecord("us-bioguide-" + bioguide, Dataset);
            record.AddName(Field("full_name") ?? Join(Field("first_name"), Field("middle_name"), Field("last_name"), Field("suffix")));
            record.AddName(Join(Field("first_name"), Field("middle_name"), Field("last_name"), Field("suffix")));
            record.AddName(Join(Field("first_name"), Field("last_name")));
            if (Field("nickname") is { } nickname)
            {
                record.AddName(Join(nickname, Field("last_name")));
            }
            record.BirthDates.Add(birth);
            record.AddCountry("us");
            var state = UsStates.Name(Field("state") ?? "");
            var district = int.TryParse(Field("district"), out var d) && d > 0 ? $", district {d}" : "";
            record.Positions.Add(new PepPosition
            {
                Title = Field("type") == "sen" ? $"United States Senator for {state}" : $"Member of the US House of Representatives for {state}{district}",
                Country = "us",
                Status = PositionStatus.Ended,
            });
            record.Keys.Add("bioguide:" + bioguide);
            yield return record;
        }
    }

    private static string? Id(Person person, string key) =>
        person.Id is { } ids && ids.TryGetValue(key, out var value) && value is string text && text.Length > 0 ? text : null;

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    // YAML shapes of the source (snake_case keys); only the fields used are declared.
    private sealed class Person
    {
        public Dictionary<string, object>? Id { get; set; }
        public NameYaml? Name { get; set; }
        public BioYaml? Bio { get; set; }
        public List<TermYaml>? Terms { get; set; }
        public List<LeadershipYaml>? LeadershipRoles { get; set; }
    }

    private sealed class NameYaml
    {
        public string? First { get; set; }
        public string? Middle { get; set; }
        public string? Last { get; set; }
        public string? Suffix { get; set; }
        public string? Nickname { get; set; }
        public string? OfficialFull { get; set; }
    }

    private sealed class BioYaml
    {
        public string? Birthday { get; set; }
    }

    private sealed class TermYaml
    {
        public string? Type { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }
        public string? State { get; set; }
        public int? District { get; set; }
    }

    private sealed class LeadershipYaml
    {
        public string? Title { get; set; }
        public string? Chamber { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }
    }
}
