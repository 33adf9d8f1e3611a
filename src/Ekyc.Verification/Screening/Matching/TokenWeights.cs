using System.Collections.Frozen;

namespace Ekyc.Verification.Screening.Matching;

/// <summary>
/// Inverse document frequency of name tokens over the loaded lists: a token on many names (<c>al</c>,
/// <c>muhammad</c>, <c>ltd</c>) says little about identity and weighs little; unseen tokens weigh the most.
/// </summary>
public sealed class TokenWeights
{
    private readonly FrozenDictionary<string, int> _documentFrequency;
    private readonly int _documents;
    private readonly double _maximum;

    public TokenWeights(IReadOnlyDictionary<string, int> documentFrequency, int documents)
    {
        _documentFrequency = documentFrequency.ToFrozenDictionary(StringComparer.Ordinal);
        _documents = Math.Max(documents, 1);
        _maximum = Idf(0);
    }

    /// <summary>Weights with no statistics: every token weighs the same except legal forms.</summary>
    public static TokenWeights Uniform { get; } = new(new Dictionary<string, int>(), 1);

    public double Of(string token)
    {
        var weight = _documentFrequency.TryGetValue(token, out var df) ? Idf(df) / _maximum : 1.0;
        if (NameData.LegalForms.Contains(token))
        {
            weight *= 0.2;
        }
        // Initials and two-letter particles carry little identity even when rare.
        return token.Length switch
        {
            1 => weight * 0.3,
            2 => weight * 0.6,
            _ => weight,
        };
    }

    private double Idf(int df) => Math.Log(1 + (_documents + 1.0) / (df + 1.0));
}
