using System.Collections.Frozen;
using System.Reflection;

namespace Ekyc.Verification.Screening.Matching;

/// <summary>
/// The reference data the matcher uses, kept as text files embedded in the assembly: person-name equivalence
/// groups, titles to drop and company legal forms.
/// </summary>
internal static class NameData
{
    /// <summary>Equivalence group ids of each spelling (a spelling such as <c>ben</c> can be in two groups).</summary>
    public static readonly FrozenDictionary<string, int[]> Groups;

    /// <summary>The spellings of each group.</summary>
    public static readonly IReadOnlyList<string[]> GroupMembers;

    public static readonly FrozenSet<string> Stopwords;

    /// <summary>Legal-form phrases (as token arrays, longest first) with their canonical token.</summary>
    public static readonly IReadOnlyList<(string[] Phrase, string Canonical)> LegalFormPhrases;

    public static readonly FrozenSet<string> LegalForms;

    static NameData()
    {
        var members = Lines("name_equivalences.txt").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray()).ToList();
        GroupMembers = members;
        Groups = members.SelectMany((group, id) => group.Select(token => (token, id)))
            .GroupBy(p => p.token).ToFrozenDictionary(g => g.Key, g => g.Select(p => p.id).ToArray());
        Stopwords = Lines("name_stopwords.txt").SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToFrozenSet();
        var phrases = new List<(string[], string)>();
        foreach (var line in Lines("legal_forms.txt"))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            foreach (var variant in parts[1].Split('|', StringSplitOptions.TrimEntries).Append(parts[0]))
            {
                phrases.Add((variant.Split(' ', StringSplitOptions.RemoveEmptyEntries), parts[0]));
            }
        }
        LegalFormPhrases = phrases.OrderByDescending(p => p.Item1.Length).ToList();
        LegalForms = phrases.Select(p => p.Item2).Where(c => c != "and").ToFrozenSet();
    }

    private static IEnumerable<string> Lines(string resource)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + resource, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                yield return trimmed.ToLowerInvariant();
            }
        }
    }
}
