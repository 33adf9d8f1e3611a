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
        var scale = Math.Min(1f, (float)MaxSide / Math.Max(image.Width, image.Height));
        var (w, h) = (Math.Max(3, (int)(image.Width * scale)), Math.Max(3, (int)(image.Height * scale)));
        using var small = Ocr.OcrPixels.Resize(image, w, h);
        var pixels = small.GetPixelSpan();
        var luma = new float[w * h];
        for (var i = 0; i < luma.Length; i++)
            luma[i] = 0.299f * pixels[4 * i] + 0.587f * pixels[4 * i + 1] + 0.114f * pixels[4 * i + 2];

        double sum = 0, sumSq = 0, lapSum = 0, lapSq = 0;
        var glare = 0;
        foreach (var v in luma)
        {
            sum += v;
            sumSq += v * v;
            if (v >= 250)
                glare++;
        }
        for (var y = 1; y < h - 1; y++)
        for (var x = 1; x < w - 1; x++)
        {
            var i = y * w + x;
            double lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i];
            lapSum += lap;
            lapSq += lap * lap;
        }
        var n = luma.Length;
        var inner = (w - 2) * (h - 2);
        var mean = sum / n;
        var lapMean = lapSum / inner;
        return new ImageQuality(lapSq / inner - lapMean * lapMean, (double)glare / n, mean, Math.Sqrt(Math.Max(0, sumSq / n - mean * mean)));
    }
}
