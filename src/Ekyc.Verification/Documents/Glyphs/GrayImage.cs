using SkiaSharp;

namespace Ekyc.Verification.Documents.Glyphs;

/// <summary>Ink (0 white … 1 black) of a bitmap at any point, interpolated bilinearly; outside the image is paper.</summary>
internal sealed class GrayImage(SKBitmap bitmap)
{
    // RGBA and BGRA alike: the weights of red and blue are equal, so the channel order does not matter.
    private readonly bool _direct = bitmap.ColorType is SKColorType.Rgba8888 or SKColorType.Bgra8888;

    public static GrayImage From(SKBitmap bitmap) => new(bitmap);

    public float Ink(float x, float y)
    {
        var (x0, y0) = ((int)MathF.Floor(x - 0.5f), (int)MathF.Floor(y - 0.5f));
        var (fx, fy) = (x - 0.5f - x0, y - 0.5f - y0);
        var top = Pixel(x0, y0) * (1 - fx) + Pixel(x0 + 1, y0) * fx;
        var bottom = Pixel(x0, y0 + 1) * (1 - fx) + Pixel(x0 + 1, y0 + 1) * fx;
        return 1 - (top * (1 - fy) + bottom * fy);
    }

    /// <summary>Luma in 0…1.</summary>
    private float Pixel(int x, int y)
    {
        if (x < 0 || y < 0 || x >= bitmap.Width || y >= bitmap.Height)
            return 1;
        if (!_direct)
        {
            var color = bitmap.GetPixel(x, y);
            return (color.Red + 2 * color.Green + color.Blue) / 1020f;
        }
        var span = bitmap.GetPixelSpan();
        var at = y * bitmap.RowBytes + 4 * x;
        return (span[at] + 2 * span[at + 1] + span[at + 2]) / 1020f;
    }
}
