namespace Ekyc.Verification.Screening.Matching;

/// <summary>One query token and the listed token it was paired with (null when unmatched), for the explanation.</summary>
public sealed record TokenAlignment(string? Query, string? Candidate, TokenMatchKind Kind, double Similarity, double Weight);
