namespace Ekyc.Verification.Screening;

/// <summary>What the subject's nationality says about a listed entity: weak evidence either way.</summary>
public enum NationalityVerdict
{
    Unknown,
    Match,
    Mismatch,
}
