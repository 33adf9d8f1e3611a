using SkiaSharp;

namespace Ekyc.Verification.Documents.Imaging;

/// <summary>
/// Capture-quality measures on a grey copy at most 1024 px wide: sharpness as the variance of the 4-neighbour
/// Laplacian, glare as the share of near-white pixels (luma ≥ 250), and the luma spread (a blank page has none).
/// </summary>
public sealed record ImageQuality(double LaplacianVariance, double GlareShare, double MeanLuma, double LumaStdDev)
{
    private const int MaxSide = 1024;

    public static ImageQuality Measure(SKBitmap image)
    {
        var (luma, w, h) = Luma(image, new SKRectI(0, 0, image.Width, image.Height));
        double sum = 0, sumSq = 0;
        var glare = 0;
        foreach (var v in luma)
        {
            sum += v;
            sumSq += v * v;
            if (v >= 250)
                glare++;
        }
        var n = luma.Length;
        var mean = sum / n;
        return new ImageQuality(VarianceOfLaplacian(luma, w, h), (double)glare / n, mean, Math.Sqrt(Math.Max(0, sumSq / n - mean * mean)));
    }

    /// <summary>
    /// The sharpness of the rectangle that holds <paramref name="points"/> (the text found on the page), that
    /// rectangle brought to at most 1024 px as a whole image is: a card lying small on a plain desk is judged on
    /// itself, not diluted by the desk's flat pixels, and its blur is measured at the card's own scale.
    /// </summary>
    public static double SharpnessWithin(SKBitmap image, IReadOnlyCollection<(float X, float Y)> points)
    {
        var bounds = new SKRectI(
            Math.Clamp((int)points.Min(p => p.X), 0, image.Width - 1), Math.Clamp((int)points.Min(p => p.Y), 0, image.Height - 1),
            Math.Clamp((int)MathF.Ceiling(points.Max(p => p.X)), 1, image.Width), Math.Clamp((int)MathF.Ceiling(points.Max(p => p.Y)), 1, image.Height));
        var (luma, w, h) = Luma(image, bounds);
        return VarianceOfLaplacian(luma, w, h);
    }

    private static (float[] Luma, int W, int H) Luma(SKBitmap image, SKRectI bounds)
    {
        using var cut = bounds.Width == image.Width && bounds.Height == image.Height ? null : new SKBitmap(image.Info.WithSize(bounds.Width, bounds.Height));
        if (cut is not null && !image.ExtractSubset(cut, bounds))
            throw new InvalidOperationException("The region lies outside the image.");
        var source = cut ?? image;
        var scale = Math.Min(1f, (float)MaxSide / Math.Max(source.Width, source.Height));
        var (w, h) = (Math.Max(3, (int)(source.Width * scale)), Math.Max(3, (int)(source.Height * scale)));
        using var small = Ocr.OcrPixels.Resize(source, w, h);
        var pixels = small.GetPixelSpan();
        var luma = new float[w * h];
        for (var i = 0; i < luma.Length; i++)
            luma[i] = 0.299f * pixels[4 * i] + 0.587f * pixels[4 * i + 1] + 0.114f * pixels[4 * i + 2];
        return (luma, w, h);
    }

    private static double VarianceOfLaplacian(float[] luma, int w, int h)
    {
        double lapSum = 0, lapSq = 0;
        for (var y = 1; y < h - 1; y++)
        for (var x = 1; x < w - 1; x++)
        {
            var i = y * w + x;
            double lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i];
            lapSum += lap;
            lapSq += lap * lap;
        }
        var inner = (w - 2) * (h - 2);
        var lapMean = lapSum / inner;
        return lapSq / inner - lapMean * lapMean;
    }
}
