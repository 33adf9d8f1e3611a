using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>
/// The tones of a face box. A live face under a camera's exposure keeps deep darks (pupils, nostrils, brows, hair); a
/// matte print or a cut-out photographed under an exposure set on the paper's white does not: its darkest ink still
/// reflects several per cent of the light. Relative to its own white the same holds for a glossy photo print (its black
/// still reflects 1–4 % of the light its white does) and for a screen veiled by the room it reflects: the face's
/// contrast is what a reflective or veiled medium can show. Either only ever adds doubt.
/// </summary>
internal static class FaceTone
{
    /// <summary>Percentile of the face box's luma taken as its black level.</summary>
    private const double BlackPercentile = 0.02;
    /// <summary>Percentile taken as its white level: the lit skin, not a stray specular pixel.</summary>
    private const double WhitePercentile = 0.98;
    /// <summary>Samples per side at most: the percentiles need no more.</summary>
    private const int SamplesPerSide = 160;

    /// <summary>2nd and 98th percentiles of the luma (0–255, BT.601 weights on the encoded values) inside the box; null when unreadable.</summary>
    public static FaceToneLevels? Measure(SKImage image, FaceBox box)
    {
        var rect = SKRectI.Intersect(SKRectI.Round(box.Rect), SKRectI.Create(image.Width, image.Height));
        if (rect.Width < 2 || rect.Height < 2)
            return null;
        using var bitmap = new SKBitmap(new SKImageInfo(rect.Width, rect.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (!image.ReadPixels(bitmap.Info, bitmap.GetPixels(), bitmap.RowBytes, rect.Left, rect.Top))
            return null;
        var pixels = bitmap.GetPixelSpan();
        var step = Math.Max(1, Math.Max(rect.Width, rect.Height) / SamplesPerSide);
        var histogram = new int[256];
        var count = 0;
        for (var y = 0; y < rect.Height; y += step)
        {
            for (var x = 0; x < rect.Width; x += step)
            {
                var i = y * bitmap.RowBytes + x * 4;
                histogram[(int)(0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2])]++;
                count++;
            }
        }
        return new FaceToneLevels(Percentile(histogram, count, BlackPercentile), Percentile(histogram, count, WhitePercentile));
    }

    private static int Percentile(int[] histogram, int count, double share)
    {
        var rank = (int)(share * count);
        var seen = 0;
        for (var level = 0; level < histogram.Length; level++)
        {
            seen += histogram[level];
            if (seen > rank)
                return level;
        }
        return histogram.Length - 1;
    }
}
