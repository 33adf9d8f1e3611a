using SkiaSharp;

namespace Ekyc.Bench.Liveness;

/// <summary>
/// A webcam's take of a framed scene: exposure and gamma off by a little, a colour cast, light from one side, sensor
/// noise and JPEG 70–95. What a genuine selfie upload looks like; masks and paintings go through it too.
/// </summary>
public static class WebcamCapture
{
    public static byte[] Capture(SKBitmap frame, Random random)
    {
        var gain = Framing.Uniform(random, 0.7, 1.25);
        var gamma = Framing.Uniform(random, 0.8, 1.25);
        double[] tint = [Framing.Uniform(random, 0.92, 1.08), 1, Framing.Uniform(random, 0.9, 1.08)];
        var side = Framing.Uniform(random, -0.2, 0.2);
        var noise = Framing.Uniform(random, 0.5, 2);
        var quality = (int)Framing.Uniform(random, 70, 96);

        using var shot = frame.Copy(SKColorType.Rgba8888);
        var pixels = shot.GetPixelSpan();
        var width = shot.Width;
        for (var i = 0; i < shot.Width * shot.Height; i++)
        {
            var light = gain * (1 + side * ((i % width) / (double)width - 0.5));
            // A webcam's pipeline denoises chroma; what is left is luma grain, the same on the three channels.
            var grain = Gaussian(random) * noise;
            for (var c = 0; c < 3; c++)
            {
                var v = Math.Pow(pixels[4 * i + c] / 255.0, gamma) * light * tint[c];
                pixels[4 * i + c] = (byte)Math.Clamp(255 * v + grain, 0, 255);
            }
        }
        return Framing.Jpeg(shot, quality);
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
