using System.Collections.Concurrent;
using System.Collections.Frozen;
using Ekyc.Verification.Screening.Lists;
using Ekyc.Verification.Screening.Matching;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening;

/// <summary>
/// An immutable in-memory index over the names of all loaded lists. Candidates come from a token index
/// (exact, equivalent spellings, sound keys, and trigram neighbours within the edit budget); each candidate
/// name is then scored in full and adjusted by birth date and nationality. Safe for concurrent queries;
/// a new list means a new index, swapped in whole by <see cref="ScreeningService"/>.
/// </summary>
public sealed class ScreeningIndex
{
    private readonly ScreeningEntity[] _entities;
    private readonly IndexedName[] _names;
    private readonly FrozenDictionary<string, int> _vocabulary;
    private readonly string[] _tokens;
    private readonly string[] _tokenSounds;
    private readonly int[][] _postings;
    private readonly FrozenDictionary<string, int[]> _trigrams;
    private readonly FrozenDictionary<string, int[]> _sounds;
    private readonly ThreadLocal<Scratch> _scratch;
    private readonly ConcurrentDictionary<string, KeyValuePair<int, double>[]> _variantCache = new(StringComparer.Ordinal);
    private const int VariantCacheLimit = 100_000;

    /// <summary>Per-thread working arrays, so a query allocates no per-name dictionaries.</summary>
    private sealed class Scratch(int names, int tokens)
    {
        public readonly double[] Accumulated = new double[names];
        public readonly double[] PerToken = new double[names];
        public readonly int[] TrigramCounts = new int[tokens];
        public readonly List<int> AccumulatedTouched = [];
        public readonly List<int> PerTokenTouched = [];
        public readonly List<int> TrigramTouched = [];
    }

    private readonly record struct IndexedName(int Entity, NameKind Kind, NormalizedName Name);

