namespace Ekyc.Verification.Imaging;

/// <summary>Reason codes for pictures that cannot be read at all.</summary>
public static class ImageReasons
{
    public const string Empty = "image_empty";
    public const string Undecodable = "image_undecodable";
    public const string TooLarge = "image_too_large";
}
