using SkiaSharp;

namespace Ekyc.Bench.Liveness;

/// <summary>
/// Puts a face where a selfie camera would: the face box <c>faceFraction</c> of the frame height, near the centre, the
/// window never leaving the photo (a fill beyond its edge is a frame around a picture: exactly what an anti-spoof model
/// looks for). A photo cropped tight to the face therefore gives a face bigger than asked for.
/// </summary>
public static class Framing
{
    /// <summary>The framed picture and where the face box landed in it.</summary>
    public static (SKBitmap Frame, SKRect Face) Frame(PortraitSource source, int width, int height, double faceFraction, Random random)
    {
        var face = source.Face;
        var photo = source.Photo;
        var aspect = (double)width / height;
        var sourceHeight = Math.Min(face.Height / faceFraction, Math.Min(photo.Height, photo.Width / aspect));
        var sourceWidth = sourceHeight * aspect;
        var cx = face.MidX + (random.NextDouble() - 0.5) * 0.1 * sourceWidth;
        var cy = face.MidY + (random.NextDouble() - 0.5) * 0.1 * sourceHeight;
        var left = Math.Clamp(cx - sourceWidth / 2, 0, photo.Width - sourceWidth);
        var top = Math.Clamp(cy - sourceHeight / 2, 0, photo.Height - sourceHeight);

        var frame = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(frame);
        using var image = SKImage.FromBitmap(photo);
        var scale = (float)(width / sourceWidth);
        var map = SKMatrix.Concat(SKMatrix.CreateScale(scale, scale), SKMatrix.CreateTranslation((float)-left, (float)-top));
        canvas.SetMatrix(map);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKCubicResampler.Mitchell));
        return (frame, map.MapRect(face));
    }

    public static double Uniform(Random random, double min, double max) => min + (max - min) * random.NextDouble();

    public static byte[] Jpeg(SKBitmap bitmap, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
