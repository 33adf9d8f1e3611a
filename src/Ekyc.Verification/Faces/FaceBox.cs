using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>A detected face: its square box in image pixels (clipped to the image) and the detector's score.</summary>
public readonly record struct FaceBox(float Left, float Top, float Right, float Bottom, float Score)
{
    public float Width => Right - Left;
    public float Height => Bottom - Top;
    public float CenterX => (Left + Right) / 2;
    public float CenterY => (Top + Bottom) / 2;
    public float Area => Math.Max(0, Width) * Math.Max(0, Height);
    public SKRect Rect => new(Left, Top, Right, Bottom);

    public float IntersectionOverUnion(FaceBox other)
    {
        var inter = Intersection(other);
        return inter == 0 ? 0 : inter / (Area + other.Area - inter);
    }

    /// <summary>How much of the smaller box lies inside the larger one (1: wholly inside).</summary>
    public float Containment(FaceBox other)
    {
        var smaller = Math.Min(Area, other.Area);
        return smaller <= 0 ? 0 : Intersection(other) / smaller;
    }

    private float Intersection(FaceBox other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(Left, other.Left);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top);
        return w <= 0 || h <= 0 ? 0 : w * h;
    }
}
