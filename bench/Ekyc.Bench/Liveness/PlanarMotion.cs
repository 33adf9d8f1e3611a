using Ekyc.Synthetic.Liveness;
using SkiaSharp;

namespace Ekyc.Bench.Liveness;

/// <summary>
/// A flat picture moved before the camera (<see cref="FlatPicture"/>) as JPEG frames, and a frame's mirror image.
/// </summary>
public static class PlanarMotion
{
    public static byte[] Tilt(byte[] jpeg, SKPoint centre, double yawDegrees, double pitchDegrees, double scale, int quality = 90)
    {
        using var source = SKBitmap.Decode(jpeg);
        using var output = FlatPicture.Tilt(source, centre, yawDegrees, pitchDegrees, scale);
        return Framing.Jpeg(output, quality);
    }

    /// <summary>The frame flipped left to right.</summary>
    public static byte[] Mirror(byte[] jpeg)
    {
        using var source = SKBitmap.Decode(jpeg);
        using var image = SKImage.FromBitmap(source);
        using var output = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(output))
        {
            canvas.SetMatrix(new SKMatrix(-1, 0, source.Width, 0, 1, 0, 0, 0, 1));
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        }
        return Framing.Jpeg(output, 92);
    }
}
