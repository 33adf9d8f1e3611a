using System.Security.Cryptography;
using Ekyc.Server.Errors;
using Ekyc.Server.Options;
using Ekyc.Verification.Imaging;
using SkiaSharp;

namespace Ekyc.Server.Uploads;

/// <summary>What intake learned about an accepted image (dimensions after EXIF orientation).</summary>
public sealed record AcceptedImage(byte[] Bytes, string MediaType, string Sha256, int Width, int Height, string Orientation);

/// <summary>
/// Accepts an upload only if it is a JPEG, PNG or WebP within the limits that decodes completely. The
/// dimensions come from the header first, so a decompression bomb is refused before any pixel is decoded.
/// </summary>
public static class ImageIntake
{
    public static AcceptedImage Accept(byte[] bytes, UploadLimits limits)
    {
        if (bytes.Length == 0)
            throw Problems.ImageEmpty();
        if (bytes.Length > limits.MaxBytes)
            throw Problems.ImageTooLarge(limits.MaxBytes);
        var mediaType = ImageFormat.Sniff(bytes) ?? throw Problems.UnsupportedMediaType();

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw Problems.ImageUndecodable("The image header is corrupt.");
        var info = codec.Info;
        long width = info.Width, height = info.Height;
        if (width * height > limits.MaxPixels || width > limits.MaxDimension || height > limits.MaxDimension)
            throw Problems.ImageDimensions($"The image is {width}×{height}; the limits are {limits.MaxPixels} pixels and {limits.MaxDimension} px per side.", width, height);
        if (width < limits.MinDimension || height < limits.MinDimension)
            throw Problems.ImageDimensions($"The image is {width}×{height}; each side must be at least {limits.MinDimension} px.", width, height);

        // Decode every pixel: a truncated or corrupt file must be refused now, not fail later in processing.
        using var bitmap = new SKBitmap(info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
            throw Problems.ImageUndecodable($"The image data is incomplete or corrupt ({result}).");

        var origin = codec.EncodedOrigin;
        var swapped = ExifOrientation.SwapsAxes(origin);
        return new AcceptedImage(bytes, mediaType, Convert.ToHexStringLower(SHA256.HashData(bytes)),
            (int)(swapped ? height : width), (int)(swapped ? width : height), origin.ToString());
    }
}
