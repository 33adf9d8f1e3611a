using Ekyc.Verification.Ocr;

namespace Ekyc.Verification.Documents.Imaging;

/// <summary>
/// Where a page without an MRZ (a TD1 card's front) lies in its photo, found from its print: the detected text regions
/// grouped by nearness, the group with the most ink taken. A card's labels and values stand a line or two apart, while
/// other print in the frame (a receipt on the desk) lies further off, past the card's edge and the desk between.
/// </summary>
/// <param name="Corners">The corners of the group's regions, in image pixels.</param>
/// <param name="Width">The group's extent along its text, in pixels.</param>
/// <param name="Height">The group's extent across its text, in pixels.</param>
internal sealed record PrintedArea(IReadOnlyList<(float X, float Y)> Corners, float Width, float Height)
{
    /// <summary>Regions whose boxes lie within this many text heights (the taller of the two) of each other are one group.</summary>
    private const float Link = 2.5f;

    /// <summary>The largest group of <paramref name="regions"/>, measured along <paramref name="angle"/>; null when there are none.</summary>
    public static PrintedArea? Largest(IReadOnlyList<TextRegion> regions, float angle)
    {
        if (regions.Count == 0)
            return null;
        var bounds = regions.Select(r => Bounds(r.Box)).ToArray();
        var group = Enumerable.Range(0, regions.Count).ToArray();
        int Root(int i) => group[i] == i ? i : group[i] = Root(group[i]);
        for (var i = 0; i < regions.Count; i++)
            for (var j = i + 1; j < regions.Count; j++)
                if (Gap(bounds[i], bounds[j]) <= Link * Math.Max(regions[i].Box.Height, regions[j].Box.Height))
                    group[Root(i)] = Root(j);
        var largest = Enumerable.Range(0, regions.Count).GroupBy(Root)
            .MaxBy(g => g.Sum(i => regions[i].Box.Width * regions[i].Box.Height))!;
        var corners = largest.SelectMany(i => regions[i].Box.Corners()).ToList();
        var extent = RotatedBox.Enclosing(corners, angle);
        return new PrintedArea(corners, extent.Width, extent.Height);
    }

    /// <summary>The longer of the group's extents as a share of the image's longer side.</summary>
    public float ShareOf(int width, int height) => Math.Max(Width, Height) / Math.Max(width, height);

    private static (float Left, float Top, float Right, float Bottom) Bounds(RotatedBox box)
    {
        var corners = box.Corners();
        return (corners.Min(c => c.X), corners.Min(c => c.Y), corners.Max(c => c.X), corners.Max(c => c.Y));
    }

    /// <summary>The distance between two axis-aligned rectangles (0 when they overlap).</summary>
    private static float Gap((float Left, float Top, float Right, float Bottom) a, (float Left, float Top, float Right, float Bottom) b)
    {
        var dx = Math.Max(0, Math.Max(a.Left - b.Right, b.Left - a.Right));
        var dy = Math.Max(0, Math.Max(a.Top - b.Bottom, b.Top - a.Bottom));
        return MathF.Sqrt(dx * dx + dy * dy);
    }
}
