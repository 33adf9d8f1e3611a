using Ekyc.Verification.Screening.Loaders;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Pep.Sources;

/// <summary>
/// The Institute for Government's Ministers Database (CC BY 4.0): every UK minister since 1979, with each appointment
/// (post, department, start and end). A person who changed name (<c>Peter Mandelson</c> → <c>Lord Mandelson</c>) keeps
/// the earlier names as former names; the Prime Minister's post counts as head of government.
/// </summary>
public static class UkMinistersSource
{
    public const string Dataset = "uk-ifg-ministers";

    public static IEnumerable<PepRecord> Read(string folder)
    {
        var personFile = Path.Combine(folder, "person.csv");
        if (!File.Exists(personFile))
        {
            yield break;
        }
        var organisations = HeaderCsv.Read(Path.Combine(folder, "organisation.csv"), "id", "name").ToDictionary(r => r["id"]!, r => r["name"]!);
        var posts = HeaderCsv.Read(Path.Combine(folder, "post.csv"), "id", "organisation_id", "name", "rank_equivalence")
            .ToDictionary(r => r["id"]!, r => (Name: r["name"] ?? "Minister", Organisation: r["organisation_id"] is { } o ? organisations.GetValueOrDefault(o) : null, Rank: r["rank_equivalence"]));
        var names = HeaderCsv.Read(personFile, "id", "name", "start_date", "end_date")
            .GroupBy(r => r["id"]!)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r["end_date"] is null ? 0 : 1).ThenByDescending(r => r["end_date"], StringComparer.Ordinal).Select(r => r["name"]).OfType<string>().ToList());
        var appointments = HeaderCsv.Read(Path.Combine(folder, "appointment.csv"), "person_id", "post_id", "start_date", "end_date").ToList();
        var terms = appointments.Select(a => (Person: a["person_id"]!, Term: Term(a, posts))).ToList();
        var asOf = Terms.AsOf(terms.Select(t => t.Term));
        foreach (var person in terms.GroupBy(t => t.Person).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!names.TryGetValue(person.Key, out var personNames) || personNames.Count == 0)
            {
                throw new ListLoadException(Path.Combine(folder, "appointment.csv"), null, $"appointment of unknown person {person.Key}");
            }
            var record = new PepRecord("uk-ifg-" + person.Key, Dataset);
            record.AddName(personNames[0]);
            foreach (var former in personNames.Skip(1))
            {
                record.AddName(former, NameKind.Former);
            }
            record.AddCountry("gb");
            record.Positions.AddRange(Terms.Collapse(person.Select(t => t.Term), "gb", asOf));
            yield return record;
        }
    }

    private static Term Term(HeaderCsv.Row appointment, Dictionary<string, (string Name, string? Organisation, string? Rank)> posts)
    {
        var post = posts.TryGetValue(appointment["post_id"] ?? "", out var p) ? p : ("Minister", null, null);
        // "Economic Secretary, HM Treasury"; a post named after its department ("Secretary of State for Defence") is not repeated.
        var title = post.Organisation is { } organisation && !post.Name.Contains(organisation, StringComparison.OrdinalIgnoreCase) && post.Rank != "PM"
            ? $"{post.Name}, {organisation}"
            : post.Name;
        return new Term(title, Terms.Date(appointment["start_date"]), Terms.Date(appointment["end_date"]), post.Rank == "PM");
    }
}
