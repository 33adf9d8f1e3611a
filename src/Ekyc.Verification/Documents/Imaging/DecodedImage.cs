using SkiaSharp;

namespace Ekyc.Verification.Documents.Imaging;

/// <summary>
/// An uploaded image decoded upright (EXIF orientation applied), possibly at a reduced scale; the original size and
/// encoding are kept for the report.
/// </summary>
public sealed class DecodedImage(SKBitmap bitmap, int originalWidth, int originalHeight, string format, SKEncodedOrigin origin, float? scale = null) : IDisposable
{
    public SKBitmap Bitmap { get; } = bitmap;
    public int OriginalWidth { get; } = originalWidth;
    public int OriginalHeight { get; } = originalHeight;
    public string Format { get; } = format;
    public SKEncodedOrigin Origin { get; } = origin;
    /// <summary>Decoded width / original width (1 unless a huge image was decoded smaller).</summary>
    /// <remarks>A copy cut out by <see cref="Rotated"/> keeps the scale of the image it was drawn from: it is not resampled.</remarks>
    public float Scale { get; } = scale ?? (float)bitmap.Width / (origin is >= SKEncodedOrigin.LeftTop ? originalHeight : originalWidth);

    /// <summary>A copy turned clockwise by 90, 180 or 270° (same original size and metadata).</summary>
    public DecodedImage Turned(int degrees)
    {
        var sideways = degrees % 180 != 0;
        var turned = new SKBitmap(Bitmap.Info.WithSize(sideways ? Bitmap.Height : Bitmap.Width, sideways ? Bitmap.Width : Bitmap.Height));
        using (var canvas = new SKCanvas(turned))
        {
            canvas.Translate(turned.Width / 2f, turned.Height / 2f);
            canvas.RotateDegrees(degrees);
            canvas.Translate(-Bitmap.Width / 2f, -Bitmap.Height / 2f);
            using var image = SKImage.FromBitmap(Bitmap);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }
        turned.SetImmutable(); // drawn from without copies, as a decoded page is (ImageDecoder)
        return new DecodedImage(turned, OriginalWidth, OriginalHeight, Format, Origin);
    }

    /// <summary>
    /// A copy turned by <paramref name="degrees"/> clockwise about its centre and cut to the rectangle that holds
    /// <paramref name="keep"/> (points of this image) with <paramref name="margin"/> of its size on each side; what lies
    /// outside this image is filled with the mean colour of its border (no new edges to read as text).
    /// </summary>
    public DecodedImage Rotated(float degrees, IReadOnlyCollection<(float X, float Y)> keep, float margin)
    {
        var radians = degrees * MathF.PI / 180;
        var (cos, sin) = (MathF.Cos(radians), MathF.Sin(radians));
        var (cx, cy) = (Bitmap.Width / 2f, Bitmap.Height / 2f);
        var turned = keep.Select(p => (X: (p.X - cx) * cos - (p.Y - cy) * sin, Y: (p.X - cx) * sin + (p.Y - cy) * cos)).ToList();
        var (left, right, top, bottom) = (turned.Min(p => p.X), turned.Max(p => p.X), turned.Min(p => p.Y), turned.Max(p => p.Y));
        var pad = margin * Math.Max(right - left, bottom - top);
        var (width, height) = ((int)MathF.Ceiling(right - left + 2 * pad), (int)MathF.Ceiling(bottom - top + 2 * pad));
        var rotated = new SKBitmap(Bitmap.Info.WithSize(width, height));
        using (var canvas = new SKCanvas(rotated))
        {
            canvas.Clear(BorderColour());
            canvas.Translate(pad - left, pad - top);
            canvas.RotateDegrees(degrees);
            canvas.Translate(-cx, -cy);
            using var image = SKImage.FromBitmap(Bitmap);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        }
        rotated.SetImmutable();
        return new DecodedImage(rotated, OriginalWidth, OriginalHeight, Format, Origin, Scale);
    }

    private SKColor BorderColour()
    {
        long r = 0, g = 0, b = 0, n = 0;
        void Add(int x, int y)
        {
            var c = Bitmap.GetPixel(x, y);
            (r, g, b, n) = (r + c.Red, g + c.Green, b + c.Blue, n + 1);
        }
        for (var x = 0; x < Bitmap.Width; x += 4)
        {
            Add(x, 0);
            Add(x, Bitmap.Height - 1);
        }
        for (var y = 0; y < Bitmap.Height; y += 4)
        {
            Add(0, y);
            Add(Bitmap.Width - 1, y);
        }
        return new SKColor((byte)(r / n), (byte)(g / n), (byte)(b / n));
    }

    public void Dispose() => Bitmap.Dispose();
}

/// <summary>Why an image could not be used.</summary>
public sealed record ImageRejection(string Reason, string Detail);
