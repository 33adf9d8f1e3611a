using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>The 68 iBUG points of a face in image pixels, and the five points used for alignment.</summary>
public sealed class FaceLandmarks
{
    public const int Count = 68;

    public FaceLandmarks(SKPoint[] points)
    {
        if (points.Length != Count)
            throw new ArgumentException($"Expected {Count} points.", nameof(points));
        Points = points;
    }

    public IReadOnlyList<SKPoint> Points { get; }

    public SKPoint this[int index] => Points[index];

    /// <summary>Eye centres (mean of the lid points), nose tip and mouth corners (mean of outer and inner corner).</summary>
    public SKPoint[] FivePoints() =>
    [
        Mean(37, 38, 40, 41),
        Mean(43, 44, 46, 47),
        Points[30],
        Mean(48, 60),
        Mean(54, 64),
    ];

    public SKPoint Mean(params ReadOnlySpan<int> indices)
    {
        float x = 0, y = 0;
        foreach (var i in indices)
        {
            x += Points[i].X;
            y += Points[i].Y;
        }
        return new SKPoint(x / indices.Length, y / indices.Length);
    }
}
