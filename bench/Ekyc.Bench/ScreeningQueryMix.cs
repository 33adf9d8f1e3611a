using System.Text;
using Ekyc.Verification.Screening;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Bench;

/// <summary>
/// A realistic, reproducible mix of screening queries: listed names as written (20 %), with their words
/// reordered (10 %), with one or two typing errors (20 %), in their original non-Latin script (5 %), and
/// names that are on no list (45 %, from the yente negative files: mixed scripts, with birth dates and
/// nationalities). Listed people are queried with their own birth date when the list gives one.
/// </summary>
internal static class QueryMix
{
    public static List<(string Category, ScreeningQuery Query)> Build(IReadOnlyList<ScreeningEntity> entities, IEnumerable<string> negativeFiles, int count, int seed)
    {
        var random = new Random(seed);
        var named = entities.Where(e => e.Names.Any(Usable)).ToList();
        var scripts = entities.SelectMany(e => e.Names.Where(n => n.Kind == NameKind.OriginalScript).Select(n => (Entity: e, Name: n.Value))).ToList();
        var negatives = negativeFiles.SelectMany(File.ReadLines).Where(l => !l.StartsWith("full_name,", StringComparison.Ordinal)).ToList();
        var queries = new List<(string Category, ScreeningQuery Query)>(count);
        for (var i = 0; i < count * 20 / 100; i++)
        {
            var (entity, name) = Pick(named, random);
            queries.Add(("exact", Query(name, entity)));
        }
        for (var i = 0; i < count * 10 / 100; i++)
        {
            var (entity, name) = Pick(named, random);
            var words = name.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            queries.Add(("reordered", Query(string.Join(' ', words.Skip(1).Append(words[0])), entity)));
        }
        for (var i = 0; i < count * 20 / 100; i++)
        {
            var (entity, name) = Pick(named, random);
            queries.Add(("typo", Query(Typos(name, 1 + random.Next(2), random), entity)));
        }
        for (var i = 0; i < count * 5 / 100 && scripts.Count > 0; i++)
        {
            var (entity, name) = scripts[random.Next(scripts.Count)];
            queries.Add(("non-latin", Query(name, entity)));
        }
        for (var i = 0; i < count * 45 / 100 && negatives.Count > 0; i++)
        {
            var fields = SplitCsv(negatives[random.Next(negatives.Count)]);
            if (fields.Count >= 8)
            {
                queries.Add(("no-match", new ScreeningQuery(fields[0], BirthDate.ParseIso(fields[5]), fields[7])));
            }
        }
        return queries.OrderBy(_ => random.Next()).ToList();
    }

    private static bool Usable(EntityName name) => name.Kind is not (NameKind.WeakAlias or NameKind.OriginalScript);

    private static (ScreeningEntity Entity, string Name) Pick(List<ScreeningEntity> entities, Random random)
    {
        var entity = entities[random.Next(entities.Count)];
        var names = entity.Names.Where(Usable).ToList();
        return (entity, names[random.Next(names.Count)].Value);
    }

    private static ScreeningQuery Query(string name, ScreeningEntity entity) =>
        new(name, entity.BirthDates.Count > 0 ? entity.BirthDates[0] : null, Kind: entity.Kind);

    /// <summary>Substitutes, deletes, inserts or swaps a letter in <paramref name="edits"/> words of four letters or more.</summary>
    private static string Typos(string name, int edits, Random random)
    {
        var words = name.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 4).ToList();
        for (var e = 0; e < edits && candidates.Count > 0; e++)
        {
            var w = candidates[random.Next(candidates.Count)];
            var word = new StringBuilder(words[w]);
            var at = 1 + random.Next(word.Length - 2);
            var letter = (char)('a' + random.Next(26));
            switch (random.Next(4))
            {
                case 0: word[at] = char.IsUpper(word[at]) ? char.ToUpperInvariant(letter) : letter; break;
                case 1: word.Remove(at, 1); break;
                case 2: word.Insert(at, char.IsUpper(word[at]) ? char.ToUpperInvariant(letter) : letter); break;
                default: (word[at], word[at + 1]) = (word[at + 1], word[at]); break;
            }
            words[w] = word.ToString();
        }
        return string.Join(' ', words);
    }

    public static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }
}
