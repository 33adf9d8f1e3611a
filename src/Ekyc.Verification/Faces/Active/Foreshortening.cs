using SkiaSharp;

namespace Ekyc.Verification.Faces.Active;

/// <summary>
/// How much narrower a face is in one frame than in another relative to its height: the least-squares affine map of
/// the 68 points, its stretch along the first frame's eye line over its stretch across it. A flat picture turned before
/// the camera narrows as one plane, by about the cosine of its tilt, yet the landmarker reads it as a shallow turn (a
/// picture turned 40° reads a yaw change of 0.06–0.24); a real head barely narrows before it turns far (its outline is
/// its silhouette, its sides recede), and a nod or a blink shortens the face, which reads above 1, not narrower.
/// </summary>
public static class Foreshortening
{
    /// <summary>1 for the same proportions; under 1 as the face narrows along its eye line, over 1 as it shortens across it.</summary>
    public static double Ratio(FaceLandmarks from, FaceLandmarks to)
    {
        var (mx, my) = Mean(from.Points);
        var (nx, ny) = Mean(to.Points);
        // Normal equations of the linear part t − t̄ = A (s − s̄), one row of A per target coordinate.
        double sxx = 0, sxy = 0, syy = 0, uxx = 0, uxy = 0, vyx = 0, vyy = 0;
        for (var i = 0; i < from.Points.Count; i++)
        {
            double x = from[i].X - mx, y = from[i].Y - my, u = to[i].X - nx, v = to[i].Y - ny;
            (sxx, sxy, syy) = (sxx + x * x, sxy + x * y, syy + y * y);
            (uxx, uxy, vyx, vyy) = (uxx + u * x, uxy + u * y, vyx + v * x, vyy + v * y);
        }
        var det = sxx * syy - sxy * sxy;
        if (det <= 1e-9)
            return 1;
        // A = [Σux Σuy; Σvx Σvy] · [Σxx Σxy; Σxy Σyy]⁻¹
        var (a, b) = ((uxx * syy - uxy * sxy) / det, (uxy * sxx - uxx * sxy) / det);
        var (c, d) = ((vyx * syy - vyy * sxy) / det, (vyy * sxx - vyx * sxy) / det);
        var eyes = from.FivePoints();
        var length = Math.Sqrt(Square(eyes[1].X - eyes[0].X) + Square(eyes[1].Y - eyes[0].Y));
        if (length < 1e-9)
            return 1;
        var (ex, ey) = ((eyes[1].X - eyes[0].X) / length, (eyes[1].Y - eyes[0].Y) / length);
        var along = Math.Sqrt(Square(a * ex + b * ey) + Square(c * ex + d * ey));
        var across = Math.Sqrt(Square(-a * ey + b * ex) + Square(-c * ey + d * ex));
        return across < 1e-9 ? 1 : along / across;
    }

    private static (double X, double Y) Mean(IReadOnlyList<SKPoint> points)
    {
        double x = 0, y = 0;
        foreach (var p in points)
            (x, y) = (x + p.X, y + p.Y);
        return (x / points.Count, y / points.Count);
    }

    private static double Square(double x) => x * x;
}
