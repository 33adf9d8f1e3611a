namespace Ekyc.Verification.Screening.Matching;

/// <summary>
/// Finds every vocabulary token within an edit budget of a query token, exactly and without scanning the
/// vocabulary. Query tokens of up to nine letters (a budget of at most two edits) look up their deletion
/// neighbourhood in a <see cref="DeletionIndex"/>. Longer ones (a budget of three) search two prefix trees, one of
/// the tokens and one of the tokens reversed: split the query around its middle letter, and the edits that touch
/// only the front and those that touch only the back add up to at most the budget, so one side has at most half of
/// it. The forward search may therefore hold the front to half the budget and the backward search the back; each
/// then explores few branches near the root, where an unguarded search at a budget of 3 visits most of the tree.
/// </summary>
internal sealed class TypoIndex
{
    /// <summary>Query tokens up to this long have a budget of at most two edits (see <see cref="EditDistance.Budget"/>).</summary>
    private const int DeletionQueryLength = 9;

    private readonly IReadOnlyList<string> _tokens;
    private readonly DeletionIndex _deletions;
    private readonly TokenTrie _forward;
    private readonly TokenTrie _backward;

    public TypoIndex(IReadOnlyList<string> tokens)
    {
        _tokens = tokens;
        _deletions = new DeletionIndex(tokens, 1, DeletionQueryLength + DeletionIndex.MaxDeletions);
        _forward = new TokenTrie(tokens);
        _backward = new TokenTrie(tokens.Select(Reverse).ToArray());
    }

    /// <summary>Adds to <paramref name="found"/> the ids of the tokens within <paramref name="budget"/> edits, each once.</summary>
    public void Within(string query, int budget, List<int> found)
    {
        if (budget <= DeletionIndex.MaxDeletions && query.Length <= DeletionQueryLength)
        {
            _deletions.Within(query, budget, found, _tokens);
            return;
        }
        var half = budget / 2;
        var front = (query.Length - 1) / 2;
        var back = query.Length - front - 1;
        // A guard shorter than two letters prunes nothing the budget does not; one search then costs less than two.
        if (front - half < 2)
        {
            _forward.Within(query, budget, found);
            return;
        }
        var start = found.Count;
        _forward.Within(query, budget, found, front - half, half);
        var forwardEnd = found.Count;
        Span<char> reversed = stackalloc char[query.Length];
        query.AsSpan().CopyTo(reversed);
        reversed.Reverse();
        _backward.Within(reversed, budget, found, back - half, half);
        // A token whose front and back are both close is found twice; keep the first.
        if (found.Count > forwardEnd && forwardEnd > start)
        {
            var first = new HashSet<int>(found.Skip(start).Take(forwardEnd - start));
            var write = forwardEnd;
            for (var read = forwardEnd; read < found.Count; read++)
            {
                if (!first.Contains(found[read]))
                {
                    found[write++] = found[read];
                }
            }
            found.RemoveRange(write, found.Count - write);
        }
    }

    private static string Reverse(string token)
    {
        var chars = token.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
