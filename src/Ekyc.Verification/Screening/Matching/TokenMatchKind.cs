namespace Ekyc.Verification.Screening.Matching;

/// <summary>How two tokens were found alike, and how alike (0..1).</summary>
public enum TokenMatchKind
{
    None,
    Exact,
    Equivalent,
    Fuzzy,
    Phonetic,
    Initial,
}
