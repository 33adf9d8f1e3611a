namespace Ekyc.Verification.Screening.Matching;

/// <summary>One query token and the listed token it was paired with (null when unmatched), for the explanation.</summary>
public sealed record TokenAlignment(string? Query, string? Candidate, TokenMatchKind Kind, double Similarity, double Weight);

/// <summary>The score of two names and the token pairing behind it.</summary>
public sealed record NameScore(double Score, IReadOnlyList<TokenAlignment> Alignment)
{
    public static NameScore Zero { get; } = new(0, []);

    /// <summary>Every token on both sides matched exactly or by an equivalent spelling.</summary>
    public bool IsExact => Alignment.Count > 0 && Alignment.All(a => a.Kind is TokenMatchKind.Exact or TokenMatchKind.Equivalent);
}
