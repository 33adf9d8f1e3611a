namespace Ekyc.Verification.Screening.Matching;

/// <summary>
/// Scores two names independently of token order. Tokens are paired greedily by similarity; the score is the
/// IDF-weighted share of each side that found a partner: the better-covered side's share, less a small cost for
/// extra tokens on the other side (a listed "WALIJAN" does not fully match "WALIJAN ABDUL GHAFOOR HAQQANI") and a
/// further one when both sides have tokens the other lacks ("AL-RAWI" against "AL-MOSULI"). Numbers must match exactly.
/// Constants were tuned on nomenklatura's name benchmark (see README).
/// </summary>
public static class NameScorer
{
    /// <summary>Cost of the gap between the two sides' coverage: extra tokens on one side (a subset match) cost a little.</summary>
    public const double SubsetPenalty = 0.3;

    /// <summary>Cost of what the better-covered side leaves unmatched: both names then have tokens the other lacks.</summary>
    public const double ConflictPenalty = 0.3;

    /// <summary>Highest score when a single token pairs up and either name has more.</summary>
    public const double SingleTokenCap = 0.6;

    /// <summary>
    /// A one-word name against a one-word listed name (a mononym, or an alias left with one word once its title is
    /// removed: "Hafiz Muhammad") identifies nobody when the word is common: below this weight it is capped too.
    /// </summary>
    public const double CommonTokenWeight = 0.5;

    public static NameScore Score(NormalizedName query, NormalizedName candidate, TokenWeights weights) =>
        ScoreAtLeast(query, candidate, weights, 0)!;

    /// <summary>
    /// The score, or null when it must fall below <paramref name="atLeast"/>: once the token similarities are known,
    /// each side's share is at most the weighted sum of its tokens' best similarities, and the score is at most the
    /// larger share, so the pairing and the explanation are built only for names that can still make the bar.
    /// </summary>
    internal static NameScore? ScoreAtLeast(NormalizedName query, NormalizedName candidate, TokenWeights weights, double atLeast)
    {
        if (query.IsEmpty || candidate.IsEmpty)
        {
            return atLeast > 0 ? null : NameScore.Zero;
        }
        var q = Merge(query, candidate);
        var c = Merge(candidate, query);
        var pairs = new List<(int I, int J, double Score, TokenMatchKind Kind)>(q.Tokens.Count * c.Tokens.Count);
        Span<double> bestOfQuery = stackalloc double[q.Tokens.Count];
        Span<double> bestOfCandidate = stackalloc double[c.Tokens.Count];
        for (var i = 0; i < q.Tokens.Count; i++)
        {
            for (var j = 0; j < c.Tokens.Count; j++)
            {
                var (score, kind) = TokenSimilarity.Compare(q.Tokens[i], q.Sounds[i], c.Tokens[j], c.Sounds[j]);
                if (score > 0)
                {
                    pairs.Add((i, j, score, kind));
                    bestOfQuery[i] = Math.Max(bestOfQuery[i], score);
                    bestOfCandidate[j] = Math.Max(bestOfCandidate[j], score);
                }
            }
        }
        // The final rounding to four decimals can add at most 0.00005.
        if (atLeast > 0 && Math.Max(Share(q.Tokens, bestOfQuery, weights), Share(c.Tokens, bestOfCandidate, weights)) + 1e-4 < atLeast)
        {
            return null;
        }
        pairs.Sort((x, y) => y.Score.CompareTo(x.Score));
        var queryMatch = new (int J, double Score, TokenMatchKind Kind)?[q.Tokens.Count];
        var candidateTaken = new bool[c.Tokens.Count];
        foreach (var (i, j, score, kind) in pairs)
        {
            if (queryMatch[i] is null && !candidateTaken[j])
            {
                queryMatch[i] = (j, score, kind);
                candidateTaken[j] = true;
            }
        }
        var alignment = new List<TokenAlignment>(q.Tokens.Count + c.Tokens.Count);
        double queryTotal = 0, queryCovered = 0, candidateTotal = 0, candidateCovered = 0;
        var numbersAgree = true;
        for (var i = 0; i < q.Tokens.Count; i++)
        {
            var weight = weights.Of(q.Tokens[i]);
            queryTotal += weight;
            if (queryMatch[i] is { } m)
            {
                var candidateWeight = weights.Of(c.Tokens[m.J]);
                // An initial is as informative as the letter, not as the full name it abbreviates.
                queryCovered += weight * m.Score;
                candidateCovered += candidateWeight * m.Score;
                alignment.Add(new TokenAlignment(q.Tokens[i], c.Tokens[m.J], m.Kind, Math.Round(m.Score, 3), Math.Round(weight, 3)));
            }
            else
            {
                numbersAgree &= !TokenSimilarity.IsNumber(q.Tokens[i]);
                alignment.Add(new TokenAlignment(q.Tokens[i], null, TokenMatchKind.None, 0, Math.Round(weight, 3)));
            }
        }
        for (var j = 0; j < c.Tokens.Count; j++)
        {
            var weight = weights.Of(c.Tokens[j]);
            candidateTotal += weight;
            if (!candidateTaken[j])
            {
                numbersAgree &= !TokenSimilarity.IsNumber(c.Tokens[j]);
                alignment.Add(new TokenAlignment(null, c.Tokens[j], TokenMatchKind.None, 0, Math.Round(weight, 3)));
            }
        }
        var queryShare = queryCovered / queryTotal;
        var candidateShare = candidateCovered / candidateTotal;
        var high = Math.Max(queryShare, candidateShare);
        var low = Math.Min(queryShare, candidateShare);
        var total = high - SubsetPenalty * (high - low) - ConflictPenalty * (1 - high);
        if (!numbersAgree)
        {
            total *= 0.5;
        }
        // One shared token is not enough to call two multi-token names alike, however rare the token, nor two
        // one-word names alike when the word is common.
        var singleWords = q.Tokens.Count == 1 && c.Tokens.Count == 1 && weights.Of(q.Tokens[0]) < CommonTokenWeight;
        if (queryMatch.Count(m => m is not null) == 1 && (Math.Max(q.Tokens.Count, c.Tokens.Count) >= 2 || singleWords))
        {
            total = Math.Min(total, SingleTokenCap);
        }
        return new NameScore(Math.Round(Math.Clamp(total, 0, 1), 4), alignment);
    }

