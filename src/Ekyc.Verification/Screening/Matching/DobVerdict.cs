namespace Ekyc.Verification.Screening.Matching;

/// <summary>What the subject's date of birth says about a listed entity, judged at the list's own precision.</summary>
public enum DobVerdict
{
    /// <summary>No date on one side.</summary>
    Unknown,
    /// <summary>Equal at the list's precision (or inside its range).</summary>
    Match,
    /// <summary>Off by a year, a swapped day and month, or same year and month with another day: a likely typo.</summary>
    Near,
    /// <summary>Same year, but month or day differ at the list's precision.</summary>
    DayConflict,
    /// <summary>Different years, beyond any tolerance: strong evidence of another person.</summary>
    Conflict,
}
