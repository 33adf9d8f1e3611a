using SkiaSharp;

namespace Ekyc.Verification.Documents.Glyphs;

/// <summary>Ink (0 white … 1 black) of a bitmap at any point, interpolated bilinearly; outside the image is paper.</summary>
internal sealed class GrayImage
{
    private readonly SKBitmap _bitmap;
    // RGBA and BGRA alike: the weights of red and blue are equal, so the channel order does not matter.
    private readonly bool _direct;
    // Every SKBitmap property asks Skia for the bitmap's layout: asked once, not four times per point sampled.
    private readonly int _width, _height, _rowBytes;

    private GrayImage(SKBitmap bitmap)
    {
        _bitmap = bitmap;
        _direct = bitmap.ColorType is SKColorType.Rgba8888 or SKColorType.Bgra8888;
        (_width, _height, _rowBytes) = (bitmap.Width, bitmap.Height, bitmap.RowBytes);
    }

    public static GrayImage From(SKBitmap bitmap) => new(bitmap);

    /// <summary>The ink at the points of one patch: the pixels are fetched once for all of them.</summary>
    public Points Sampler() => new(this, _direct ? _bitmap.GetPixelSpan() : default);

    /// <summary>A view of the image's pixels while one patch is sampled.</summary>
    public readonly ref struct Points(GrayImage image, ReadOnlySpan<byte> pixels)
    {
        private readonly GrayImage _image = image;
        private readonly ReadOnlySpan<byte> _pixels = pixels;

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
            if (x < 0 || y < 0 || x >= _image._width || y >= _image._height)
                return 1;
            if (!_image._direct)
            {
                var color = _image._bitmap.GetPixel(x, y);
                return (color.Red + 2 * color.Green + color.Blue) / 1020f;
            }
            var at = y * _image._rowBytes + 4 * x;
            return (_pixels[at] + 2 * _pixels[at + 1] + _pixels[at + 2]) / 1020f;
        }
    }
}
