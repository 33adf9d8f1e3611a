namespace Ekyc.Verification.Screening;

/// <summary>Reason codes of the screening checks.</summary>
public static class ScreeningReasons
{
    public const string NoMatch = "no_match";
    public const string PossibleMatch = "possible_match";
    public const string ConfirmedMatch = "match";
    public const string DobMatch = "dob_match";
    public const string DobConflict = "dob_conflict";
    /// <summary>The best PEP match left office (within the period a former office holder stays a PEP).</summary>
    public const string PepFormer = "pep_former";
    public const string NameUnusable = "name_unusable";
    public const string NameTooShort = "name_too_short";
    public const string DobImplausible = "dob_implausible";
    public const string NoSanctionsList = "no_sanctions_list_loaded";
    public const string NoPepList = "no_pep_list_loaded";
}
