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

        // Let the codec shrink huge images while decoding (JPEG decodes at 1/2, 1/4, 1/8 for little cost).
        var wanted = Math.Min(1f, (float)options.MaxDecodeSide / Math.Max(width, height));
        var size = codec.GetScaledDimensions(wanted);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            decoded.Dispose();
            return (null, new("image_undecodable", $"decoder said {result}"));
        }
        if (Math.Max(decoded.Width, decoded.Height) > options.MaxDecodeSide * 1.05f)
        {
            var scale = (float)options.MaxDecodeSide / Math.Max(decoded.Width, decoded.Height);
            var smaller = Ocr.OcrPixels.Resize(decoded, (int)(decoded.Width * scale), (int)(decoded.Height * scale));
            decoded.Dispose();
            decoded = smaller;
        }
        var upright = ExifOrientation.Upright(decoded, codec.EncodedOrigin);
        if (!ReferenceEquals(upright, decoded))
            decoded.Dispose();
        return (new DecodedImage(upright, width, height, codec.EncodedFormat.ToString().ToLowerInvariant(), codec.EncodedOrigin), null);
    }
}
