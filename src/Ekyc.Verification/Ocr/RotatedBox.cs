namespace Ekyc.Verification.Ocr;

/// <summary>
/// A rectangle at an angle, in image pixels: <see cref="Width"/> runs along the text, <see cref="Angle"/> in degrees
/// (clockwise, image y pointing down).
/// </summary>
public readonly record struct RotatedBox(float CenterX, float CenterY, float Width, float Height, float Angle)
{
    private float Radians => Angle * MathF.PI / 180f;

    /// <summary>Unit vector along the text.</summary>
    public (float X, float Y) Along => (MathF.Cos(Radians), MathF.Sin(Radians));

    /// <summary>The four corners: top-left, top-right, bottom-right, bottom-left (in text orientation).</summary>
    public (float X, float Y)[] Corners()
    {
        var (ux, uy) = Along;
        var (vx, vy) = (-uy, ux);
        var (hw, hh) = (Width / 2, Height / 2);
        return
        [
            (CenterX - ux * hw - vx * hh, CenterY - uy * hw - vy * hh),
            (CenterX + ux * hw - vx * hh, CenterY + uy * hw - vy * hh),
            (CenterX + ux * hw + vx * hh, CenterY + uy * hw + vy * hh),
            (CenterX - ux * hw + vx * hh, CenterY - uy * hw + vy * hh),
        ];
    }

    /// <summary>The smallest box at <paramref name="angle"/> that holds all <paramref name="points"/>.</summary>
    public static RotatedBox Enclosing(IEnumerable<(float X, float Y)> points, float angle)
    {
        var r = angle * MathF.PI / 180f;
        var (ux, uy) = (MathF.Cos(r), MathF.Sin(r));
        float minU = float.MaxValue, maxU = float.MinValue, minV = float.MaxValue, maxV = float.MinValue;
        foreach (var (x, y) in points)
        {
            var u = x * ux + y * uy;
            var v = -x * uy + y * ux;
            minU = MathF.Min(minU, u);
            maxU = MathF.Max(maxU, u);
            minV = MathF.Min(minV, v);
            maxV = MathF.Max(maxV, v);
        }
        var (cu, cv) = ((minU + maxU) / 2, (minV + maxV) / 2);
        return new RotatedBox(cu * ux - cv * uy, cu * uy + cv * ux, maxU - minU, maxV - minV, angle);
    }
}
