using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.PDF417;

namespace Ekyc.Verification.Documents.Aamva;

/// <summary>
/// Decodes a PDF417 barcode with ZXing.Net from SkiaSharp pixels, trying several scales (the module width of a
/// phone photo varies a lot) and the four right-angle rotations; returns the payload text or null. Thread-safe:
/// ZXing's reader keeps state, so each call makes its own.
/// </summary>
public sealed class Pdf417Reader
{
    private static readonly int[] DownscaledWidths = [1600, 1100];
    private const int UpscaledWidth = 2400;

    public string? Read(SKBitmap image)
    {
        // The original first, then smaller copies (ZXing struggles with very wide modules), then a bigger one for small captures.
        var widths = new List<int> { image.Width };
        widths.AddRange(DownscaledWidths.Where(w => w < image.Width));
        if (image.Width < UpscaledWidth / 2)
            widths.Add(UpscaledWidth);
        foreach (var width in widths)
        {
            using var scaled = width == image.Width ? null : Ocr.OcrPixels.Resize(image, width, Math.Max(1, image.Height * width / image.Width));
            var source = Luminance(scaled ?? image);
            foreach (var rotated in Rotations(source))
            {
                var text = Decode(rotated);
                if (text is not null)
                    return text;
            }
        }
        return null;
    }

    private static string? Decode(LuminanceSource source)
    {
        var reader = new PDF417Reader();
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true, [DecodeHintType.CHARACTER_SET] = "ISO-8859-1" };
        foreach (var binarizer in new Binarizer[] { new HybridBinarizer(source), new GlobalHistogramBinarizer(source) })
        {
            try
            {
                var result = reader.decode(new BinaryBitmap(binarizer), hints);
                if (result?.Text is { Length: > 0 } text)
                    return text;
            }
            catch (ReaderException)
            {
                // ZXing signals "not found" by exception on some paths: try the next binarizer.
            }
            finally
            {
                reader.reset();
            }
        }
        return null;
    }

    private static IEnumerable<LuminanceSource> Rotations(LuminanceSource source)
    {
        yield return source;
        var turned = source.rotateCounterClockwise();
        yield return turned;
        yield return turned.rotateCounterClockwise();
        yield return turned.rotateCounterClockwise().rotateCounterClockwise();
    }

    private static LuminanceSource Luminance(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        var luma = new byte[bitmap.Width * bitmap.Height];
        var bgra = bitmap.ColorType == SKColorType.Bgra8888;
        for (var i = 0; i < luma.Length; i++)
        {
            var (r, g, b) = bgra ? (pixels[4 * i + 2], pixels[4 * i + 1], pixels[4 * i]) : (pixels[4 * i], pixels[4 * i + 1], pixels[4 * i + 2]);
            luma[i] = (byte)((r * 77 + g * 150 + b * 29) >> 8);
        }
        return new PlanarYUVLuminanceSource(luma, bitmap.Width, bitmap.Height, 0, 0, bitmap.Width, bitmap.Height, false);
    }
}
