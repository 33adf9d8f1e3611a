namespace Ekyc.Verification.Screening.Matching;

/// <summary>A name reduced to comparable ASCII tokens (with their sound keys), and the text it came from.</summary>
public sealed class NormalizedName
{
    private string? _sortedKey;

    public NormalizedName(string original, IReadOnlyList<string> tokens)
        : this(original, tokens, tokens.Select(PhoneticKey.Of).ToArray())
    {
    }

    internal NormalizedName(string original, IReadOnlyList<string> tokens, IReadOnlyList<string> phonetics)
    {
        Original = original;
        Tokens = tokens;
        Phonetics = phonetics;
    }

    public string Original { get; }
    public IReadOnlyList<string> Tokens { get; }
    internal IReadOnlyList<string> Phonetics { get; }

    /// <summary>The tokens sorted and joined: equal keys mean the same name in any order (computed on first use).</summary>
    public string SortedKey => _sortedKey ??= string.Join(' ', Tokens.Order(StringComparer.Ordinal));

    public bool IsEmpty => Tokens.Count == 0;
}
