using Ekyc.Verification.Screening.Matching;
using Ekyc.Verification.Screening.Model;
using Ekyc.Verification.Screening.Pep.Sources;

namespace Ekyc.Verification.Screening.Pep;

/// <summary>
/// Builds the PEP list from the source folders (the layout of the shared <c>pep/</c> folder): reads every source that
/// is present, merges the records of one person (same id, a shared bioguide or Wikidata id, or, across sources, the
/// same surname and full birth date) and returns the entities sorted by id, so that the same sources give the same
/// list byte for byte.
/// </summary>
public static class PepListBuilder
{
    /// <summary>Source folders in merge order: the first record of a person gives the entity its id and primary name.</summary>
    public static readonly IReadOnlyList<(string Folder, Func<string, IEnumerable<PepRecord>> Read)> Sources =
    [
        ("us-congress-legislators", UsCongressSource.Read),
        ("us-openstates-state-executives", OpenStatesSource.Read),
        ("uk-ifg-ministers", UkMinistersSource.Read),
        ("cia-world-leaders", CiaWorldLeadersSource.Read),
        ("wikidata-politicians-captainfact", WikidataPoliticiansSource.Read),
    ];

    public sealed record Result(IReadOnlyList<ScreeningEntity> Entities, IReadOnlyDictionary<string, int> RecordsBySource);

    public static Result Build(string sourcesFolder, string listName = "pep")
    {
        var records = new List<PepRecord>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (folder, read) in Sources)
        {
            var path = Path.Combine(sourcesFolder, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }
            var before = records.Count;
            records.AddRange(read(path));
            counts[folder] = records.Count - before;
        }
        var entities = Merge(records).Select(g => ToEntity(g, listName)).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        return new Result(entities, counts);
    }

    private static IEnumerable<List<PepRecord>> Merge(List<PepRecord> records)
    {
        var parent = Enumerable.Range(0, records.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var byPersonKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var key in records[i].Keys.Append("id:" + records[i].Id))
            {
                if (byKey.TryGetValue(key, out var other))
                {
                    Union(other, i);
                }
                else
                {
                    byKey[key] = i;
                }
            }
            foreach (var personKey in PersonKeys(records[i]))
            {
                var list = byPersonKey.TryGetValue(personKey, out var l) ? l : byPersonKey[personKey] = [];
                // These keys link records of different sources only: within one source two records are two people.
                foreach (var other in list.Where(o => records[o].Dataset != records[i].Dataset && !BirthDatesConflict(records[o], records[i])))
                {
                    Union(other, i);
                }
                list.Add(i);
            }
        }
        return Enumerable.Range(0, records.Count).GroupBy(Find).OrderBy(g => g.Key).Select(g => g.Select(i => records[i]).ToList());
    }

    private static readonly HashSet<string> Suffixes = new(["jr", "sr", "ii", "iii", "iv"], StringComparer.Ordinal);

    /// <summary>
    /// Keys that name one politician in two sources: the surname (last name token, suffixes aside) with the full birth
    /// date; and, for every country of the record, all the tokens of the primary name (two at least) — the CIA's and the
    /// IfG's "Keir Starmer" of the United Kingdom.
    /// </summary>
    private static IEnumerable<string> PersonKeys(PepRecord record)
    {
        var name = record.Names.Count > 0 ? NameNormalizer.Normalize(record.Names[0].Value) : null;
        var tokens = name?.Tokens.Where(t => !Suffixes.Contains(t)).ToList() ?? [];
        if (tokens.Count < 2)
        {
            yield break;
        }
        if (record.BirthDates.FirstOrDefault(d => d.Precision == DatePrecision.Day) is { } date)
        {
            yield return $"born:{date}|{tokens[^1]}";
        }
        foreach (var country in record.Countries)
        {
            yield return $"name:{country}|{string.Join(' ', tokens.Order(StringComparer.Ordinal))}";
        }
    }

    private static bool BirthDatesConflict(PepRecord a, PepRecord b) =>
        a.BirthDates.Count > 0 && b.BirthDates.Count > 0 && !a.BirthDates.Any(b.BirthDates.Contains);

    private static ScreeningEntity ToEntity(List<PepRecord> group, string listName)
    {
        var first = group[0];
        var names = new List<EntityName>();
        foreach (var name in group.SelectMany(r => r.Names))
        {
            if (names.Any(n => string.Equals(n.Value, name.Value, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var primaryTaken = names.Any(n => n.Kind == NameKind.Primary);
            names.Add(name.Kind == NameKind.Primary && primaryTaken ? name with { Kind = NameKind.StrongAlias } : name);
        }
        // A supplementary record's description is no office: it is dropped when another source gives dated offices.
        var positions = group.SelectMany(r => r.Positions).ToList();
        if (positions.Any(p => p.Status != PositionStatus.Unknown))
        {
            positions.RemoveAll(p => p.Status == PositionStatus.Unknown);
        }
        return new ScreeningEntity
        {
            Id = first.Id,
            ListName = listName,
            Kind = EntityKind.Person,
            Names = names,
            BirthDates = group.SelectMany(r => r.BirthDates).Distinct().ToList(),
            Nationalities = group.SelectMany(r => r.Countries).Distinct().ToList(),
            Topics = [EntityTopics.Pep],
            Programs = group.Select(r => r.Dataset).Distinct().ToList(),
            Positions = positions.Distinct().ToList(),
        };
    }
}
