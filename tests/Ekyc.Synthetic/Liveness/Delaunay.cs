using SkiaSharp;

namespace Ekyc.Synthetic.Liveness;

/// <summary>Bowyer–Watson Delaunay triangulation of a few hundred points at most (quadratic, fine for a face mesh).</summary>
public static class Delaunay
{
    /// <summary>Triangles as index triples into <paramref name="points"/>.</summary>
    public static IReadOnlyList<(int A, int B, int C)> Triangulate(IReadOnlyList<SKPoint> points)
    {
        var minX = points.Min(p => p.X);
        var minY = points.Min(p => p.Y);
        var span = Math.Max(points.Max(p => p.X) - minX, points.Max(p => p.Y) - minY) + 1;
        // A super-triangle far outside every point; its corners are the last three indices and dropped at the end.
        var all = points.Select(p => (X: (double)p.X, Y: (double)p.Y)).ToList();
        var n = all.Count;
        all.Add((minX - 20 * span, minY - 20 * span));
        all.Add((minX + 40 * span, minY - 20 * span));
        all.Add((minX + span / 2, minY + 40 * span));
        var triangles = new List<(int A, int B, int C)> { (n, n + 1, n + 2) };
        for (var i = 0; i < n; i++)
        {
            var p = all[i];
            var bad = triangles.Where(t => InCircumcircle(all[t.A], all[t.B], all[t.C], p)).ToList();
            // The hole's boundary: edges of exactly one bad triangle.
            var edges = bad.SelectMany(t => new[] { (t.A, t.B), (t.B, t.C), (t.C, t.A) })
                .GroupBy(e => (Math.Min(e.Item1, e.Item2), Math.Max(e.Item1, e.Item2)))
                .Where(g => g.Count() == 1)
                .Select(g => g.Key);
            triangles.RemoveAll(bad.Contains);
            triangles.AddRange(edges.Select(e => (e.Item1, e.Item2, i)));
        }
        return triangles.Where(t => t.A < n && t.B < n && t.C < n).ToList();
    }

    private static bool InCircumcircle((double X, double Y) a, (double X, double Y) b, (double X, double Y) c, (double X, double Y) p)
    {
        var (ax, ay) = (a.X - p.X, a.Y - p.Y);
        var (bx, by) = (b.X - p.X, b.Y - p.Y);
        var (cx, cy) = (c.X - p.X, c.Y - p.Y);
        var det = (ax * ax + ay * ay) * (bx * cy - cx * by) - (bx * bx + by * by) * (ax * cy - cx * ay) + (cx * cx + cy * cy) * (ax * by - bx * ay);
        // The sign depends on the triangle's orientation.
        var orientation = (b.X - a.X) * (c.Y - a.Y) - (b.Y - a.Y) * (c.X - a.X);
        return orientation > 0 ? det > 0 : det < 0;
    }
}
