using SkiaSharp;

namespace Ekyc.Bench.Liveness;

/// <summary>
/// A flat picture moved before the camera: the frame turned about a vertical or horizontal axis through the face
/// (perspective with a focal length of one frame width), shifted and scaled. Every such view is a homography of the
/// original, so these are attack sequences by construction, never genuine turns.
/// </summary>
public static class PlanarMotion
{
    public static byte[] Tilt(byte[] jpeg, SKPoint centre, double yawDegrees, double pitchDegrees, double scale, int quality = 90)
    {
        using var source = SKBitmap.Decode(jpeg);
        using var image = SKImage.FromBitmap(source);
        var f = (float)source.Width;
        var (sy, cy) = ((float)Math.Sin(yawDegrees * Math.PI / 180), (float)Math.Cos(yawDegrees * Math.PI / 180));
        var (sp, cp) = ((float)Math.Sin(pitchDegrees * Math.PI / 180), (float)Math.Cos(pitchDegrees * Math.PI / 180));
        // A plane through the face centre turned by yaw about the vertical axis and pitch about the horizontal one, seen
        // by a pinhole camera: x' = x·cos / (1 + x·sin/f), the same for y with the pitch.
        var turn = new SKMatrix(cy * (float)scale, 0, 0, 0, cp * (float)scale, 0, sy / f, sp / f, 1);
        var matrix = SKMatrix.Concat(SKMatrix.CreateTranslation(centre.X, centre.Y), SKMatrix.Concat(turn, SKMatrix.CreateTranslation(-centre.X, -centre.Y)));
        using var output = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(output))
        {
            canvas.Clear(new SKColor(40, 38, 36));
            canvas.SetMatrix(matrix);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
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
