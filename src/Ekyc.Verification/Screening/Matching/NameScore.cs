namespace Ekyc.Verification.Screening.Matching;

/// <summary>The score of two names and the token pairing behind it.</summary>
public sealed record NameScore(double Score, IReadOnlyList<TokenAlignment> Alignment)
{
    public static NameScore Zero { get; } = new(0, []);

    /// <summary>Every token on both sides matched exactly or by an equivalent spelling.</summary>
    public bool IsExact => Alignment.Count > 0 && Alignment.All(a => a.Kind is TokenMatchKind.Exact or TokenMatchKind.Equivalent);
}
