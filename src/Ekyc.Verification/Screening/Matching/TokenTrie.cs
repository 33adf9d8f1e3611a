using System.Buffers;

namespace Ekyc.Verification.Screening.Matching;

/// <summary>
/// The vocabulary as a prefix tree, searched with the edit-distance table one row per tree level: every token
/// within the edit budget of a query token (the same optimal-string-alignment distance as
/// <see cref="EditDistance"/>) is found exactly, and a branch is left as soon as no cell of its row is within
/// the budget. Only the band of cells that can stay within the budget is computed. Children are stored
/// contiguously (breadth-first), so the tree is four flat arrays.
/// </summary>
internal sealed class TokenTrie
{
    private readonly char[] _labels;
    private readonly int[] _firstChild;
    private readonly int[] _tokenAt;
    private readonly int _maxDepth;

    public TokenTrie(IReadOnlyList<string> tokens)
    {
        var order = Enumerable.Range(0, tokens.Count).Where(i => tokens[i].Length > 0).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(tokens[a], tokens[b]));
        var labels = new List<char> { '\0' };
        var tokenAt = new List<int> { -1 };
        var firstChild = new List<int>();
        // Each queued node owns a run of the sorted tokens sharing its prefix; its children are appended together.
        var queue = new Queue<(int Depth, int From, int To)>();
        queue.Enqueue((0, 0, order.Length));
        while (queue.TryDequeue(out var node))
        {
            firstChild.Add(labels.Count);
            var from = node.From;
            while (from < node.To && tokens[order[from]].Length == node.Depth)
            {
                from++;
            }
            while (from < node.To)
            {
                var c = tokens[order[from]][node.Depth];
                var to = from + 1;
                while (to < node.To && tokens[order[to]][node.Depth] == c)
                {
                    to++;
                }
                labels.Add(c);
                tokenAt.Add(tokens[order[from]].Length == node.Depth + 1 ? order[from] : -1);
                queue.Enqueue((node.Depth + 1, from, to));
                _maxDepth = Math.Max(_maxDepth, node.Depth + 1);
                from = to;
            }
        }
        firstChild.Add(labels.Count);
        _labels = labels.ToArray();
        _tokenAt = tokenAt.ToArray();
        _firstChild = firstChild.ToArray();
    }

    /// <summary>
    /// Adds to <paramref name="found"/> every token at most <paramref name="budget"/> edits from <paramref name="query"/>
    /// whose first <paramref name="guardDepth"/> letters are also within <paramref name="guardBudget"/> edits of a
    /// start of the query (pass a guard depth of 0 for no guard).
    /// </summary>
    public void Within(ReadOnlySpan<char> query, int budget, List<int> found, int guardDepth = 0, int guardBudget = 0)
    {
        var width = query.Length + 1;
        var depth = Math.Min(_maxDepth, query.Length + budget) + 1;
        var rows = ArrayPool<int>.Shared.Rent(width * (depth + 1));
        var path = ArrayPool<char>.Shared.Rent(depth + 1);
        try
        {
            var over = budget + 1;
            for (var j = 0; j < width; j++)
            {
                rows[j] = Math.Min(j, over);
            }
            var search = new Search(this, query, budget, rows, path, found, guardDepth, guardBudget);
            search.Walk(0, 0);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rows);
            ArrayPool<char>.Shared.Return(path);
        }
    }

    /// <summary>The state of one search: the query, the table rows down the current path and its letters.</summary>
    private readonly ref struct Search(TokenTrie trie, ReadOnlySpan<char> query, int budget, int[] rows, char[] path, List<int> found,
        int guardDepth, int guardBudget)
    {
        private readonly TokenTrie _trie = trie;
        private readonly ReadOnlySpan<char> _query = query;
        private readonly int _guardDepth = guardDepth;
        private readonly int _guardBudget = guardBudget;
        private readonly int _budget = budget;
        private readonly int[] _rows = rows;
        private readonly char[] _path = path;
        private readonly List<int> _found = found;

        public void Walk(int node, int depth)
        {
            var width = _query.Length + 1;
            if (depth + 1 > _query.Length + _budget)
            {
                return;
            }
            for (var child = _trie._firstChild[node]; child < _trie._firstChild[node + 1]; child++)
            {
                var c = _trie._labels[child];
                _path[depth] = c;
                var rowMin = FillRow(depth + 1, c, width);

                // The last cell is only filled when the token's length is within the budget of the query's.
                if (_trie._tokenAt[child] >= 0 && Math.Abs(depth + 1 - _query.Length) <= _budget && _rows[(depth + 1) * width + _query.Length] <= _budget)
                {
                    _found.Add(_trie._tokenAt[child]);
                }
                if (rowMin <= (depth + 1 <= _guardDepth ? _guardBudget : _budget))
                {
                    Walk(child, depth + 1);
                }
            }
        }

        /// <summary>Row <paramref name="i"/> of the table (values capped at budget + 1), within its band; returns the row's minimum.</summary>
        private int FillRow(int i, char c, int width)
        {
            var over = _budget + 1;
            var current = _rows.AsSpan(i * width, width);
            var previous = _rows.AsSpan((i - 1) * width, width);
            var previous2 = i >= 2 ? _rows.AsSpan((i - 2) * width, width) : default;
            var from = Math.Max(1, i - _budget);
            var to = Math.Min(_query.Length, i + _budget);
            current[from - 1] = from == 1 ? Math.Min(i, over) : over;
            var rowMin = current[from - 1];
            for (var j = from; j <= to; j++)
            {
                var cost = _query[j - 1] == c ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && _query[j - 1] == _path[i - 2] && _query[j - 2] == c)
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }
                value = Math.Min(value, over);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            // The next row reads one cell past this band.
            if (to + 1 < width)
            {
                current[to + 1] = over;
            }
            return rowMin;
        }
    }
}
