using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>Pose and sharpness measures computed from landmarks and the aligned face.</summary>
internal static class FaceQuality
{
    /// <summary>
    /// Yaw proxy: how far the nose tip sits from the middle of the jaw line, (d_left − d_right)/(d_left + d_right)
    /// between the nose and jaw points 2 and 14: about ±0.3 for a three-quarter view, ±1 for a full profile.
    /// </summary>
    public static double Yaw(FaceLandmarks landmarks)
    {
        var nose = landmarks[30];
        var left = Distance(nose, landmarks[2]);
        var right = Distance(nose, landmarks[14]);
        var sum = left + right;
        return sum <= 0 ? 0 : (left - right) / sum;
    }

    public static double RollDegrees(FaceLandmarks landmarks)
    {
        var five = landmarks.FivePoints();
        return Math.Atan2(five[1].Y - five[0].Y, five[1].X - five[0].X) * 180 / Math.PI;
    }

    /// <summary>Variance of the 4-neighbour Laplacian over the inner face (the aligned crop's border is background).</summary>
    public static double Sharpness(SKBitmap aligned, float[] grey)
    {
        TensorFill.Grey(aligned, grey, 1f);
        var size = aligned.Width;
        const int margin = 20;
        double sum = 0, sumSq = 0;
        var n = 0;
        for (var y = margin; y < size - margin; y++)
        {
            for (var x = margin; x < size - margin; x++)
            {
                var i = y * size + x;
                double lap = grey[i - 1] + grey[i + 1] + grey[i - size] + grey[i + size] - 4 * grey[i];
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }
        var mean = sum / n;
        return sumSq / n - mean * mean;
    }

    private static double Distance(SKPoint a, SKPoint b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
