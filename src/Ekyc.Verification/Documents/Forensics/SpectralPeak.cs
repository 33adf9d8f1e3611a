namespace Ekyc.Verification.Documents.Forensics;

/// <summary>
/// An isolated peak of a 2-D power spectrum: its bin (<paramref name="U"/> across, <paramref name="V"/> down, signed,
/// in bins of a <c>n×n</c> transform) and how far it stands above its surroundings, in decibels.
/// </summary>
public readonly record struct SpectralPeak(int U, int V, double Decibels)
{
    // Neighbours 3–5 bins away: outside the main lobe of a Hann-windowed sinusoid (±2 bins).
    private const int Near = 3;
    private const int Far = 5;
    /// <summary>How far from a bin its prominence looks.</summary>
    public const int Reach = Far;
    private const int Directions = 8;
    private static readonly (int X, int Y)[][] Offsets = Enumerable.Range(0, Directions)
        .Select(k => Enumerable.Range(Near, Far - Near + 1)
            .Select(d => ((int)Math.Round(d * Math.Cos(Math.PI * k / Directions)), (int)Math.Round(d * Math.Sin(Math.PI * k / Directions))))
            .ToArray())
        .ToArray();

    /// <summary>Pixels per cycle of the peak (0 for no peak).</summary>
    public double Period(int n) => U == 0 && V == 0 ? 0 : n / Math.Sqrt(U * U + V * V);

    /// <summary>
    /// Prominence of bin (<paramref name="u"/>, <paramref name="v"/>) in a log10 power spectrum (row-major, <c>n×n</c>,
    /// unshifted): its value minus the brightest of eight directional neighbourhoods. A periodic pattern gives a
    /// point that stands above all of them; an edge gives a line through the origin, which is as bright along its
    /// own direction and so does not stand out.
    /// </summary>
    public static double Prominence(float[] log10Power, int n, int u, int v)
    {
        var brightest = double.MinValue;
        foreach (var direction in Offsets)
        {
            double sum = 0;
            foreach (var (ox, oy) in direction)
                sum += At(log10Power, n, u + ox, v + oy) + At(log10Power, n, u - ox, v - oy);
            brightest = Math.Max(brightest, sum / (2 * direction.Length));
        }
        return 10 * (At(log10Power, n, u, v) - brightest);
    }

    /// <summary>
    /// The most prominent local maximum of the half plane whose frequency lies in [<paramref name="minCyclesPerPixel"/>,
    /// 0.5] (the corners beyond, diagonal frequencies above Nyquist's circle, hold demosaicing and resampling
    /// checkerboards), skipping the bins <paramref name="skip"/> names.
    /// </summary>
    public static SpectralPeak Strongest(float[] log10Power, int n, double minCyclesPerPixel, Func<int, int, bool> skip) =>
        // An empty band (never with the bands used here) reads as no peak, 0 dB.
        Maxima(log10Power, n, minCyclesPerPixel, skip).Aggregate(new SpectralPeak(0, 0, 0), (best, p) => p.Decibels > best.Decibels ? p : best);

    /// <summary>Every local maximum of that band standing above its surroundings (over 0 dB), in no particular order.</summary>
    public static IEnumerable<SpectralPeak> Maxima(float[] log10Power, int n, double minCyclesPerPixel, Func<int, int, bool> skip)
    {
        var (minRadius, maxRadius) = (minCyclesPerPixel * n, n / 2.0);
        for (var v = 0; v <= n / 2; v++)
        for (var u = -n / 2 + 1; u <= n / 2; u++)
        {
            var radius2 = u * u + v * v;
            if (radius2 < minRadius * minRadius || radius2 > maxRadius * maxRadius || skip(u, v) || !IsLocalMaximum(log10Power, n, u, v))
                continue;
            var db = Prominence(log10Power, n, u, v);
            if (db > 0)
                yield return new SpectralPeak(u, v, db);
        }
    }

    private static bool IsLocalMaximum(float[] log10Power, int n, int u, int v)
    {
        var value = At(log10Power, n, u, v);
        for (var dy = -1; dy <= 1; dy++)
        for (var dx = -1; dx <= 1; dx++)
            if ((dx != 0 || dy != 0) && At(log10Power, n, u + dx, v + dy) > value)
                return false;
        return true;
    }

    /// <summary>The spectrum is periodic: negative and overflowing bins wrap.</summary>
    private static float At(float[] spectrum, int n, int u, int v) => spectrum[(v & (n - 1)) * n + (u & (n - 1))];
}
