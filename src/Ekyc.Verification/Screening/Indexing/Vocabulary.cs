using System.Collections.Concurrent;
using System.Collections.Frozen;
using Ekyc.Verification.Screening.Matching;

namespace Ekyc.Verification.Screening.Indexing;

/// <summary>
/// The distinct name tokens of an index, each with an id, its sound key and its weight, and the ways to reach
/// a token from a query token: the same spelling, an equivalent spelling, the same sound key, or within the
/// edit budget (a <see cref="TokenTrie"/> search). Expansions are cached, since a few tokens recur in most queries.
/// </summary>
internal sealed class Vocabulary
{
    private const int VariantCacheLimit = 100_000;

    private readonly FrozenDictionary<string, int> _ids;
    private readonly FrozenDictionary<string, int[]> _sounds;
    private readonly TypoIndex _typos;
    private readonly ConcurrentDictionary<string, TokenVariant[]> _variantCache = new(StringComparer.Ordinal);

    public Vocabulary(string[] tokens, string[] sounds)
    {
        Tokens = tokens;
        Sounds = sounds;
        _ids = tokens.Select((t, id) => KeyValuePair.Create(t, id)).ToFrozenDictionary(StringComparer.Ordinal);
        _sounds = sounds.Select((s, id) => (s, id)).Where(p => p.s.Length >= 2).GroupBy(p => p.s, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.id).ToArray(), StringComparer.Ordinal);
        _typos = new TypoIndex(tokens);
    }

    public string[] Tokens { get; }
    public string[] Sounds { get; }
    public int Count => Tokens.Length;

    public bool TryGetId(string token, out int id) => _ids.TryGetValue(token, out id);

    /// <summary>Vocabulary tokens that could pair with a query token, with their similarity, most similar first.</summary>
    public TokenVariant[] Variants(string token, string sound, List<int> scratch)
    {
        if (_variantCache.TryGetValue(token, out var cached))
        {
            return cached;
        }
        if (_variantCache.Count >= VariantCacheLimit)
        {
            _variantCache.Clear();
        }
        var found = ComputeVariants(token, sound, scratch).Select(p => new TokenVariant(p.Key, p.Value)).ToArray();
        // Most similar first, so that the first variant reaching a name is its best one.
        Array.Sort(found, (a, b) => b.Similarity != a.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.Token.CompareTo(b.Token));
        _variantCache[token] = found;
        return found;
    }

    private Dictionary<int, double> ComputeVariants(string token, string sound, List<int> scratch)
    {
        var variants = new Dictionary<int, double>();
        void Consider(int id)
        {
            if (!variants.ContainsKey(id))
            {
                var (score, _) = TokenSimilarity.Compare(token, sound, Tokens[id], Sounds[id]);
                if (score > 0)
                {
                    variants[id] = score;
                }
            }
        }
        if (_ids.TryGetValue(token, out var exact))
        {
            variants[exact] = 1.0;
        }
        if (NameData.Groups.TryGetValue(token, out var groups))
        {
            foreach (var group in groups)
            {
                foreach (var member in NameData.GroupMembers[group])
                {
                    if (_ids.TryGetValue(member, out var id))
                    {
                        Consider(id);
                    }
                }
            }
        }
        if (token.Length >= 3 && _sounds.TryGetValue(sound, out var sameSound))
        {
            foreach (var id in sameSound)
            {
                if (Math.Abs(Tokens[id].Length - token.Length) <= 2)
                {
                    Consider(id);
                }
            }
        }
        var budget = EditDistance.Budget(token.Length);
        if (budget > 0)
        {
            scratch.Clear();
            _typos.Within(token, budget, scratch);
            foreach (var id in scratch)
            {
                Consider(id);
            }
        }
        return variants;
    }
}