    private static double Share(List<string> tokens, ReadOnlySpan<double> best, TokenWeights weights)
    {
        double total = 0, covered = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var weight = weights.Of(tokens[i]);
            total += weight;
            covered += weight * best[i];
        }
        return covered / total;
    }

    private sealed record Side(List<string> Tokens, List<string> Sounds);

    /// <summary>
    /// Joins adjacent tokens that the other name writes as one word (<c>abu bakr</c> / <c>abubakr</c>); only the
    /// name with more tokens can hold a split word.
    /// </summary>
    private static Side Merge(NormalizedName name, NormalizedName other)
    {
        var tokens = new List<string>(name.Tokens.Count);
        var sounds = new List<string>(name.Tokens.Count);
        for (var i = 0; i < name.Tokens.Count; i++)
        {
            if (i + 1 < name.Tokens.Count && other.Tokens.Count < name.Tokens.Count && !Contains(other, name.Tokens[i], fuzzy: false) && !Contains(other, name.Tokens[i + 1], fuzzy: false)
                && Contains(other, name.Tokens[i] + name.Tokens[i + 1], fuzzy: true))
            {
                var joined = name.Tokens[i] + name.Tokens[i + 1];
                tokens.Add(joined);
                sounds.Add(PhoneticKey.Of(joined));
                i++;
                continue;
            }
            tokens.Add(name.Tokens[i]);
            sounds.Add(name.Phonetics[i]);
        }
        return new Side(tokens, sounds);
    }

    private static bool Contains(NormalizedName name, string token, bool fuzzy)
    {
        foreach (var t in name.Tokens)
        {
            if (t == token || (fuzzy && token.Length >= 6 && EditDistance.Compute(t, token, EditDistance.Budget(token.Length)) <= EditDistance.Budget(token.Length)))
            {
                return true;
            }
        }
        return false;
    }
}
