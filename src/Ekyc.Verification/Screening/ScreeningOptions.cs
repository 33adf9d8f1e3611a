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

    /// <summary>Most matches reported per check.</summary>
    [Range(1, 1000)]
    public int MaxMatches { get; init; } = 10;

    /// <summary>Candidate names fully scored per query, best first by the index's quick estimate.</summary>
    [Range(10, 100_000)]
    public int MaxCandidates { get; init; } = 50;
}
