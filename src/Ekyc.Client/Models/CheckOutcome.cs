namespace Ekyc.Client.Models;

/// <summary>
/// A check's outcome: pass/fail/review for the document and face checks, clear/hit/review for screening, not_run when it
/// did not run. <see cref="Unknown"/> is an outcome this client version does not know.
/// </summary>
public enum CheckOutcome
{
    Unknown,
    Pass,
    Fail,
    Review,
    Clear,
    Hit,
    NotRun,
}

/// <summary>The five check names.</summary>
public static class CheckNames
{
    public const string DocumentAuthenticity = "document_authenticity";
    public const string FaceMatch = "face_match";
    public const string FaceLiveness = "face_liveness";
    public const string SanctionsScreening = "sanctions_screening";
    public const string PepScreening = "pep_screening";
}

/// <summary>The document types a session may allow.</summary>
public static class DocumentTypes
{
    public const string Passport = "passport";
    public const string IdCard = "id_card";
    public const string DrivingLicence = "driving_licence";
    public const string ResidencePermit = "residence_permit";
}

/// <summary>The side of a document.</summary>
public enum DocumentSide
{
    Unknown,
    Front,
    Back,
}
