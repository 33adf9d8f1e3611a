using Ekyc.Verification.Screening.Loaders;
using Ekyc.Verification.Screening.Model;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Ekyc.Verification.Screening.Pep.Sources;

/// <summary>
/// Open States <c>people</c> (CC0), <c>data/&lt;state&gt;/executive/*.yml</c>: governors, lieutenant governors, attorneys
/// general, secretaries of state and other statewide executives. Their roles in state legislatures are left out:
/// sub-national legislators are not usually PEPs. Other names (<c>D. Rayfield</c>, <c>Speaker Hilgers</c>) are weak aliases.
/// </summary>
public static class OpenStatesSource
{
    public const string Dataset = "us-openstates-state-executives";

    private static readonly Dictionary<string, string> Offices = new(StringComparer.Ordinal)
    {
        ["governor"] = "Governor",
        ["lt_governor"] = "Lieutenant Governor",
        ["attorney general"] = "Attorney General",
        ["secretary of state"] = "Secretary of State",
        ["chief election officer"] = "Chief Election Officer",
        ["treasurer"] = "Treasurer",
        ["auditor"] = "Auditor",
        ["mayor"] = "Mayor",
    };

    public static IEnumerable<PepRecord> Read(string folder)
    {
        var data = Path.Combine(folder, "data");
        if (!Directory.Exists(data))
        {
            yield break;
        }
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        var people = Directory.EnumerateFiles(data, "*.yml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "executive")
            .Order(StringComparer.Ordinal)
            .Select(f => (Person: Parse(deserializer, f), Path: f))
            .ToList();
        var terms = people.ToDictionary(p => p.Path, p => TermsOf(p.Person));
        var asOf = Terms.AsOf(terms.Values.SelectMany(t => t));
        foreach (var (person, path) in people)
        {
            if (terms[path].Count == 0)
            {
                continue;
            }
            var id = person.Id ?? throw new ListLoadException(path, null, "person without id");
            var record = new PepRecord(id.Replace("ocd-person/", "ocd-person-", StringComparison.Ordinal), Dataset);
            record.AddName(person.Name);
            record.AddName(string.Join(' ', new[] { person.GivenName, person.MiddleName, person.FamilyName }.Where(n => !string.IsNullOrWhiteSpace(n))));
            foreach (var other in person.OtherNames ?? [])
            {
                record.AddName(other.Name, NameKind.WeakAlias);
            }
            record.AddBirthDate(person.BirthDate);
            record.AddCountry("us");
            record.Positions.AddRange(Terms.Collapse(terms[path], "us", asOf));
            yield return record;
        }
    }

    private static List<Term> TermsOf(Person person) => (person.Roles ?? [])
        .Where(r => r.Type is not null && Offices.ContainsKey(r.Type))
        .Select(r => new Term($"{Offices[r.Type!]} of {Jurisdiction(r.Jurisdiction)}", Terms.Date(r.StartDate), Terms.Date(r.EndDate)))
        .ToList();

    /// <summary><c>ocd-jurisdiction/country:us/state:ak/government</c> → Alaska (also <c>district:dc</c>, <c>territory:pr</c>, places).</summary>
    private static string Jurisdiction(string? ocd)
    {
        var parts = (ocd ?? "").Split('/');
        var region = parts.FirstOrDefault(p => p.StartsWith("state:", StringComparison.Ordinal) || p.StartsWith("district:", StringComparison.Ordinal)
            || p.StartsWith("territory:", StringComparison.Ordinal));
        var state = region is null ? "" : UsStates.Name(region[(region.IndexOf(':') + 1)..]);
        var place = parts.FirstOrDefault(p => p.StartsWith("place:", StringComparison.Ordinal));
        return place is null ? state : $"{System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(place[6..].Replace('_', ' '))}, {state}";
    }

    private static Person Parse(IDeserializer deserializer, string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return deserializer.Deserialize<Person>(reader) ?? throw new ListLoadException(path, null, "empty file");
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new ListLoadException(path, ex.Start.Line, "malformed YAML: " + ex.Message, ex);
        }
    }

    // YAML shape of a person file (schema.md of openstates/people); only the fields used are declared.
    private sealed class Person
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? GivenName { get; set; }
        public string? MiddleName { get; set; }
        public string? FamilyName { get; set; }
        public string? BirthDate { get; set; }
        public List<OtherName>? OtherNames { get; set; }
        public List<Role>? Roles { get; set; }
    }

    private sealed class OtherName
    {
        public string? Name { get; set; }
    }

    private sealed class Role
    {
        public string? Type { get; set; }
        public string? Jurisdiction { get; set; }
        public string? StartDate { get; set; }
        public string? EndDate { get; set; }
    }
}
