using SkiaSharp;

namespace Ekyc.Verification.Faces.Active;

/// <summary>
/// Least-squares plane-to-plane projective map (8 parameters, h33 = 1) between matching point sets, on points
/// normalised to zero mean and unit spread (Hartley) so the normal equations stay well conditioned.
/// </summary>
public sealed class Homography
{
    private readonly double[] _h;

    private Homography(double[] h) => _h = h;

    /// <summary>Where the map sends a point.</summary>
    public SKPoint Map(SKPoint p)
    {
        var w = _h[6] * p.X + _h[7] * p.Y + _h[8];
        return new SKPoint((float)((_h[0] * p.X + _h[1] * p.Y + _h[2]) / w), (float)((_h[3] * p.X + _h[4] * p.Y + _h[5]) / w));
    }

    /// <summary>The best map in the least-squares sense, or null for fewer than four points or a degenerate set.</summary>
    public static Homography? Fit(ReadOnlySpan<SKPoint> source, ReadOnlySpan<SKPoint> target)
    {
        if (source.Length != target.Length || source.Length < 4)
            return null;
        var (ns, ts) = (Normaliser(source), Normaliser(target));
        // Each pair gives two linear equations in h11..h32: the classic DLT rows with h33 fixed at 1.
        var ata = new double[8, 8];
        var atb = new double[8];
        Span<double> row = stackalloc double[8];
        for (var i = 0; i < source.Length; i++)
        {
            var (x, y) = ns.Apply(source[i]);
            var (u, v) = ts.Apply(target[i]);
            row.Clear();
            (row[0], row[1], row[2], row[6], row[7]) = (x, y, 1, -u * x, -u * y);
            Accumulate(ata, atb, row, u);
            row.Clear();
            (row[3], row[4], row[5], row[6], row[7]) = (x, y, 1, -v * x, -v * y);
            Accumulate(ata, atb, row, v);
        }
        if (Solve(ata, atb) is not { } p)
            return null;
        // H = T_target⁻¹ · Hn · T_source.
        double[] hn = [p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], 1];
        var h = Multiply(ts.Inverse(), Multiply(hn, ns.Matrix()));
        return Math.Abs(h[8]) < 1e-12 ? null : new Homography(h.Select(c => c / h[8]).ToArray());
    }

    private static void Accumulate(double[,] ata, double[] atb, ReadOnlySpan<double> row, double rhs)
    {
        for (var r = 0; r < 8; r++)
        {
            if (row[r] == 0)
                continue;
            atb[r] += row[r] * rhs;
            for (var c = 0; c < 8; c++)
                ata[r, c] += row[r] * row[c];
        }
    }

    /// <summary>Gaussian elimination with partial pivoting; null when singular.</summary>
    private static double[]? Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                    pivot = r;
            if (Math.Abs(a[pivot, col]) < 1e-12)
                return null;
            if (pivot != col)
            {
                for (var c = 0; c < n; c++)
                    (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
                (b[col], b[pivot]) = (b[pivot], b[col]);
            }
            for (var r = col + 1; r < n; r++)
            {
                var f = a[r, col] / a[col, col];
                for (var c = col; c < n; c++)
                    a[r, c] -= f * a[col, c];
                b[r] -= f * b[col];
            }
        }
        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = b[r];
            for (var c = r + 1; c < n; c++)
                s -= a[r, c] * x[c];
            x[r] = s / a[r, r];
        }
        return x;
    }

    private static double[] Multiply(double[] a, double[] b)
    {
        var m = new double[9];
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++)
                m[r * 3 + c] = a[r * 3] * b[c] + a[r * 3 + 1] * b[3 + c] + a[r * 3 + 2] * b[6 + c];
        return m;
    }

    private static Similarity Normaliser(ReadOnlySpan<SKPoint> points)
    {
        double mx = 0, my = 0;
        foreach (var p in points)
            (mx, my) = (mx + p.X, my + p.Y);
        (mx, my) = (mx / points.Length, my / points.Length);
        double spread = 0;
        foreach (var p in points)
            spread += Math.Sqrt((p.X - mx) * (p.X - mx) + (p.Y - my) * (p.Y - my));
        spread /= points.Length;
        return new Similarity(mx, my, spread < 1e-9 ? 1 : Math.Sqrt(2) / spread);
    }

    /// <summary>Translate by −mean, then scale: the normalising transform and its inverse.</summary>
    private readonly record struct Similarity(double Mx, double My, double Scale)
    {
        public (double X, double Y) Apply(SKPoint p) => ((p.X - Mx) * Scale, (p.Y - My) * Scale);

        public double[] Matrix() => [Scale, 0, -Scale * Mx, 0, Scale, -Scale * My, 0, 0, 1];

        public double[] Inverse() => [1 / Scale, 0, Mx, 0, 1 / Scale, My, 0, 0, 1];
    }
}
