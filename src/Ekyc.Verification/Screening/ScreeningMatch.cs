using Ekyc.Verification.Screening.Matching;
using Ekyc.Verification.Screening.Model;
using Ekyc.Verification.Screening.Pep;

namespace Ekyc.Verification.Screening;

/// <summary>
/// One listed entity that matched, and why: the name that matched and its kind, the token pairing, the name
/// score, the birth-date and nationality verdicts and the final score.
/// </summary>
public sealed record ScreeningMatch
{
    public required ScreeningEntity Entity { get; init; }
    public required string MatchedName { get; init; }
    public required NameKind MatchedNameKind { get; init; }
    public required double Score { get; init; }
    public required double NameScore { get; init; }
    public required IReadOnlyList<TokenAlignment> Alignment { get; init; }
    public required DobVerdict Dob { get; init; }
    public required NationalityVerdict Nationality { get; init; }
    /// <summary>For a PEP: in office, former or unknown on the screening date, and why; null for other entities.</summary>
    public PepStatus? Pep { get; init; }
}
