namespace Ekyc.Verification.Ocr;

/// <summary>
/// The angle at which a page's text runs: the median angle of the detected regions that are clearly lines (several
/// times as wide as high), each counted by its width, so a long line outweighs a short label and a stray blob none.
/// </summary>
public static class TextSkew
{
    private const float MinElongation = 3f;

    /// <summary>Degrees, clockwise (image y down); 0 when no region is a line.</summary>
    public static float Of(IEnumerable<TextRegion> regions)
    {
        var lines = regions.Select(r => r.Box).Where(b => b.Width >= MinElongation * b.Height).OrderBy(b => Folded(b.Angle)).ToList();
        var half = lines.Sum(b => b.Width) / 2;
        foreach (var box in lines)
        {
            half -= box.Width;
            if (half <= 0)
                return Folded(box.Angle);
        }
        return 0;
    }

    /// <summary>
    /// Text at <paramref name="angle"/> (<see cref="Of"/>) runs up or down the picture: the page was photographed a
    /// quarter turn round.
    /// </summary>
    public static bool RunsSideways(float angle) => MathF.Abs(angle) >= SidewaysDegrees;

    private const float SidewaysDegrees = 45f;

    /// <summary>The angle of a line as −90…90: a line at 175° runs as one at −5°.</summary>
    private static float Folded(float angle)
    {
        var a = angle % 180;
        return a > 90 ? a - 180 : a < -90 ? a + 180 : a;
    }
}
