namespace Ekyc.Verification.Screening.Matching;

/// <summary>A name reduced to comparable ASCII tokens (with their sound keys), and the text it came from.</summary>
public sealed record NormalizedName
{
    public NormalizedName(string original, IReadOnlyList<string> tokens)
    {
        Original = original;
        Tokens = tokens;
        Phonetics = tokens.Select(PhoneticKey.Of).ToArray();
        SortedKey = string.Join(' ', tokens.Order(StringComparer.Ordinal));
    }

    public string Original { get; }
    public IReadOnlyList<string> Tokens { get; }
    internal IReadOnlyList<string> Phonetics { get; }

    /// <summary>The tokens sorted and joined: equal keys mean the same name in any order.</summary>
    public string SortedKey { get; }

    public bool IsEmpty => Tokens.Count == 0;
}
