namespace Ekyc.Verification.Screening.Matching;

/// <summary>
/// Symmetric-deletion neighbourhoods (as in SymSpell) for the short and middle-length tokens: every string left
/// after deleting up to two letters of a vocabulary token is hashed to 32 bits and kept with the token's id, in one
/// array sorted by hash, with a directory of where each value of the top 16 bits starts. Two tokens within two
/// edits (transpositions included) leave a common string after at most two deletions each, so a query token's own
/// deletions find every such token with a few short scans; candidates are then checked with the exact distance,
/// which also discards hash collisions.
/// </summary>
internal sealed class DeletionIndex
{
    /// <summary>Deletions kept per token: enough for an edit budget of two.</summary>
    public const int MaxDeletions = 2;

    private const int DirectoryBits = 16;

    private readonly uint[] _keys;
    private readonly int[] _tokens;
    private readonly int[] _directory = new int[(1 << DirectoryBits) + 1];

    /// <param name="tokens">The vocabulary; only tokens of <paramref name="minLength"/>..<paramref name="maxLength"/> letters are indexed.</param>
    public DeletionIndex(IReadOnlyList<string> tokens, int minLength, int maxLength)
    {
        var pairs = new List<(uint Key, int Token)>();
        var keys = new HashSet<uint>();
        for (var id = 0; id < tokens.Count; id++)
        {
            var token = tokens[id];
            if (token.Length < minLength || token.Length > maxLength)
            {
                continue;
            }
            keys.Clear();
            Deletions(token, keys);
            foreach (var key in keys)
            {
                pairs.Add((key, id));
            }
        }
        pairs.Sort();
        _keys = pairs.Select(p => p.Key).ToArray();
        _tokens = pairs.Select(p => p.Token).ToArray();
        foreach (var key in _keys)
        {
            _directory[(key >> (32 - DirectoryBits)) + 1]++;
        }
        for (var d = 0; d < 1 << DirectoryBits; d++)
        {
            _directory[d + 1] += _directory[d];
        }
    }

    /// <summary>Adds to <paramref name="found"/> the indexed tokens within <paramref name="budget"/> (at most two) edits, each once.</summary>
    public void Within(string query, int budget, List<int> found, IReadOnlyList<string> vocabulary)
    {
        var keys = new HashSet<uint>();
        Deletions(query, keys, Math.Min(budget, MaxDeletions));
        var seen = new HashSet<int>();
        foreach (var key in keys)
        {
            var bucket = key >> (32 - DirectoryBits);
            for (var at = _directory[bucket]; at < _directory[bucket + 1] && _keys[at] <= key; at++)
            {
                var token = _tokens[at];
                if (_keys[at] == key && seen.Add(token) && EditDistance.Compute(query, vocabulary[token], budget) <= budget)
                {
                    found.Add(token);
                }
            }
        }
    }

    /// <summary>The hashes of the token and of every string left after deleting up to <paramref name="deletions"/> of its letters.</summary>
    private static void Deletions(string token, HashSet<uint> keys, int deletions = MaxDeletions)
    {
        Span<char> buffer = stackalloc char[token.Length];
        Span<char> twice = stackalloc char[token.Length];
        keys.Add(Hash(token));
        if (deletions < 1)
        {
            return;
        }
        for (var i = 0; i < token.Length; i++)
        {
            var once = Delete(token, i, buffer);
            keys.Add(Hash(once));
            if (deletions < 2)
            {
                continue;
            }
            for (var k = i; k < once.Length; k++)
            {
                keys.Add(Hash(Delete(once, k, twice)));
            }
        }
    }

    private static ReadOnlySpan<char> Delete(ReadOnlySpan<char> text, int at, Span<char> buffer)
    {
        text[..at].CopyTo(buffer);
        text[(at + 1)..].CopyTo(buffer[at..]);
        return buffer[..(text.Length - 1)];
    }

    /// <summary>FNV-1a over the characters, with the length mixed in, folded to 32 bits.</summary>
    private static uint Hash(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL ^ (ulong)text.Length;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return (uint)(hash ^ (hash >> 32));
    }
}
