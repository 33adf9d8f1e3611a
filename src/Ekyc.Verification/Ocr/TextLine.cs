namespace Ekyc.Verification.Ocr;

/// <summary>Detected regions that lie on one line of text (same angle, same baseline), and their enclosing box.</summary>
public sealed record TextLine(RotatedBox Box, IReadOnlyList<TextRegion> Regions)
{
    private const float MaxAngleDifference = 4f;

    /// <summary>
    /// Groups regions into lines: MRZ lines break into several regions at runs of <c>&lt;</c>, so a region joins a
    /// line when its angle and height agree and its centre lies within half a line height of the line's axis.
    /// </summary>
    public static IReadOnlyList<TextLine> Group(IEnumerable<TextRegion> regions)
    {
        var groups = new List<List<TextRegion>>();
        foreach (var region in regions.OrderBy(r => r.Box.CenterX))
        {
            var home = groups.FirstOrDefault(g => Fits(g, region.Box));
            if (home is null)
                groups.Add([region]);
            else
                home.Add(region);
        }
        return groups.Select(g =>
        {
            var angle = g.Sum(r => r.Box.Angle * r.Box.Width) / g.Sum(r => r.Box.Width);
            return new TextLine(RotatedBox.Enclosing(g.SelectMany(r => r.Box.Corners()), angle), g);
        }).ToList();
    }

    private static bool Fits(List<TextRegion> line, RotatedBox box)
    {
        var anchor = line.MaxBy(r => r.Box.Width)!.Box;
        if (MathF.Abs(anchor.Angle - box.Angle) > MaxAngleDifference)
            return false;
        var ratio = box.Height / anchor.Height;
        if (ratio is < 0.55f or > 1.8f)
            return false;
        var (ux, uy) = anchor.Along;
        var offset = MathF.Abs(-(box.CenterX - anchor.CenterX) * uy + (box.CenterY - anchor.CenterY) * ux);
        return offset < 0.5f * anchor.Height;
    }
}
