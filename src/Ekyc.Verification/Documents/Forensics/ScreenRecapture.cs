using SkiaSharp;

namespace Ekyc.Verification.Documents.Forensics;

/// <summary>
/// Screen-recapture traces: a photo of a document shown on a phone or monitor carries the screen's pixel grid. The
/// camera either resolves the grid (a fine periodic texture) or samples it too coarsely and folds it into moiré; both
/// are a strong, isolated peak in the 2-D spectrum at mid/high frequencies, the same peak all over the page. Printed
/// text and paper texture give lines and broad energy instead. The RGB subpixel stripes shift the three colour
/// channels by a third of a pixel, so the grid is also a chroma peak (colour fringes and rainbow moiré) where ink is
/// not. Measured on up to 12 tiles of 128 px at full resolution: Hann window, FFT of luma and R−B chroma, power
/// averaged over the tiles (Welch: content varies from tile to tile and averages out, the grid does not), then the
/// most prominent peak of each average and the number of tiles that show it on their own. Also the most prominent luma
/// peak that nearly every tile shows (<see cref="Widespread"/>): a screen's grid covers the whole page even where the
/// camera's blur leaves each of its peaks weak.
/// </summary>
public sealed record ScreenRecapture(int Tiles, int TileSize, SpectralPeak Luma, int LumaTiles, SpectralPeak Chroma, int ChromaTiles, SpectralPeak Widespread)
{
    public const int Size = 128;
    private const int MaxColumns = 4;
    private const int MaxRows = 3;
    // Fewer tiles average too little: chance peaks of natural texture get as prominent as a screen's.
    private const int MinTiles = 6;
    // Below 0.06 cycles/px (periods over ~16 px) lie text pitch, line spacing and background patterns.
    private const double MinCyclesPerPixel = 0.06;
    // A single tile shows the peak when it stands this far above its own surroundings.
    private const double TileDecibels = 5;
    // "Nearly every tile": 10 of 12, 5 of 6.
    private const double WidespreadShare = 5.0 / 6;
    // Candidates for the widespread peak, the most prominent first: the grid's peaks were among the first two of the
    // decision set's blurred screen replays; the bound keeps the cost of counting tiles small.
    private const int WidespreadCandidates = 8;
    private static readonly int[] Drift = [-2, -1, 0, 1, 2];
    private static readonly float[] Hann = Enumerable.Range(0, Size).Select(i => (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * i / Size))).ToArray();

    /// <summary>Period of the luma peak in image pixels.</summary>
    public double LumaPeriod => Luma.Period(Size);

    /// <summary>Period of the chroma peak in image pixels.</summary>
    public double ChromaPeriod => Chroma.Period(Size);

    /// <summary>Direction of the luma peak's wave vector, degrees from the horizontal (−90, 90].</summary>
    public double LumaAngle => Math.Atan2(Luma.V, Luma.U) * 180 / Math.PI is var a && a > 90 ? a - 180 : a;

    /// <summary>
    /// A screen's traces: a luma or chroma peak at or over its threshold that at least
    /// <see cref="DocumentOptions.RecaptureMinTiles"/> tiles show on their own.
    /// </summary>
    public bool Suspected(DocumentOptions options) =>
        (Luma.Decibels >= options.RecaptureLumaPeakDb && LumaTiles >= options.RecaptureMinTiles)
        || (Chroma.Decibels >= options.RecaptureChromaPeakDb && ChromaTiles >= options.RecaptureMinTiles);

    /// <summary>
    /// A screen's grid over the whole page: a luma peak at or over <see cref="DocumentOptions.RecaptureWidespreadPeakDb"/>
    /// that nearly every tile shows on its own. A lens blur of about 1 px leaves the grid of a screen photographed at under
    /// about two camera pixels per screen pixel only weak peaks, under <see cref="DocumentOptions.RecaptureLumaPeakDb"/>;
    /// print's periodic patterns (a guilloche patch, a receipt's rows) are not everywhere on a page. Documents only: it
    /// was measured on document captures, not on selfies (whose small frames get overlapping tiles).
    /// </summary>
    public bool GridEverywhere(DocumentOptions options) => Widespread.Decibels >= options.RecaptureWidespreadPeakDb;

    /// <summary>
    /// The luma peak (dB) when at least <paramref name="minTiles"/> tiles show it on their own, else 0. A count, not a
    /// share of the tiles: a screen's grid is modulated by the picture, so a dark background or dark clothes hide it
    /// from part of the frame. Not the chroma peak: an enlarged JPEG's subsampled chroma leaves a widespread chroma peak
    /// of its own (up to 11.9 dB on genuine frames, README).
    /// </summary>
    public double LumaPeakDecibels(int minTiles) => LumaTiles >= minTiles ? Luma.Decibels : 0;

    /// <summary>Measures the image; null when it holds fewer than six tiles, even overlapping (under ~256×192 px).</summary>
    public static ScreenRecapture? Measure(SKBitmap image)
    {
        if (image.Width < Size || image.Height < Size || image.BytesPerPixel != 4)
            return null;
        var origins = TileOrigins(image.Width, image.Height);
        if (origins.Count < MinTiles)
            return null;
        var pixels = image.GetPixelSpan();
        var (red, blue) = image.ColorType == SKColorType.Bgra8888 ? (2, 0) : (0, 2);
        var plane = Size * Size;
        var luma = new float[origins.Count][];
        var chroma = new float[origins.Count][];
        var (re, im) = (new float[plane], new float[plane]);
        var fft = new Fft2D(Size);
        for (var t = 0; t < origins.Count; t++)
        {
            Window(pixels, image.RowBytes, origins[t], red, blue, re, im);
            fft.Forward(re, im);
            (luma[t], chroma[t]) = SplitPowers(re, im);
        }
        var lumaMean = MeanLog10(luma);
        var (lumaPeak, lumaTiles) = FindPeak(luma, lumaMean);
        var (chromaPeak, chromaTiles) = FindPeak(chroma, MeanLog10(chroma));
        return new ScreenRecapture(origins.Count, Size, lumaPeak, lumaTiles, chromaPeak, chromaTiles, FindWidespreadPeak(luma, lumaMean));
    }

    /// <summary>
    /// Tiles spread evenly over the middle 80% of the image, where the document usually is. A frame too small for six
    /// tiles side by side (a selfie of 420×320 px) gets them half-overlapping over the whole frame instead, as Welch's
    /// method does: without them, a small photo of a screen was never looked at for its grid.
    /// </summary>
    private static List<(int X, int Y)> TileOrigins(int width, int height)
    {
        static int[] Spread(int length, int max, bool overlap)
        {
            var (start, span) = overlap ? (0, length) : ((int)(length * 0.1), (int)(length * 0.8));
            if (span < Size)
                (start, span) = (0, length);
            var count = Math.Clamp(overlap ? (span - Size) / (Size / 2) + 1 : span / Size, 1, max);
            return Enumerable.Range(0, count).Select(i => start + (count == 1 ? (span - Size) / 2 : i * (span - Size) / (count - 1))).ToArray();
        }
        List<(int X, int Y)> Tiles(bool overlap) => [.. from y in Spread(height, MaxRows, overlap) from x in Spread(width, MaxColumns, overlap) select (x, y)];
        return Tiles(overlap: false) is { Count: >= MinTiles } apart ? apart : Tiles(overlap: true);
    }

    /// <summary>Luma in the real part and R−B chroma in the imaginary part, each less its mean and Hann-windowed.</summary>
    private static void Window(ReadOnlySpan<byte> pixels, int rowBytes, (int X, int Y) origin, int red, int blue, float[] re, float[] im)
    {
        float lumaSum = 0, chromaSum = 0;
        for (var y = 0; y < Size; y++)
        {
            var row = pixels.Slice((origin.Y + y) * rowBytes + origin.X * 4, Size * 4);
            for (var x = 0; x < Size; x++)
            {
                float r = row[4 * x + red], g = row[4 * x + 1], b = row[4 * x + blue];
                var l = 0.299f * r + 0.587f * g + 0.114f * b;
                (re[y * Size + x], im[y * Size + x]) = (l, r - b);
                lumaSum += l;
                chromaSum += r - b;
            }
        }
        var (lumaMean, chromaMean) = (lumaSum / (Size * Size), chromaSum / (Size * Size));
        for (var y = 0; y < Size; y++)
        for (var x = 0; x < Size; x++)
        {
            var i = y * Size + x;
            var w = Hann[x] * Hann[y];
            (re[i], im[i]) = ((re[i] - lumaMean) * w, (im[i] - chromaMean) * w);
        }
    }

    /// <summary>
    /// Two real signals share one complex FFT: with Z = L + iC, L(k) = (Z(k) + conj Z(−k)) / 2 and
    /// C(k) = (Z(k) − conj Z(−k)) / 2i. Returns the power of each.
    /// </summary>
    private static (float[] Luma, float[] Chroma) SplitPowers(float[] re, float[] im)
    {
        var luma = new float[Size * Size];
        var chroma = new float[Size * Size];
        for (var v = 0; v < Size; v++)
        for (var u = 0; u < Size; u++)
        {
            var (k, m) = (v * Size + u, ((Size - v) & (Size - 1)) * Size + ((Size - u) & (Size - 1)));
            var (lr, li) = ((re[k] + re[m]) / 2, (im[k] - im[m]) / 2);
            var (cr, ci) = ((im[k] + im[m]) / 2, (re[m] - re[k]) / 2);
            luma[v * Size + u] = lr * lr + li * li;
            chroma[v * Size + u] = cr * cr + ci * ci;
        }
        return (luma, chroma);
    }

    /// <summary>
    /// The strongest peak of the tiles' mean spectrum, and in how many tiles it stands out alone (within ±2 bins: a
    /// tilted screen's grid is finer at the far edge, and moiré moves with it).
    /// </summary>
    private static (SpectralPeak Peak, int Tiles) FindPeak(float[][] powers, float[] meanLog10)
    {
        var peak = SpectralPeak.Strongest(meanLog10, Size, MinCyclesPerPixel, IsJpegBlockHarmonic);
        return (peak, TilesShowing(powers, peak, new float[Size * Size]));
    }

    /// <summary>The most prominent of the mean spectrum's strongest peaks that nearly every tile shows alone; none (0 dB) if no such peak.</summary>
    private static SpectralPeak FindWidespreadPeak(float[][] powers, float[] meanLog10)
    {
        var needed = (int)Math.Ceiling(powers.Length * WidespreadShare);
        var log = new float[Size * Size];
        return SpectralPeak.Maxima(meanLog10, Size, MinCyclesPerPixel, IsJpegBlockHarmonic)
            .OrderByDescending(p => p.Decibels)
            .Take(WidespreadCandidates)
            .FirstOrDefault(p => TilesShowing(powers, p, log) >= needed);
    }

    private static float[] MeanLog10(float[][] powers)
    {
        var mean = new float[Size * Size];
        foreach (var power in powers)
            for (var i = 0; i < mean.Length; i++)
                mean[i] += power[i] / powers.Length;
        ToLog10(mean);
        return mean;
    }

    /// <summary>In how many tiles <paramref name="peak"/> stands out alone; <paramref name="log"/> is scratch space.</summary>
    private static int TilesShowing(float[][] powers, SpectralPeak peak, float[] log) => powers.Count(p =>
    {
        // Only the bins around the peak are needed from each tile: take their logs there.
        LogAround(p, peak, log);
        return Neighbourhood(peak).Any(b => SpectralPeak.Prominence(log, Size, b.U, b.V) >= TileDecibels);
    });

    private static IEnumerable<(int U, int V)> Neighbourhood(SpectralPeak peak) =>
        from dv in Drift from du in Drift select (peak.U + du, peak.V + dv);

    /// <summary>
    /// JPEG's blocks repeat every 8 px (luma) and 16 px (subsampled chroma): peaks exactly at multiples of 1/16
    /// cycle/px on both axes are theirs. Exact bins only — a screen grid falls on one by chance at most.
    /// </summary>
    private static bool IsJpegBlockHarmonic(int u, int v)
    {
        const int step = Size / 16;
        return u % step == 0 && v % step == 0;
    }

    /// <summary>Log10 of the bins that the prominences around <paramref name="peak"/> read (the rest are left as they were).</summary>
    private static void LogAround(float[] power, SpectralPeak peak, float[] log)
    {
        var reach = Drift[^1] + SpectralPeak.Reach;
        for (var dv = -reach; dv <= reach; dv++)
        for (var du = -reach; du <= reach; du++)
        {
            var i = ((peak.V + dv) & (Size - 1)) * Size + ((peak.U + du) & (Size - 1));
            log[i] = MathF.Log10(power[i] + 1e-3f);
        }
    }

    private static void ToLog10(float[] power)
    {
        for (var i = 0; i < power.Length; i++)
            power[i] = MathF.Log10(power[i] + 1e-3f);
    }
}
