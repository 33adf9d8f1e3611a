using SkiaSharp;

namespace Ekyc.Verification.Faces.Active;

/// <summary>
/// How far the landmark motion between two frames is from a single plane's. A flat photo or a screen moved, tilted or
/// bent a little in front of the camera moves all 68 points by one homography; a real head turn does not: the nose
/// tip swings across the face while the outline and the eyes move less (parallax of points at different depths).
/// The residual is the RMS distance between the second frame's points and the first frame's mapped by the
/// least-squares homography, in units of the inter-ocular distance, after dropping the worst tenth of the points
/// (one misplaced landmark should not make a photo look 3-D) and refitting.
/// </summary>
public static class MotionParallax
{
    private const double TrimmedShare = 0.1;

    public static double Residual(FaceLandmarks from, FaceLandmarks to)
    {
        var source = from.Points.ToArray();
        var target = to.Points.ToArray();
        var five = from.FivePoints();
        var interOcular = Math.Max(1, Distance(five[0], five[1]));
        var errors = Errors(source, target);
        if (errors is null)
            return 0;
        var keep = Enumerable.Range(0, source.Length).OrderBy(i => errors[i]).Take((int)Math.Ceiling(source.Length * (1 - TrimmedShare))).ToArray();
        var refit = Errors([.. keep.Select(i => source[i])], [.. keep.Select(i => target[i])]);
        if (refit is null)
            return 0;
        return Math.Sqrt(refit.Average(e => e * e)) / interOcular;
    }

    /// <summary>Each point's distance from where the best homography puts it; null when no homography fits.</summary>
    private static double[]? Errors(SKPoint[] source, SKPoint[] target)
    {
        var map = Homography.Fit(source, target);
        return map is null ? null : source.Select((p, i) => Distance(map.Map(p), target[i])).ToArray();
    }

    private static double Distance(SKPoint a, SKPoint b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
