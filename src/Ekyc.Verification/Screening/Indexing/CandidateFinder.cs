using Ekyc.Verification.Screening.Matching;

namespace Ekyc.Verification.Screening.Indexing;

/// <summary>
/// Picks the names worth scoring in full: those covering the largest share of the query's IDF weight, each query
/// token counting once per name with its best variant. Query tokens are taken heaviest first, and once the weight
/// still to come cannot lift a name the query has not reached yet to the bar (a third of the query's weight, or
/// the value of the current last of the best <c>limit</c>, which can only rise), later tokens only add to names
/// already reached. That pruning never drops a name the full count would have chosen, bar ties at the bar.
/// </summary>
internal sealed class CandidateFinder
{
    private readonly NameTable _names;
    private readonly double[] _tokenWeights;
    private readonly ThreadLocal<Scratch> _scratch;

    /// <summary>Per-thread working arrays sized to the index, so a query allocates nothing per name.</summary>
    private sealed class Scratch(int names, int tokens)
    {
        public readonly double[] Accumulated = new double[names];
        /// <summary>The query token that last reached each name, so a name counts a token's best variant only.</summary>
        public readonly int[] Stamp = new int[names];
        public readonly List<int> Touched = [];
        public readonly List<int> Found = [];
        /// <summary>Per vocabulary token: its similarity to the query token being added (zero outside that step).</summary>
        public readonly double[] TokenSimilarity = new double[tokens];
        public double[] Values = new double[64];
        public int Epoch;

        public int NextEpoch()
        {
            if (Epoch == int.MaxValue)
            {
                Array.Clear(Stamp);
                Epoch = 0;
            }
            return ++Epoch;
        }
    }

    public CandidateFinder(NameTable names, TokenWeights weights)
    {
        _names = names;
        _tokenWeights = names.Vocabulary.Tokens.Select(weights.Of).ToArray();
        var count = names.Count;
        var tokens = names.Vocabulary.Count;
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(count, tokens));
    }

    /// <summary>Up to <paramref name="limit"/> name ids, best first (ties by id).</summary>
    public List<int> Find(NormalizedName query, TokenWeights weights, int limit)
    {
        var scratch = _scratch.Value!;
        var vocabulary = _names.Vocabulary;
        var count = query.Tokens.Count;
        var tokenWeights = new double[count];
        var variants = new TokenVariant[count][];
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            var token = query.Tokens[i];
            tokenWeights[i] = vocabulary.TryGetId(token, out var id) ? _tokenWeights[id] : weights.Of(token);
            total += tokenWeights[i];
            variants[i] = vocabulary.Variants(token, query.Phonetics[i], scratch.Found);
        }
        var order = Enumerable.Range(0, count).OrderByDescending(i => tokenWeights[i]).ToArray();
        // A name covering under a third of the query's weight cannot reach a reportable score.
        var floor = total / 3;
        var bar = floor;
        var remaining = total;
        var touched = scratch.Touched;
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            var weight = tokenWeights[i];
            var epoch = scratch.NextEpoch();
            // A small tolerance keeps rounding in the running sum from shutting out a name exactly at the bar.
            var admitNew = remaining + 1e-9 >= bar;
            // Once no new name may enter, looking up the names already reached costs less than reading long postings.
            if (!admitNew && touched.Count * 4 < Postings(variants[i]))
            {
                AddToReached(scratch, variants[i], weight);
            }
            else
            {
                AddFromPostings(scratch, variants[i], weight, epoch, admitNew);
            }
            remaining -= weight;
            // The limit-th best so far can only rise; once it is above all the weight still to come, no new name can enter.
            if (k + 1 < order.Length && touched.Count > limit && total - remaining > remaining)
            {
                bar = Math.Max(bar, LimitthBest(scratch, limit));
            }
        }
        return Select(scratch, floor, limit);
    }

    /// <summary>Each name in the postings of the variants gains the weight times its best variant's similarity.</summary>
    private void AddFromPostings(Scratch scratch, TokenVariant[] variants, double weight, int epoch, bool admitNew)
    {
        var accumulated = scratch.Accumulated;
        var stamp = scratch.Stamp;
        foreach (var (token, similarity) in variants)
        {
            var gain = weight * similarity;
            foreach (var name in _names.NamesWith(token))
            {
                // Variants come most similar first: a name already stamped for this query token has its best.
                if (stamp[name] == epoch)
                {
                    continue;
                }
                if (accumulated[name] == 0)
                {
                    if (!admitNew)
                    {
                        continue;
                    }
                    scratch.Touched.Add(name);
                }
                stamp[name] = epoch;
                accumulated[name] += gain;
            }
        }
    }

    /// <summary>The same gain as <see cref="AddFromPostings"/> for the names already reached, found from their own tokens.</summary>
    private void AddToReached(Scratch scratch, TokenVariant[] variants, double weight)
    {
        var similarity = scratch.TokenSimilarity;
        foreach (var (token, value) in variants)
        {
            similarity[token] = Math.Max(similarity[token], value);
        }
        foreach (var name in scratch.Touched)
        {
            var best = 0.0;
            foreach (var token in _names.TokensOf(name))
            {
                best = Math.Max(best, similarity[token]);
            }
            scratch.Accumulated[name] += weight * best;
        }
        foreach (var (token, _) in variants)
        {
            similarity[token] = 0;
        }
    }

    private int Postings(TokenVariant[] variants)
    {
        var total = 0;
        foreach (var variant in variants)
        {
            total += _names.Frequency(variant.Token);
        }
        return total;
    }

    private static double LimitthBest(Scratch scratch, int limit)
    {
        var touched = scratch.Touched;
        if (scratch.Values.Length < touched.Count)
        {
            scratch.Values = new double[Math.Max(touched.Count, scratch.Values.Length * 2)];
        }
        var values = scratch.Values.AsSpan(0, touched.Count);
        for (var t = 0; t < touched.Count; t++)
        {
            values[t] = scratch.Accumulated[touched[t]];
        }
        return Selection.KthLargest(values, limit);
    }

    /// <summary>The best names at or above the floor, and resets the scratch arrays for the next query.</summary>
    private static List<int> Select(Scratch scratch, double floor, int limit)
    {
        // A min-heap of the best so far: its root is the first to give way.
        var heap = new PriorityQueue<int, (double Value, int Name)>(limit + 1, WorstFirst.Instance);
        foreach (var name in scratch.Touched)
        {
            var value = scratch.Accumulated[name];
            scratch.Accumulated[name] = 0;
            if (value < floor)
            {
                continue;
            }
            if (heap.Count < limit)
            {
                heap.Enqueue(name, (value, name));
            }
            else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((value, name), worst) > 0)
            {
                heap.DequeueEnqueue(name, (value, name));
            }
        }
        scratch.Touched.Clear();
        var selected = new List<int>(heap.Count);
        while (heap.TryDequeue(out var name, out _))
        {
            selected.Add(name);
        }
        selected.Reverse();
        return selected;
    }

    /// <summary>Orders candidates worst first: lower value, then (for a stable cut among ties) higher name id.</summary>
    private sealed class WorstFirst : IComparer<(double Value, int Name)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Value, int Name) x, (double Value, int Name) y) =>
            x.Value != y.Value ? x.Value.CompareTo(y.Value) : y.Name.CompareTo(x.Name);
    }
}
