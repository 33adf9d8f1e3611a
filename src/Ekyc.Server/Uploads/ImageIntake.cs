using System.Security.Cryptography;
using Ekyc.Server.Errors;
using Ekyc.Server.Options;
using Ekyc.Verification.Imaging;
using SkiaSharp;

namespace Ekyc.Server.Uploads;

/// <summary>What the header of an upload says, read without decoding a pixel.</summary>
/// <param name="ReachesEnd">For a JPEG, whether its markers lead to its end-of-image marker (<see cref="JpegScans.Walk"/>).</param>
public sealed record ImageHeader(byte[] Bytes, string MediaType, int Width, int Height, SKEncodedOrigin Origin, bool ReachesEnd)
{
    public long Pixels => (long)Width * Height;
}

/// <summary>What intake learned about an accepted image (dimensions after EXIF orientation).</summary>
public sealed record AcceptedImage(byte[] Bytes, string MediaType, string Sha256, int Width, int Height, string Orientation);

/// <summary>
/// Accepts an upload only if it is a JPEG, PNG or WebP within the limits that decodes completely, in two steps:
/// <see cref="Inspect"/> reads the header (type, dimensions, JPEG scans) so every limit is checked before any
/// pixel is decoded, then <see cref="Decode"/> decodes all of it.
/// </summary>
public static class ImageIntake
{
    public static ImageHeader Inspect(byte[] bytes, UploadLimits limits)
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
        var (scans, ended) = mediaType == "image/jpeg" ? JpegScans.Walk(bytes, limits.MaxJpegScans) : (0, true);
        if (scans > limits.MaxJpegScans)
            throw Problems.ImageUndecodable($"The JPEG has more than {limits.MaxJpegScans} scans; re-encode it (baseline or standard progressive).");
        return new ImageHeader(bytes, mediaType, (int)width, (int)height, codec.EncodedOrigin, ended);
    }

    /// <summary>Refuses a request whose images together exceed the pixel budget, before decoding any of them.</summary>
    public static void CheckRequestBudget(IReadOnlyList<ImageHeader> images, UploadLimits limits)
    {
        var total = images.Sum(i => i.Pixels);
        if (total > limits.MaxRequestPixels)
            throw Problems.ImageDimensions(
                $"The {images.Count} images hold {total} pixels together; one request may hold at most {limits.MaxRequestPixels}.",
                images.Max(i => i.Width), images.Max(i => i.Height));
    }

    /// <summary>
    /// Decodes the whole image: a truncated or corrupt file must be refused now, not fail later in processing. A JPEG is
    /// decoded at the codec's smallest scale (1/8 a side): every coefficient is still entropy-decoded, so damage anywhere
    /// is found, but the inverse transform and the bitmap shrink 64-fold (a 36 MP baseline JPEG no longer makes a 140 MB
    /// bitmap; a progressive one still needs the decoder's coefficient buffers).
    /// </summary>
    public static AcceptedImage Decode(ImageHeader header)
    {
        if (!header.ReachesEnd)
            throw Problems.ImageUndecodable("The JPEG's markers do not lead to its end-of-image marker: the file is cut short or corrupt.");
        using var data = SKData.CreateCopy(header.Bytes);
        using var codec = SKCodec.Create(data) ?? throw Problems.ImageUndecodable("The image header is corrupt.");
        var size = header.MediaType == "image/jpeg" ? codec.GetScaledDimensions(1 / 8f) : codec.Info.Size;
        using var bitmap = new SKBitmap(codec.Info.WithSize(size).WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
            throw Problems.ImageUndecodable($"The image data is incomplete or corrupt ({result}).");
        var swapped = ExifOrientation.SwapsAxes(header.Origin);
        return new AcceptedImage(header.Bytes, header.MediaType, Convert.ToHexStringLower(SHA256.HashData(header.Bytes)),
            swapped ? header.Height : header.Width, swapped ? header.Width : header.Height, header.Origin.ToString());
    }
}
