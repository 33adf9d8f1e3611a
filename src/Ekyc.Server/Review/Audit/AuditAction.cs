namespace Ekyc.Server.Review.Audit;

/// <summary>What a console user did; stored as these wire names.</summary>
public static class AuditAction
{
    public const string SignedIn = "signed_in";
    public const string SignInFailed = "sign_in_failed";
    public const string SignInLocked = "sign_in_locked";
    public const string SignedOut = "signed_out";
    public const string PasswordSet = "password_set";
    public const string SessionViewed = "session_viewed";
    public const string ImageViewed = "image_viewed";
    public const string FaceViewed = "face_viewed";
    public const string Claimed = "claimed";
    public const string Released = "released";
    public const string Decided = "decided";
}
