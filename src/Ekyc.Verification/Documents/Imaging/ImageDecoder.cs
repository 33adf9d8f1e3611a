using Ekyc.Verification.Imaging;
using SkiaSharp;

namespace Ekyc.Verification.Documents.Imaging;

/// <summary>
/// Decodes JPEG/PNG/WebP bytes with SkiaSharp, refusing what is not an image or is too large, decoding huge images
/// at a reduced scale through the codec (cheap for JPEG), and applying the EXIF orientation.
/// </summary>
public static class ImageDecoder
{
    public static (DecodedImage? Image, ImageRejection? Rejection) Decode(byte[] bytes, DocumentOptions options)
    {
        if (bytes.Length == 0)
            return (null, new("image_empty", "no bytes"));
        if (bytes.Length > options.MaxImageBytes)
            return (null, new("image_too_large", $"{bytes.Length} bytes > {options.MaxImageBytes}"));
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
            return (null, new("image_undecodable", "not a JPEG, PNG or WebP image"));
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > options.MaxImagePixels)
            return (null, new("image_too_large", $"{width}×{height} px > {options.MaxImagePixels} px"));

        // The face engine decodes the front at this size too (a 12 MP photo at 1/2, a scan in full): decoded once per verification.
        var (decoded, result) = SharedDecodes.Decode(bytes, codec, DecodeSize(codec, options.MaxDecodeSide));
        if (decoded is null)
            return (null, new("image_undecodable", $"decoder said {result}"));
        if (Math.Max(decoded.Width, decoded.Height) > options.MaxDecodeSide * MaxOverBound)
        {
            var scale = (float)options.MaxDecodeSide / Math.Max(decoded.Width, decoded.Height);
            var smaller = Ocr.OcrPixels.Resize(decoded, (int)(decoded.Width * scale), (int)(decoded.Height * scale));
            decoded.Dispose();
            decoded = smaller;
        }
        var upright = ExifOrientation.Upright(decoded, codec.EncodedOrigin);
        if (!ReferenceEquals(upright, decoded))
            decoded.Dispose();
        // Every crop, resize and portrait search draws from the page through SKImage.FromBitmap, which copies a mutable
        // bitmap's pixels each time (3 MP, 2–6 ms, for each of 15–25 recognitions a document) and shares an immutable one's.
        upright.SetImmutable();
        return (new DecodedImage(upright, width, height, codec.EncodedFormat.ToString().ToLowerInvariant(), codec.EncodedOrigin), null);
    }

    /// <summary>
    /// A codec scale this close under the bound is taken rather than a larger one: a 12 MP photo (3,800–4,200 px)
    /// decodes at 1/2 (1,900–2,100 px) instead of 5/8, for two thirds of the decode time and of the pixels every later
    /// stage resamples. Its MRZ still has 33–35 px per character (TD3 filling the frame), above the 28 px at which
    /// the recogniser reads MRZ lines (<see cref="Ocr.TextRecognizer"/>); the detector and the quality measures work
    /// on copies under 1,024 px either way.
    /// </summary>
    private const float MinNativeShare = 0.8f;
    /// <summary>A decoded image this little over the bound is not worth resampling.</summary>
    private const float MaxOverBound = 1.05f;

    /// <summary>
    /// The size to decode at: the image's own up to 5 % over <paramref name="maxSide"/>, else the smallest codec scale (JPEG
    /// decodes at n/8 natively, for little cost) that keeps <see cref="MinNativeShare"/> of the bound, else the one the
    /// codec offers for the bound (resampled to it when more than 5 % over).
    /// </summary>
    private static SKSizeI DecodeSize(SKCodec codec, int maxSide)
    {
        var longest = Math.Max(codec.Info.Width, codec.Info.Height);
        if (longest <= maxSide * MaxOverBound)
            return codec.Info.Size;
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var size = codec.GetScaledDimensions(eighths / 8f);
            var side = Math.Max(size.Width, size.Height);
            if (side >= MinNativeShare * maxSide && side <= maxSide * MaxOverBound)
                return size;
        }
        return codec.GetScaledDimensions((float)maxSide / longest);
    }
}
