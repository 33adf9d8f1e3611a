using Ekyc.Verification.Screening.Indexing;
using Ekyc.Verification.Screening.Lists;
using Ekyc.Verification.Screening.Matching;
using Ekyc.Verification.Screening.Model;
using Ekyc.Verification.Screening.Pep;

namespace Ekyc.Verification.Screening;

/// <summary>
/// An immutable in-memory index over the names of all loaded lists. Candidates come from token postings reached
/// through each query token's variants (exact, equivalent spellings, sound keys, and every vocabulary token within
/// the edit budget, found by a prefix-tree search); each candidate name is then scored in full and adjusted by birth
/// date and nationality. Safe for concurrent queries; a new list means a new index, swapped in whole by
/// <see cref="ScreeningService"/>.
/// </summary>
public sealed class ScreeningIndex
{
    private readonly ScreeningEntity[] _entities;
    private readonly NameTable _names;
    private readonly CandidateFinder _candidates;

    private ScreeningIndex(IReadOnlyList<LoadedList> lists)
    {
        Lists = lists;
        _entities = lists.SelectMany(l => l.Entities).ToArray();
        _names = new NameTable(_entities);
        var tokens = _names.Vocabulary.Tokens;
        Weights = new TokenWeights(Enumerable.Range(0, tokens.Length).ToDictionary(t => tokens[t], _names.Frequency, StringComparer.Ordinal), _names.Count);
        _candidates = new CandidateFinder(_names, Weights);
        HasSanctions = _entities.Any(e => e.IsSanctioned || !e.IsPep);
        HasPeps = _entities.Any(e => e.IsPep);
    }

    /// <summary>An index with no lists: every query is clear.</summary>
    public static ScreeningIndex Empty { get; } = new([]);

    public static ScreeningIndex Build(IReadOnlyList<LoadedList> lists) => new(lists);

    public IReadOnlyList<LoadedList> Lists { get; }
    public TokenWeights Weights { get; }
    public int EntityCount => _entities.Length;
    public int NameCount => _names.Count;
    public int VocabularySize => _names.Vocabulary.Count;
    public bool HasSanctions { get; }
    public bool HasPeps { get; }

    /// <summary>The version string of the loaded lists, e.g. <c>ofac-sdn@1a2b3c4d,un@…</c>.</summary>
    public string Version => string.Join(',', Lists.Select(l => l.Manifest.Version));

    public IReadOnlyList<ScreeningMatch> Search(ScreeningQuery query, ScreeningOptions options)
    {
        var organization = query.Kind is EntityKind.Organization or EntityKind.Vessel or EntityKind.Aircraft;
        var name = NameNormalizer.Normalize(query.Name, organization);
        if (name.IsEmpty || _names.Count == 0)
        {
            return [];
        }
        var minScore = query.MinScore ?? options.ReviewThreshold;
        var nationality = Countries.Normalize(query.Nationality);
        var asOf = query.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var best = new Dictionary<int, ScreeningMatch>();
        foreach (var candidate in _candidates.Find(name, Weights, options.MaxCandidates))
        {
            var entityId = _names.EntityOf(candidate);
            var entity = _entities[entityId];
            if (!KindsCompatible(query.Kind, entity.Kind))
            {
                continue;
            }
            // A former office holder is a PEP only for a period after leaving office; a sanctioned PEP is always reported.
            var pep = entity.IsPep ? PepStatus.Assess(entity, asOf, options) : null;
            if (pep?.State == PepState.Expired && !entity.IsSanctioned)
            {
                continue;
            }
            var dob = DobComparer.Compare(query.DateOfBirth, entity.BirthDates);
            var nationalityVerdict = nationality is null || entity.Nationalities.Count == 0 ? NationalityVerdict.Unknown
                : entity.Nationalities.Contains(nationality) ? NationalityVerdict.Match : NationalityVerdict.Mismatch;
            var adjustment = Adjustment(dob, nationalityVerdict, pep is not null && !entity.IsSanctioned, options);
            var listed = _names.Name(candidate);
            var kind = _names.KindOf(candidate);
            // A name that cannot reach the minimum even with its birth-date and nationality adjustment is not explained.
            if (NameScorer.ScoreAtLeast(name, listed, Weights, minScore > 0 ? minScore - adjustment : 0) is not { } nameScore)
            {
                continue;
            }
            // Weak aliases are short or common: they count only when the whole name is the same.
            if (kind == NameKind.WeakAlias && !(nameScore.IsExact && name.SortedKey == listed.SortedKey))
            {
                continue;
            }
            var score = Math.Clamp(nameScore.Score + adjustment, 0, 1);
            if (score < minScore || (best.TryGetValue(entityId, out var previous) && previous.Score >= score))
            {
                continue;
            }
            best[entityId] = new ScreeningMatch
            {
                Entity = entity,
                MatchedName = listed.Original,
                MatchedNameKind = kind,
                Score = Math.Round(score, 4),
                NameScore = nameScore.Score,
                Alignment = nameScore.Alignment,
                Dob = dob,
                Nationality = nationalityVerdict,
                Pep = pep,
            };
        }
        return best.Values.OrderByDescending(m => m.Score).ThenBy(m => m.Entity.Id, StringComparer.Ordinal)
            .Take(query.Limit ?? options.MaxMatches).ToList();
    }

    private static double Adjustment(DobVerdict dob, NationalityVerdict nationality, bool pepOnly, ScreeningOptions options) =>
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
            NationalityVerdict.Mismatch => -(pepOnly ? options.PepNationalityMismatchPenalty : options.NationalityMismatchPenalty),
            _ => 0,
        };

    private static bool KindsCompatible(EntityKind query, EntityKind listed) =>
        listed == EntityKind.Unknown || query == EntityKind.Unknown || query == listed
        || (query == EntityKind.Organization && listed is EntityKind.Vessel or EntityKind.Aircraft);
}
