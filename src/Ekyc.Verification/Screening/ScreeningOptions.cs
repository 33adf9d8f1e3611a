using System.ComponentModel.DataAnnotations;

namespace Ekyc.Verification.Screening;

/// <summary>
/// Screening configuration (section <c>Ekyc:Screening</c>). Scores are 0..1: a name score adjusted by the
/// birth-date and nationality evidence. At or above <see cref="HitThreshold"/> a match is a hit, at or above
/// <see cref="ReviewThreshold"/> a possible match for review.
/// </summary>
public sealed record ScreeningOptions
{
    /// <summary>Folder of imported lists; null means <c>&lt;Ekyc:DataPath&gt;/lists</c>, resolved by the host.</summary>
    public string? ListsPath { get; init; }

    [Range(0.0, 1.0)]
    public double HitThreshold { get; init; } = 0.90;

    [Range(0.0, 1.0)]
    public double ReviewThreshold { get; init; } = 0.70;

    /// <summary>Added when the birth date matches at the list's precision.</summary>
    [Range(0.0, 1.0)]
    public double DobMatchBonus { get; init; } = 0.05;

    /// <summary>Subtracted when the birth year differs beyond tolerance: another person, most likely.</summary>
    [Range(0.0, 1.0)]
    public double DobConflictPenalty { get; init; } = 0.35;

    /// <summary>Subtracted when the year agrees but month or day differ at the list's precision.</summary>
    [Range(0.0, 1.0)]
    public double DobDayConflictPenalty { get; init; } = 0.10;

    [Range(0.0, 1.0)]
    public double NationalityMatchBonus { get; init; } = 0.02;

    [Range(0.0, 1.0)]
    public double NationalityMismatchPenalty { get; init; } = 0.04;

    /// <summary>
    /// Subtracted instead when a PEP's country (the country of the office) is not the subject's nationality. A minister
    /// is nearly always a national of the country served, and PEP lists mostly give no birth date, so the country is the
    /// one thing that tells a namesake apart; dual nationals keep an exact name at review.
    /// </summary>
    [Range(0.0, 1.0)]
    public double PepNationalityMismatchPenalty { get; init; } = 0.20;

    /// <summary>Most matches reported per check.</summary>
    [Range(1, 1000)]
    public int MaxMatches { get; init; } = 10;

    /// <summary>
    /// Years a former office holder stays a PEP after leaving office. FATF leaves the period to a risk assessment and the
    /// EU AMLD asks for at least 12 months; 5 is OpenSanctions' default. Matches beyond it are not reported.
    /// </summary>
    [Range(1, 100)]
    public int PepFormerYears { get; init; } = 5;

    /// <summary>The same for heads of state and government (and the US vice president): OpenSanctions' extended 20 years.</summary>
    [Range(1, 100)]
    public int PepFormerYearsHeadOfState { get; init; } = 20;

    /// <summary>Candidate names fully scored per query, best first by the index's quick estimate.</summary>
    [Range(10, 100_000)]
    public int MaxCandidates { get; init; } = 50;
}