    private ScreeningIndex(IReadOnlyList<LoadedList> lists)
    {
        Lists = lists;
        _entities = lists.SelectMany(l => l.Entities).ToArray();
        var names = new List<IndexedName>();
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var sounds = new List<string>();
        var postings = new List<List<int>>();
        for (var e = 0; e < _entities.Length; e++)
        {
            var entity = _entities[e];
            var organization = entity.Kind is EntityKind.Organization or EntityKind.Vessel or EntityKind.Aircraft;
            foreach (var name in entity.Names)
            {
                var normalized = Intern(name.Value, NameNormalizer.Tokens(name.Value, organization), vocabulary, sounds, postings, names.Count);
                if (!normalized.IsEmpty)
                {
                    names.Add(new IndexedName(e, name.Kind, normalized));
                }
            }
        }
        _names = names.ToArray();
        _vocabulary = vocabulary.ToFrozenDictionary(StringComparer.Ordinal);
        _tokens = new string[vocabulary.Count];
        foreach (var (token, id) in vocabulary)
        {
            _tokens[id] = token;
        }
        _tokenSounds = sounds.ToArray();
        _postings = postings.Select(p => p.ToArray()).ToArray();
        Weights = new TokenWeights(vocabulary.ToDictionary(p => p.Key, p => _postings[p.Value].Length), _names.Length);
        _trigrams = Group(_tokens.Select((t, id) => (t, id)).Where(p => p.t.Length >= 4).SelectMany(p => Trigrams(p.t).Distinct().Select(g => (g, p.id))));
        _sounds = Group(_tokenSounds.Select((t, id) => (t, id)).Where(p => p.Item1.Length >= 2));
        var nameCount = _names.Length;
        var tokenCount = _tokens.Length;
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(nameCount, tokenCount));
    }

    /// <summary>An index with no lists: every query is clear.</summary>
    public static ScreeningIndex Empty { get; } = new([]);

    public static ScreeningIndex Build(IReadOnlyList<LoadedList> lists) => new(lists);

    public IReadOnlyList<LoadedList> Lists { get; }
    public TokenWeights Weights { get; }
    public int EntityCount => _entities.Length;
    public int NameCount => _names.Length;
    public int VocabularySize => _tokens.Length;
    public bool HasSanctions => _entities.Any(e => e.IsSanctioned || !e.IsPep);
    public bool HasPeps => _entities.Any(e => e.IsPep);

    /// <summary>The version string of the loaded lists, e.g. <c>ofac-sdn@1a2b3c4d,un@…</c>.</summary>
    public string Version => string.Join(',', Lists.Select(l => l.Manifest.Version));

    public IReadOnlyList<ScreeningMatch> Search(ScreeningQuery query, ScreeningOptions options)
    {
        var organization = query.Kind is EntityKind.Organization or EntityKind.Vessel or EntityKind.Aircraft;
        var name = NameNormalizer.Normalize(query.Name, organization);
        if (name.IsEmpty || _names.Length == 0)
        {
            return [];
        }
        var minScore = query.MinScore ?? options.ReviewThreshold;
        var nationality = Countries.Normalize(query.Nationality);
        var best = new Dictionary<int, ScreeningMatch>();
        foreach (var candidate in Candidates(name, options.MaxCandidates))
        {
            var indexed = _names[candidate];
            var entity = _entities[indexed.Entity];
            if (!KindsCompatible(query.Kind, entity.Kind))
            {
                continue;
            }
            var nameScore = NameScorer.Score(name, indexed.Name, Weights);
            // Weak aliases are short or common: they count only when the whole name is the same.
            if (indexed.Kind == NameKind.WeakAlias && !(nameScore.IsExact && name.SortedKey == indexed.Name.SortedKey))
            {
                continue;
            }
            var dob = DobComparer.Compare(query.DateOfBirth, entity.BirthDates);
            var nationalityVerdict = nationality is null || entity.Nationalities.Count == 0 ? NationalityVerdict.Unknown
                : entity.Nationalities.Contains(nationality) ? NationalityVerdict.Match : NationalityVerdict.Mismatch;
            var score = Math.Clamp(nameScore.Score + Adjustment(dob, nationalityVerdict, options), 0, 1);
            if (score < minScore || (best.TryGetValue(indexed.Entity, out var previous) && previous.Score >= score))
            {
                continue;
            }
            best[indexed.Entity] = new ScreeningMatch
            {
                Entity = entity,
                MatchedName = indexed.Name.Original,
                MatchedNameKind = indexed.Kind,
                Score = Math.Round(score, 4),
                NameScore = nameScore.Score,
                Alignment = nameScore.Alignment,
                Dob = dob,
                Nationality = nationalityVerdict,
            };
        }
        return best.Values.OrderByDescending(m => m.Score).ThenBy(m => m.Entity.Id, StringComparer.Ordinal)
            .Take(query.Limit ?? options.MaxMatches).ToList();
    }

    private static double Adjustment(DobVerdict dob, NationalityVerdict nationality, ScreeningOptions options) =>
        dob switch
        {
            DobVerdict.Match => options.DobMatchBonus,
            DobVerdict.DayConflict => -options.DobDayConflictPenalty,
            DobVerdict.Conflict => -options.DobConflictPenalty,
            _ => 0,
        }
        + nationality switch
        {
            NationalityVerdict.Match => options.NationalityMatchBonus,
            NationalityVerdict.Mismatch => -options.NationalityMismatchPenalty,
            _ => 0,
        };

    private static bool KindsCompatible(EntityKind query, EntityKind listed) =>
        listed == EntityKind.Unknown || query == EntityKind.Unknown || query == listed
        || (query == EntityKind.Organization && listed is EntityKind.Vessel or EntityKind.Aircraft);

    /// <summary>
    /// Names sharing weighted tokens with the query, best first by the share of the query's weight they cover.
    /// Each query token counts once per name, with its best-matching variant.
    /// </summary>
    private List<int> Candidates(NormalizedName query, int limit)
    {
        var scratch = _scratch.Value!;
        var accumulated = scratch.Accumulated;
        var perToken = scratch.PerToken;
        var total = 0.0;
        for (var i = 0; i < query.Tokens.Count; i++)
        {
            var token = query.Tokens[i];
            var weight = Weights.Of(token);
            total += weight;
            foreach (var (tokenId, similarity) in Variants(token, query.Phonetics[i], scratch))
            {
                foreach (var nameId in _postings[tokenId])
                {
                    if (perToken[nameId] == 0)
                    {
                        scratch.PerTokenTouched.Add(nameId);
                    }
                    perToken[nameId] = Math.Max(perToken[nameId], similarity);
                }
            }
            foreach (var nameId in scratch.PerTokenTouched)
            {
                if (accumulated[nameId] == 0)
                {
                    scratch.AccumulatedTouched.Add(nameId);
                }
                accumulated[nameId] += weight * perToken[nameId];
                perToken[nameId] = 0;
            }
            scratch.PerTokenTouched.Clear();
        }
        // A name covering under a third of the query's weight cannot reach a reportable score.
        var floor = total / 3;
        var selected = new List<(int Name, double Value)>();
        foreach (var nameId in scratch.AccumulatedTouched)
        {
            if (accumulated[nameId] >= floor)
            {
                selected.Add((nameId, accumulated[nameId]));
            }
            accumulated[nameId] = 0;
        }
        scratch.AccumulatedTouched.Clear();
        selected.Sort((a, b) => b.Value.CompareTo(a.Value));
        return selected.Take(limit).Select(p => p.Name).ToList();
    }

    /// <summary>Vocabulary tokens that could pair with a query token, with their similarity.</summary>
    private KeyValuePair<int, double>[] Variants(string token, string sound, Scratch scratch)
    {
        if (_variantCache.TryGetValue(token, out var cached))
        {
            return cached;
        }
        if (_variantCache.Count >= VariantCacheLimit)
        {
            _variantCache.Clear();
        }
        var found = ComputeVariants(token, sound, scratch).ToArray();
        _variantCache[token] = found;
        return found;
    }

    private Dictionary<int, double> ComputeVariants(string token, string sound, Scratch scratch)
    {
        var variants = new Dictionary<int, double>();
        void Consider(int id)
        {
            if (!variants.ContainsKey(id))
            {
                var (score, _) = TokenSimilarity.Compare(token, sound, _tokens[id], _tokenSounds[id]);
                if (score > 0)
                {
                    variants[id] = score;
                }
            }
        }
        if (_vocabulary.TryGetValue(token, out var exact))
        {
            variants[exact] = 1.0;
        }
        if (NameData.Groups.TryGetValue(token, out var groups))
        {
            foreach (var member in groups.SelectMany(g => NameData.GroupMembers[g]))
            {
                if (_vocabulary.TryGetValue(member, out var id))
                {
                    Consider(id);
                }
            }
        }
        if (token.Length >= 3 && _sounds.TryGetValue(sound, out var sameSound))
        {
            foreach (var id in sameSound)
            {
                if (Math.Abs(_tokens[id].Length - token.Length) <= 2)
                {
                    Consider(id);
                }
            }
        }
        var budget = EditDistance.Budget(token.Length);
        if (budget > 0)
        {
            var grams = Trigrams(token).Distinct().ToList();
            var counts = scratch.TrigramCounts;
            foreach (var gram in grams)
            {
                if (_trigrams.TryGetValue(gram, out var ids))
                {
                    foreach (var id in ids)
                    {
                        if (counts[id]++ == 0)
                        {
                            scratch.TrigramTouched.Add(id);
                        }
                    }
                }
            }
            // Each edit destroys at most three trigrams (the q-gram lemma), so fewer shared cannot be within budget.
            var needed = Math.Max(1, grams.Count - 3 * budget);
            foreach (var id in scratch.TrigramTouched)
            {
                if (counts[id] >= needed && Math.Abs(_tokens[id].Length - token.Length) <= budget && !variants.ContainsKey(id)
                    && EditDistance.Compute(token, _tokens[id], budget) <= budget)
                {
                    Consider(id);
                }
                counts[id] = 0;
            }
            scratch.TrigramTouched.Clear();
        }
        return variants;
    }

    private static IEnumerable<string> Trigrams(string token)
    {
        var padded = "^" + token + "$";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            yield return padded.Substring(i, 3);
        }
    }

    private static FrozenDictionary<string, int[]> Group(IEnumerable<(string Key, int Id)> pairs) =>
        pairs.GroupBy(p => p.Key, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Id).Distinct().ToArray(), StringComparer.Ordinal);

    /// <summary>Registers the name's tokens (one string instance and one sound key per distinct token) and its postings.</summary>
    private static NormalizedName Intern(string original, List<string> tokens, Dictionary<string, int> vocabulary, List<string> sounds,
        List<List<int>> postings, int nameId)
    {
        var interned = new string[tokens.Count];
        var phonetics = new string[tokens.Count];
        var lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!lookup.TryGetValue(token, out var actual, out var id))
            {
                id = vocabulary.Count;
                actual = token;
                vocabulary[token] = id;
                sounds.Add(PhoneticKey.Of(token));
                postings.Add([]);
            }
            var posting = postings[id];
            if (posting.Count == 0 || posting[^1] != nameId)
            {
                posting.Add(nameId);
            }
            interned[i] = actual;
            phonetics[i] = sounds[id];
        }
        return new NormalizedName(original, interned, phonetics);
    }
}
