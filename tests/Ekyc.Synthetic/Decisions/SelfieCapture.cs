using Ekyc.Synthetic.Capture;
using SkiaSharp;
using static Ekyc.Synthetic.Decisions.DocumentCapture;

namespace Ekyc.Synthetic.Decisions;

/// <summary>
/// Turns a photo of a person into the selfie the server receives: a webcam frame (resized, exposure, sensor noise,
/// JPEG), or a replay attack: the photo printed on paper, or shown on a screen, and photographed by the simulated
/// phone camera (the same model the screen-recapture tests use).
/// </summary>
public static class SelfieCapture
{
    public static byte[] Render(byte[] photo, SelfieKind kind, Random random, int seed)
    {
        using var source = Decode(photo);
        // The frame's longer side, as a webcam or a phone front camera would send it.
        var target = Uniform(random, 420, 680);
        return kind switch
        {
            SelfieKind.Webcam => Webcam(source, target, random, seed, 70, 91),
            SelfieKind.PrintReplay => PrintReplay(source, target, random, seed),
            SelfieKind.ScreenReplay => ScreenReplay(source, target, random, seed),
            SelfieKind.ScreenReplayFine => CarefulReplay.Screen(source, random, seed),
            SelfieKind.ScreenReplayDefocused => CarefulReplay.DefocusedScreen(source, random, seed),
            SelfieKind.PrintPhotoPaper => CarefulReplay.Print(source, random, seed),
            SelfieKind.WebcamFramed => CarefulReplay.Webcam(source, random, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>A webcam frame of <paramref name="source"/>: resized to <paramref name="target"/> px on its longer side, exposure gain, sensor noise, JPEG at a quality drawn from [min, max).</summary>
    internal static byte[] Webcam(SKBitmap source, double target, Random random, int seed, int minQuality, int maxQuality)
    {
        var scale = target / Math.Max(source.Width, source.Height);
        using var frame = source.Resize(new SKImageInfo((int)(source.Width * scale), (int)(source.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        var gain = Uniform(random, 0.85, 1.1);
        var sigma = Uniform(random, 2, 5);
        var noise = new Random(seed);
        var pixels = frame.GetPixelSpan().ToArray();
        for (var i = 0; i < pixels.Length; i += 4)
            for (var c = 0; c < 3; c++)
                pixels[i + c] = (byte)Math.Clamp(pixels[i + c] * gain + Gaussian(noise) * sigma, 0, 255);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, frame.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(frame);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, random.Next(minQuality, maxQuality));
        return data.ToArray();
    }

    /// <summary>A photo print (white border, ink that reaches neither black nor white) photographed under a lamp.</summary>
    private static byte[] PrintReplay(SKBitmap source, double target, Random random, int seed)
    {
        var border = (int)(0.06 * Math.Max(source.Width, source.Height));
        using var print = new SKBitmap(new SKImageInfo(source.Width + 2 * border, source.Height + 2 * border, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(print))
        {
            canvas.Clear(new SKColor(244, 243, 238));
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, border, border, new SKSamplingOptions(SKFilterMode.Linear));
        }
        var pixels = print.GetPixelSpan().ToArray();
        for (var i = 0; i < pixels.Length; i += 4)
            for (var c = 0; c < 3; c++)
                pixels[i + c] = (byte)(18 + pixels[i + c] * 0.86);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, print.GetPixels(), pixels.Length);
        var scale = target / (Math.Max(print.Width, print.Height) * 1.16);
        return SimulatedCamera.Photograph(new PaperScene(print, Uniform(random, -0.3, 0.3)), Shot(random, scale, seed));
    }

    /// <summary>The photo shown full-width on a phone or monitor screen, 1.2–3.5 camera pixels per screen pixel.</summary>
    private static byte[] ScreenReplay(SKBitmap source, double target, Random random, int seed)
    {
        var ratio = Uniform(random, 1.2, 3.5);
        var screenWidth = (int)(target * source.Width / Math.Max(source.Width, source.Height) / (ratio * 1.16));
        var screen = ScreenModel.Ordinary(random);
        return SimulatedCamera.Photograph(new ScreenScene(source, screenWidth, screen), Shot(random, ratio, seed));
    }

    private static CameraShot Shot(Random random, double scale, int seed) => new()
    {
        Scale = scale,
        RotationDegrees = Uniform(random, -5, 5),
        Keystone = Uniform(random, -0.05, 0.05),
        LensBlur = Uniform(random, 0.5, 1.0),
        Noise = Uniform(random, 0.005, 0.015),
        Bayer = random.Next(5) != 0,
        JpegQuality = random.Next(75, 91),
        Seed = seed,
    };

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
