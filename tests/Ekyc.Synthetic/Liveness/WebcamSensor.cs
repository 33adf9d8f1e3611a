using System.Runtime.InteropServices;
using SkiaSharp;

namespace Ekyc.Synthetic.Liveness;

/// <summary>What a webcam adds to each frame: a small hand or head shift, exposure gain, sensor noise and JPEG.</summary>
public static class WebcamSensor
{
    public static byte[] Frame(SKBitmap scene, double gain, Random random)
    {
        using var moved = new SKBitmap(new SKImageInfo(scene.Width, scene.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(moved))
        using (var image = SKImage.FromBitmap(scene))
        {
            // The person drifts by about a percent and tilts by a degree or two between frames: a similarity, so it
            // adds nothing a homography would not explain. The strip that comes into view repeats the scene's border
            // (the room goes on) rather than enlarging the scene: an enlargement cut into tight crops whose face
            // already touches the border, which a capture page never sends (its oval keeps the head inside the frame),
            // and the face box then jumped (sean_guru2_crop's reference frame read 0.02–0.55 against the
            // identity's other photo, 0.49–0.54 unenlarged).
            var (cx, cy) = (scene.Width / 2f, scene.Height / 2f);
            var drift = SKMatrix.CreateTranslation(cx + (float)(Uniform(random, -0.01, 0.01) * scene.Width), cy + (float)(Uniform(random, -0.01, 0.01) * scene.Height));
            var move = SKMatrix.CreateTranslation(-cx, -cy)
                .PostConcat(SKMatrix.CreateRotationDegrees((float)Uniform(random, -1.5, 1.5)))
                .PostConcat(drift);
            using var paint = new SKPaint { Shader = image.ToShader(SKShaderTileMode.Clamp, SKShaderTileMode.Clamp, new SKSamplingOptions(SKFilterMode.Linear), move) };
            canvas.DrawRect(SKRect.Create(scene.Width, scene.Height), paint);
        }
        var sigma = Uniform(random, 2, 5);
        var frameGain = gain * Uniform(random, 0.97, 1.03);
        var pixels = moved.GetPixelSpan().ToArray();
        for (var i = 0; i < pixels.Length; i += 4)
            for (var c = 0; c < 3; c++)
                pixels[i + c] = (byte)Math.Clamp(pixels[i + c] * frameGain + Gaussian(random) * sigma, 0, 255);
        Marshal.Copy(pixels, 0, moved.GetPixels(), pixels.Length);
        using var encoded = SKImage.FromBitmap(moved);
        using var data = encoded.Encode(SKEncodedImageFormat.Jpeg, random.Next(78, 93));
        return data.ToArray();
    }

    internal static double Uniform(Random random, double min, double max) => min + (max - min) * random.NextDouble();

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
