using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Ocr;

namespace Ekyc.Verification.Documents.Imaging;

/// <summary>
/// Where the document lies in the image, found from its MRZ: ICAO 9303 fixes each format's size against its MRZ
/// (characters at 2.54 mm pitch, the lines centred across the page, the last one a few millimetres above the bottom
/// edge), so the MRZ lines read give the page's scale, angle and position without looking for its edges.
/// </summary>
/// <param name="Corners">The page's corners in image pixels: top-left, top-right, bottom-right, bottom-left.</param>
/// <param name="Angle">The angle the page's MRZ runs at, degrees clockwise.</param>
internal sealed record PageOutline(IReadOnlyList<(float X, float Y)> Corners, float Angle, float Width, float Height)
{
    private const float PitchMm = 2.54f;

    /// <summary>The bottom MRZ line's centre above the page's bottom edge (ICAO: its baseline 2–5 mm up, plus half its height).</summary>
    private const float BottomLineMm = 4.5f;

    /// <summary>cos 45°: an MRZ running closer to the picture's vertical than this is read sideways.</summary>
    private const float MaxSidewaysCos = 0.7071f;

    /// <summary>The outline of a page whose MRZ of <paramref name="format"/> lies in <paramref name="lines"/>; null for a format of no fixed size.</summary>
    public static PageOutline? FromMrz(IReadOnlyList<RotatedBox> lines, MrzFormat format)
    {
        if (lines.Count == 0 || Size(format) is not { } size)
            return null;
        var (widthMm, heightMm, chars) = size;
        var widest = lines.MaxBy(l => l.Width);
        var (ux, uy) = widest.Along;
        // A line running up or down the picture (a page photographed sideways, read as it came) leaves no side for the
        // page's "down": such a page is read as it is rather than cut out on a guess.
        if (MathF.Abs(ux) < MaxSidewaysCos)
            return null;
        // A line's box may run either way along its text: the page's "down" is the one pointing down the image.
        if (ux < 0)
            (ux, uy) = (-ux, -uy);
        var (vx, vy) = (-uy, ux);
        var perMm = widest.Width / (chars * PitchMm);
        var along = lines.Average(l => l.CenterX * ux + l.CenterY * uy);
        var bottom = lines.Max(l => l.CenterX * vx + l.CenterY * vy) + BottomLineMm * perMm;
        var (halfWidth, top) = (widthMm * perMm / 2, bottom - heightMm * perMm);
        (float X, float Y) At(float a, float d) => (a * ux + d * vx, a * uy + d * vy);
        return new PageOutline(
            [At(along - halfWidth, top), At(along + halfWidth, top), At(along + halfWidth, bottom), At(along - halfWidth, bottom)],
            MathF.Atan2(uy, ux) * 180 / MathF.PI, widthMm * perMm, heightMm * perMm);
    }

    /// <summary>The share of an image of <paramref name="width"/> × <paramref name="height"/> pixels the page covers.</summary>
    public float ShareOf(int width, int height) => Width * Height / ((float)width * height);

    /// <summary>Page width and height (mm) and MRZ line length of the ICAO formats; the French 1988 card's MRZ has a pitch of its own.</summary>
    private static (float WidthMm, float HeightMm, int Chars)? Size(MrzFormat format) => format switch
    {
        MrzFormat.Td1 => (85.6f, 53.98f, 30),
        MrzFormat.Td2 => (105f, 74f, 36),
        MrzFormat.Td3 => (125f, 88f, 44),
        MrzFormat.MrvA => (120f, 80f, 44),
        MrzFormat.MrvB => (108f, 80f, 36),
        _ => null,
    };
}
