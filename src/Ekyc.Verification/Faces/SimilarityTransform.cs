using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>
/// Least-squares 2-D similarity (rotation, uniform scale, translation; no reflection) mapping source points
/// onto target points: the closed form of Umeyama's method for the plane.
/// </summary>
public static class SimilarityTransform
{
    public static SKMatrix Estimate(ReadOnlySpan<SKPoint> source, ReadOnlySpan<SKPoint> target)
    {
        if (source.Length != target.Length || source.Length < 2)
            throw new ArgumentException("Need at least two matching point pairs.");
        double sx = 0, sy = 0, tx = 0, ty = 0;
        for (var i = 0; i < source.Length; i++)
        {
            sx += source[i].X; sy += source[i].Y;
            tx += target[i].X; ty += target[i].Y;
        }
        var n = source.Length;
        sx /= n; sy /= n; tx /= n; ty /= n;
        double dot = 0, cross = 0, norm = 0;
        for (var i = 0; i < n; i++)
        {
            double px = source[i].X - sx, py = source[i].Y - sy;
            double qx = target[i].X - tx, qy = target[i].Y - ty;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        if (norm < 1e-9)
            return SKMatrix.Identity;
        var a = dot / norm;
        var b = cross / norm;
        // x' = a·x − b·y + tx', y' = b·x + a·y + ty', with the translation taking the source mean to the target mean.
        var transX = tx - (a * sx - b * sy);
        var transY = ty - (b * sx + a * sy);
        return new SKMatrix((float)a, (float)-b, (float)transX, (float)b, (float)a, (float)transY, 0, 0, 1);
    }
}
