using Ekyc.Verification.Screening.Matching;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Indexing;

/// <summary>
/// Every indexed name as a run of token ids in one flat array, with its entity, kind and original text, and the
/// postings (the names holding each token) in the same compressed-row form: a few plain arrays instead of an
/// object per name, which is what keeps a million-name index small.
/// </summary>
internal sealed class NameTable
{
    private readonly int[] _entity;
    private readonly NameKind[] _kind;
    private readonly string[] _original;
    private readonly int[] _tokenStart;
    private readonly int[] _tokens;
    private readonly int[] _postingStart;
    private readonly int[] _postings;

    /// <summary>Normalises every name (in parallel), interns its tokens and builds the postings.</summary>
    public NameTable(IReadOnlyList<ScreeningEntity> entities)
    {
        var normalized = new List<string>[entities.Count][];
        Parallel.For(0, entities.Count, e =>
        {
            var entity = entities[e];
            var organization = entity.Kind is EntityKind.Organization or EntityKind.Vessel or EntityKind.Aircraft;
            normalized[e] = entity.Names.Select(n => NameNormalizer.Tokens(n.Value, organization)).ToArray();
        });
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocabulary = new List<string>();
        var entity = new List<int>();
        var kind = new List<NameKind>();
        var original = new List<string>();
        var tokenStart = new List<int> { 0 };
        var tokens = new List<int>();
        for (var e = 0; e < entities.Count; e++)
        {
            for (var n = 0; n < normalized[e].Length; n++)
            {
                if (normalized[e][n].Count == 0)
                {
                    continue;
                }
                foreach (var token in normalized[e][n])
                {
                    if (!ids.TryGetValue(token, out var id))
                    {
                        id = vocabulary.Count;
                        ids[token] = id;
                        vocabulary.Add(token);
                    }
                    tokens.Add(id);
                }
                entity.Add(e);
                kind.Add(entities[e].Names[n].Kind);
                original.Add(entities[e].Names[n].Value);
                tokenStart.Add(tokens.Count);
            }
            normalized[e] = [];
        }
        _entity = entity.ToArray();
        _kind = kind.ToArray();
        _original = original.ToArray();
        _tokenStart = tokenStart.ToArray();
        _tokens = tokens.ToArray();
        (_postingStart, _postings) = Postings(vocabulary.Count);
        var tokenArray = vocabulary.ToArray();
        var sounds = new string[tokenArray.Length];
        Parallel.For(0, tokenArray.Length, i => sounds[i] = PhoneticKey.Of(tokenArray[i]));
        Vocabulary = new Vocabulary(tokenArray, sounds);
    }

    public Vocabulary Vocabulary { get; }
    public int Count => _entity.Length;

    public int EntityOf(int name) => _entity[name];
    public NameKind KindOf(int name) => _kind[name];

    /// <summary>The token ids of a name, in the order written.</summary>
    public ReadOnlySpan<int> TokensOf(int name) => _tokens.AsSpan(_tokenStart[name], _tokenStart[name + 1] - _tokenStart[name]);

    /// <summary>The names holding a token (each once), in ascending order.</summary>
    public ReadOnlySpan<int> NamesWith(int token) => _postings.AsSpan(_postingStart[token], _postingStart[token + 1] - _postingStart[token]);

    /// <summary>How many names hold the token: its document frequency.</summary>
    public int Frequency(int token) => _postingStart[token + 1] - _postingStart[token];

    /// <summary>The name as the scorer takes it, rebuilt from the interned tokens.</summary>
    public NormalizedName Name(int name)
    {
        var ids = TokensOf(name);
        var tokens = new string[ids.Length];
        var sounds = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            tokens[i] = Vocabulary.Tokens[ids[i]];
            sounds[i] = Vocabulary.Sounds[ids[i]];
        }
        return new NormalizedName(_original[name], tokens, sounds);
    }

    private (int[] Start, int[] Names) Postings(int vocabularySize)
    {
        var start = new int[vocabularySize + 1];
        for (var name = 0; name < Count; name++)
        {
            for (var i = _tokenStart[name]; i < _tokenStart[name + 1]; i++)
            {
                if (FirstOccurrence(name, i))
                {
                    start[_tokens[i] + 1]++;
                }
            }
        }
        for (var t = 0; t < vocabularySize; t++)
        {
            start[t + 1] += start[t];
        }
        var next = start[..^1];
        var names = new int[start[^1]];
        for (var name = 0; name < Count; name++)
        {
            for (var i = _tokenStart[name]; i < _tokenStart[name + 1]; i++)
            {
                if (FirstOccurrence(name, i))
                {
                    names[next[_tokens[i]]++] = name;
                }
            }
        }
        return (start, names);
    }

    /// <summary>Whether token position <paramref name="i"/> is the first of its token in the name (a name says "ali" twice but holds it once).</summary>
    private bool FirstOccurrence(int name, int i)
    {
        for (var k = _tokenStart[name]; k < i; k++)
        {
            if (_tokens[k] == _tokens[i])
            {
                return false;
            }
        }
        return true;
    }
}
