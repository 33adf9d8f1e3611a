using Ekyc.Core.Checks;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Faces.Active;
using Ekyc.Verification.Imaging;
using Ekyc.Verification.Screening;

namespace Ekyc.Server.Sandbox;

/// <summary>
/// The reason codes the real engines give each check, so a test session can produce any of them and nothing else; and
/// the statuses, reasons and confidences a scripted check gets when the scenario leaves them out. The engines' constants
/// are referenced where they exist; the document engine writes its codes inline, so they are listed here and a test
/// compares the list with its source.
/// </summary>
public static class SandboxReasons
{
    /// <summary>The pipeline's own reasons for a check that did not run (engine missing, failing, timing out, no input).</summary>
    public static readonly IReadOnlyList<string> NotRun =
        [CommonReasons.EngineUnavailable, CommonReasons.EngineError, CommonReasons.MissingInput, "stage_timeout"];

    public static readonly IReadOnlyList<string> Document =
    [
        "document_checks_passed", ImageReasons.Empty, ImageReasons.Undecodable, ImageReasons.TooLarge, "blank_image", "no_document_found",
        "mrz_not_found", "mrz_read_uncertain", "check_digit_mismatch", "mrz_field_invalid", "visa_not_identity_document", "barcode_unparsable",
        "barcode_fields_missing", "birth_date_invalid", "birth_date_in_future", "age_implausible", "expiry_date_invalid", "document_expired",
        "issue_date_in_future", "expiry_before_issue", "issued_before_birth", "specimen_document", "unknown_country_code",
        "document_type_mismatch", "printed_mrz_mismatch", "printed_fields_not_found", "low_resolution", "document_too_small", "image_blurred",
        "glare", "edited_with_software", "screen_recapture_suspected", "portrait_not_found",
    ];

    private static readonly string[] ImageErrors = [ImageReasons.Empty, ImageReasons.Undecodable, ImageReasons.TooLarge];

    public static readonly IReadOnlyList<string> FaceMatch =
    [
        FaceReasons.Match, FaceReasons.NoMatch, FaceReasons.SimilarityUncertain, FaceReasons.DocumentFaceNotFound, FaceReasons.SelfieFaceNotFound,
        FaceReasons.SelfieMultipleFaces, FaceReasons.DocumentFaceTooSmall, FaceReasons.SelfieFaceTooSmall, FaceReasons.DocumentPoseProfile,
        FaceReasons.SelfiePoseProfile, FaceReasons.DocumentFaceBlurry, FaceReasons.SelfieFaceBlurry,
        .. ImageErrors.Select(e => FaceReasons.Image("document", e)), .. ImageErrors.Select(e => FaceReasons.Image("selfie", e)),
    ];

    public static readonly IReadOnlyList<string> FaceLiveness =
    [
        FaceReasons.Live, FaceReasons.NoFace, FaceReasons.MultipleFaces, FaceReasons.FaceTooSmall, FaceReasons.FaceTooFar, FaceReasons.FaceOffCentre,
        FaceReasons.FaceCutOff, FaceReasons.FaceBlurry, FaceReasons.PoseProfile, FaceReasons.SpoofSuspected, FaceReasons.SpoofScoreLow,
        FaceReasons.SpoofScoreMarginal, FaceReasons.SelfieIsDocumentPortrait, FaceReasons.EyesClosed, FaceReasons.ActiveChallengePassed,
        FaceReasons.FramesDifferentPerson, FaceReasons.FrameFaceMissing,
        FaceReasons.ScreenRecaptureSuspected, FaceReasons.PrintSuspected, FaceReasons.FaceContrastLow, FaceReasons.ScreenGridFaint, ChallengeEvaluator.NotCompleted, ChallengeEvaluator.WrongOrder, ChallengeEvaluator.PlanarMotion,
        ChallengeEvaluator.FlatWithoutBlink, ChallengeEvaluator.FlatForeshortened, ChallengeEvaluator.ParallaxUncertain, ChallengeEvaluator.IdentityUncertain, ChallengeEvaluator.TooFewFaces,
        .. ImageErrors.Select(e => FaceReasons.Image("selfie", e)),
    ];

    public static readonly IReadOnlyList<string> Screening =
    [
        ScreeningReasons.NoMatch, ScreeningReasons.PossibleMatch, ScreeningReasons.ConfirmedMatch, ScreeningReasons.DobMatch,
        ScreeningReasons.DobConflict, ScreeningReasons.PepFormer, ScreeningReasons.NameUnusable, ScreeningReasons.NameTooShort,
        ScreeningReasons.DobImplausible, ScreeningReasons.NoSanctionsList, ScreeningReasons.NoPepList,
    ];

    /// <summary>Every reason code a check may carry: its engine's and the pipeline's not-run reasons.</summary>
    public static IReadOnlyList<string> For(string check) =>
    [
        .. check switch
        {
            CheckNames.DocumentAuthenticity => Document,
            CheckNames.FaceMatch => FaceMatch,
            CheckNames.FaceLiveness => FaceLiveness,
            _ => Screening,
        },
        .. NotRun,
    ];

    /// <summary>The wire statuses a check can have: pass/fail/review for documents and faces, clear/hit/review for screening.</summary>
    public static IReadOnlyList<string> StatusesOf(string check) => CheckNames.IsScreening(check)
        ? [CheckStatus.Clear.ToWire(), CheckStatus.Hit.ToWire(), CheckStatus.Review.ToWire(), CheckStatus.NotRun.ToWire()]
        : [CheckStatus.Pass.ToWire(), CheckStatus.Fail.ToWire(), CheckStatus.Review.ToWire(), CheckStatus.NotRun.ToWire()];

    /// <summary>The reason a scripted check gets when the scenario names none: what its engine says for that status.</summary>
    public static string DefaultReason(string check, CheckStatus status) => (check, status) switch
    {
        (_, CheckStatus.NotRun) => CommonReasons.EngineUnavailable,
        (CheckNames.DocumentAuthenticity, CheckStatus.Pass) => "document_checks_passed",
        (CheckNames.DocumentAuthenticity, CheckStatus.Fail) => "document_expired",
        (CheckNames.DocumentAuthenticity, _) => "mrz_read_uncertain",
        (CheckNames.FaceMatch, CheckStatus.Pass) => FaceReasons.Match,
        (CheckNames.FaceMatch, CheckStatus.Fail) => FaceReasons.NoMatch,
        (CheckNames.FaceMatch, _) => FaceReasons.SimilarityUncertain,
        (CheckNames.FaceLiveness, CheckStatus.Pass) => FaceReasons.Live,
        (CheckNames.FaceLiveness, CheckStatus.Fail) => FaceReasons.SpoofSuspected,
        (CheckNames.FaceLiveness, _) => FaceReasons.SpoofScoreLow,
        (_, CheckStatus.Hit) => ScreeningReasons.ConfirmedMatch,
        (_, CheckStatus.Review) => ScreeningReasons.PossibleMatch,
        _ => ScreeningReasons.NoMatch,
    };

    /// <summary>The confidence a scripted check gets when the scenario gives none; none for a check that did not run.</summary>
    public static double? DefaultConfidence(CheckStatus status) => status switch
    {
        CheckStatus.Pass or CheckStatus.Clear => 0.99,
        CheckStatus.Fail or CheckStatus.Hit => 0.95,
        CheckStatus.Review => 0.5,
        _ => null,
    };
}
