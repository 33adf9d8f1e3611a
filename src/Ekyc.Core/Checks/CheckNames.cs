namespace Ekyc.Core.Checks;

/// <summary>The five checks of the contract, by their wire names.</summary>
public static class CheckNames
{
    public const string DocumentAuthenticity = "document_authenticity";
    public const string FaceMatch = "face_match";
    public const string FaceLiveness = "face_liveness";
    public const string SanctionsScreening = "sanctions_screening";
    public const string PepScreening = "pep_screening";

    public static readonly IReadOnlyList<string> All =
        [DocumentAuthenticity, FaceMatch, FaceLiveness, SanctionsScreening, PepScreening];

    public static bool IsScreening(string name) => name is SanctionsScreening or PepScreening;
}
