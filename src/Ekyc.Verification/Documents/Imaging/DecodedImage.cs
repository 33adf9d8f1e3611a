using SkiaSharp;

namespace Ekyc.Verification.Documents.Imaging;

/// <summary>
/// An uploaded image decoded upright (EXIF orientation applied), possibly at a reduced scale; the original size and
/// encoding are kept for the report.
/// </summary>
public sealed class DecodedImage(SKBitmap bitmap, int originalWidth, int originalHeight, string format, SKEncodedOrigin origin) : IDisposable
{
    public SKBitmap Bitmap { get; } = bitmap;
    public int OriginalWidth { get; } = originalWidth;
    public int OriginalHeight { get; } = originalHeight;
    public string Format { get; } = format;
    public SKEncodedOrigin Origin { get; } = origin;
    /// <summary>Decoded width / original width (1 unless a huge image was decoded smaller).</summary>
    public float Scale => (float)Bitmap.Width / (Origin is >= SKEncodedOrigin.LeftTop ? OriginalHeight : OriginalWidth);

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

    public void Dispose() => Bitmap.Dispose();
}

/// <summary>Why an image could not be used.</summary>
public sealed record ImageRejection(string Reason, string Detail);
