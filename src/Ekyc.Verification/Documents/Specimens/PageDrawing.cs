using SkiaSharp;

namespace Ekyc.Verification.Documents.Specimens;

/// <summary>Drawing steps every specimen design takes alike.</summary>
internal static class PageDrawing
{
    /// <summary>A font file's typeface; throws when it cannot be loaded.</summary>
    public static SKTypeface Typeface(string path) =>
        SKTypeface.FromFile(path) ?? throw new FileNotFoundException($"Font not loadable from {path}.", path);

    /// <summary>A rectangle in mm as pixels, at <paramref name="mm"/> pixels per mm.</summary>
    public static SKRect Pixels(SKRect rectMm, float mm) => new(rectMm.Left * mm, rectMm.Top * mm, rectMm.Right * mm, rectMm.Bottom * mm);

    /// <summary>
    /// Text at a baseline, condensed to <paramref name="room"/> pixels when it is wider: issuers condense a value too long
    /// for its field rather than cut it.
    /// </summary>
    public static void Condensed(SKCanvas canvas, string text, float x, float baseline, SKFont font, SKPaint paint, float room)
    {
        var width = font.MeasureText(text);
        font.ScaleX = width > room ? room / width : 1;
        canvas.DrawText(text, x, baseline, SKTextAlign.Left, font, paint);
        font.ScaleX = 1;
    }
}
