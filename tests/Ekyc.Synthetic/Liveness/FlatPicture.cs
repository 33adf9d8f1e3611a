using SkiaSharp;

namespace Ekyc.Synthetic.Liveness;

/// <summary>
/// A flat picture (a print, or a phone or tablet screen) turned before the camera about a vertical or horizontal axis
/// through the face, seen by a pinhole camera with a focal length of one frame width, and scaled. Every such view is a
/// homography of the original, so these are attack frames by construction, never genuine turns.
/// </summary>
public static class FlatPicture
{
    public static SKBitmap Tilt(SKBitmap source, SKPoint centre, double yawDegrees, double pitchDegrees, double scale)
    {
        using var image = SKImage.FromBitmap(source);
        var f = (float)source.Width;
        var (sy, cy) = ((float)Math.Sin(yawDegrees * Math.PI / 180), (float)Math.Cos(yawDegrees * Math.PI / 180));
        var (sp, cp) = ((float)Math.Sin(pitchDegrees * Math.PI / 180), (float)Math.Cos(pitchDegrees * Math.PI / 180));
        // A plane through the face centre turned by yaw about the vertical axis and pitch about the horizontal one:
        // x' = x·cos / (1 + x·sin/f), the same for y with the pitch.
        var turn = new SKMatrix(cy * (float)scale, 0, 0, 0, cp * (float)scale, 0, sy / f, sp / f, 1);
        var matrix = SKMatrix.Concat(SKMatrix.CreateTranslation(centre.X, centre.Y), SKMatrix.Concat(turn, SKMatrix.CreateTranslation(-centre.X, -centre.Y)));
        var output = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(output);
        canvas.Clear(new SKColor(40, 38, 36));
        canvas.SetMatrix(matrix);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKCubicResampler.Mitchell));
        return output;
    }
}
