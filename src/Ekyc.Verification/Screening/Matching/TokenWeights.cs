using System.Collections.Frozen;

namespace Ekyc.Verification.Screening.Matching;

/// <summary>
/// Inverse document frequency of name tokens over the loaded lists: a token on many names (<c>al</c>,
/// <c>muhammad</c>, <c>ltd</c>) says little about identity and weighs little; unseen tokens weigh the most.
/// </summary>
public sealed class TokenWeights
{
    private readonly FrozenDictionary<string, double> _known;
    private readonly int _documents;
    private readonly double _maximum;

    public TokenWeights(IReadOnlyDictionary<string, int> documentFrequency, int documents)
    {
        _documents = Math.Max(documents, 1);
        _maximum = Idf(0);
        // Weighed once here: the scorer asks for the same tokens' weights millions of times.
        _known = documentFrequency.ToFrozenDictionary(p => p.Key, p => Weigh(p.Key, Idf(p.Value) / _maximum), StringComparer.Ordinal);
    }

    /// <summary>Weights with no statistics: every token weighs the same except legal forms.</summary>
    public static TokenWeights Uniform { get; } = new(new Dictionary<string, int>(), 1);

    public double Of(string token) => _known.TryGetValue(token, out var weight) ? weight : Weigh(token, 1.0);

    private static double Weigh(string token, double weight)
    {
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
