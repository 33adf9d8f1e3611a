namespace Ekyc.Verification.Faces;

/// <summary>Reason codes of <c>face_match</c> and <c>face_liveness</c>.</summary>
public static class FaceReasons
{
    public const string Match = "faces_match";
    public const string NoMatch = "faces_do_not_match";
    public const string SimilarityUncertain = "similarity_uncertain";
    public const string DocumentFaceNotFound = "document_face_not_found";
    public const string SelfieFaceNotFound = "selfie_face_not_found";
    public const string SelfieMultipleFaces = "selfie_multiple_faces";
    public const string DocumentFaceTooSmall = "document_face_too_small";
    public const string SelfieFaceTooSmall = "selfie_face_too_small";
    public const string DocumentPoseProfile = "document_pose_profile";
    public const string SelfiePoseProfile = "selfie_pose_profile";
    public const string DocumentFaceBlurry = "document_face_blurry";
    public const string SelfieFaceBlurry = "selfie_face_blurry";

    public const string Live = "live";
    public const string NoFace = "no_face";
    public const string MultipleFaces = "multiple_faces";
    public const string FaceTooSmall = "face_too_small";
    public const string FaceTooFar = "face_too_far";
    public const string FaceOffCentre = "face_off_centre";
    public const string FaceCutOff = "face_cut_off";
    public const string FaceBlurry = "face_blurry";
    public const string PoseProfile = "pose_profile";
    public const string SpoofSuspected = "spoof_suspected";
    public const string SpoofScoreLow = "spoof_score_low";
    /// <summary>A selfie without a challenge, every signal clear, whose p(live) lies just over the threshold: reviewed, not passed.</summary>
    public const string SpoofScoreMarginal = "spoof_score_marginal";
    public const string EyesClosed = "eyes_closed";
    public const string ActiveChallengePassed = "active_challenge_passed";
    public const string FramesDifferentPerson = "frames_different_person";
    public const string FramesIdentityUncertain = "frames_identity_uncertain";
    public const string FrameFaceMissing = "frame_face_missing";
    public const string ScreenRecaptureSuspected = "screen_recapture_suspected";
    public const string PrintSuspected = "print_suspected";
    public const string FaceContrastLow = "face_contrast_low";
    public const string ScreenGridFaint = "screen_grid_faint";
    /// <summary>The selfie is the document's own portrait (cut from the document image, or the same picture), not a new capture.</summary>
    public const string SelfieIsDocumentPortrait = "selfie_is_document_portrait";

    /// <summary>Prefix for image errors (<c>document_image_undecodable</c>, <c>selfie_image_too_large</c>…).</summary>
    public static string Image(string source, string imageReason) => $"{source}_{imageReason}";
}
