using SkiaSharp;

namespace Ekyc.Bench.Liveness;

/// <summary>
/// A photo as a printer puts it on paper: inks that cannot reach the screen's black or saturation, a warm paper white,
/// a halftone (rotated CMY dot screens, period 3–6 page pixels, like a laser or offset print) or a stochastic dither
/// (an inkjet), a slight ink spread, and a white border.
/// </summary>
public static class PrintedPhoto
{
    private static readonly double[] ScreenAngles = [15, 75, 0];

    public static SKBitmap Print(SKBitmap photo, Random random, double borderShare = 0.06)
    {
        var period = Framing.Uniform(random, 3, 6);
        var stochastic = random.Next(3) == 0;
        double[] paper = [Framing.Uniform(random, 0.93, 0.98), Framing.Uniform(random, 0.91, 0.96), Framing.Uniform(random, 0.84, 0.92)];
        var border = (int)(Math.Min(photo.Width, photo.Height) * borderShare);
        var (w, h) = (photo.Width + 2 * border, photo.Height + 2 * border);

        using var rgba = photo.Copy(SKColorType.Rgba8888);
        var source = rgba.GetPixelSpan();
        var page = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        var pixels = page.GetPixelSpan();
        var rotations = ScreenAngles.Select(a => (Math.Cos(a * Math.PI / 180), Math.Sin(a * Math.PI / 180))).ToArray();
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var o = 4 * (y * w + x);
            var (sx, sy) = (x - border, y - border);
            var inside = sx >= 0 && sy >= 0 && sx < photo.Width && sy < photo.Height;
            for (var c = 0; c < 3; c++)
            {
                var value = paper[c];
                if (inside)
                {
                    // Cyan, magenta, yellow ink cover what red, green, blue lack; dense ink never reaches black.
                    var coverage = 0.9 * (1 - source[4 * (sy * photo.Width + sx) + c] / 255.0);
                    var threshold = stochastic ? random.NextDouble() : DotThreshold(x, y, period, rotations[c]);
                    value = coverage > threshold ? paper[c] * 0.12 : paper[c];
                }
                pixels[o + c] = (byte)(255 * Math.Pow(value, 1 / 2.2));
            }
            pixels[o + 3] = 255;
        }
        using var spread = new SKBitmap(page.Info);
        using (var canvas = new SKCanvas(spread))
        using (var paint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(0.6f, 0.6f) })
        using (var image = SKImage.FromBitmap(page))
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), paint);
        spread.CopyTo(page);
        return page;
    }

    /// <summary>A round dot screen: cells of the rotated grid fill from their centre as the coverage grows.</summary>
    private static double DotThreshold(int x, int y, double period, (double Cos, double Sin) rotation)
    {
        var u = (x * rotation.Cos + y * rotation.Sin) / period;
        var v = (-x * rotation.Sin + y * rotation.Cos) / period;
        var (du, dv) = (u - Math.Floor(u) - 0.5, v - Math.Floor(v) - 0.5);
        return Math.Min(1, (du * du + dv * dv) * 2);
    }
}
