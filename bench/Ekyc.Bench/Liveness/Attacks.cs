using Ekyc.Synthetic.Capture;
using SkiaSharp;

namespace Ekyc.Bench.Liveness;

/// <summary>
/// The presentation attacks, each photographed by the recapture tests' camera model (perspective, lens blur, Bayer
/// sensor, noise, JPEG) into a webcam-sized frame: the print or the screen fills about 86% of it, the room around is dark.
/// </summary>
public static class Attacks
{
    /// <summary>A print of the framed face held before the camera.</summary>
    public static byte[] Print(SKBitmap framed, int outputWidth, Random random)
    {
        using var page = PrintedPhoto.Print(framed, random);
        return Photograph(new PaperScene(page, Framing.Uniform(random, -0.3, 0.3)), outputWidth, random);
    }

    /// <summary>The framed face on a phone or monitor: its own tone curve, the camera 0.6–3 pixels per screen pixel, glare.</summary>
    public static byte[] Screen(SKBitmap framed, int outputWidth, Random random)
    {
        var ratio = 0.6 * Math.Pow(3 / 0.6, random.NextDouble());
        var screenWidth = (int)(outputWidth / (ratio * 1.16));
        using var shown = ToneCurve(framed, Framing.Uniform(random, 0.85, 1.15));
        var model = new ScreenModel
        {
            FillFactor = Framing.Uniform(random, 0.55, 0.95),
            Gap = Framing.Uniform(random, 0, 0.25),
            Bgr = random.Next(4) == 0,
            Reflection = (float)Framing.Uniform(random, 0, 0.05),
        };
        return Photograph(new ScreenScene(shown, screenWidth, model), outputWidth, random, ratio);
    }

    /// <summary>
    /// The face of a print cut out along an ellipse (a thin paper rim left) and held before another, out-of-focus scene.
    /// </summary>
    public static byte[] Cutout(SKBitmap framed, SKRect face, SKBitmap background, int outputWidth, Random random)
    {
        using var print = PrintedPhoto.Print(framed, random, borderShare: 0);
        using var scene = new SKBitmap(framed.Info);
        using (var canvas = new SKCanvas(scene))
        {
            using (var image = SKImage.FromBitmap(background))
            using (var blur = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(framed.Width / 60f, framed.Width / 60f) })
                canvas.DrawImage(image, SKRect.Create(framed.Width, framed.Height), new SKSamplingOptions(SKFilterMode.Linear), blur);
            var oval = SKRect.Create(face.MidX - face.Width * 0.62f, face.MidY - face.Height * 0.8f, face.Width * 1.24f, face.Height * 1.5f);
            using (var rim = new SKPaint { Color = new SKColor(238, 234, 224), IsAntialias = true })
                canvas.DrawOval(SKRect.Inflate(oval, 3, 3), rim);
            using var builder = new SKPathBuilder();
            builder.AddOval(oval);
            using var path = builder.Detach();
            canvas.ClipPath(path, antialias: true);
            using var printed = SKImage.FromBitmap(print);
            canvas.DrawImage(printed, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }
        return Photograph(new PaperScene(scene, Framing.Uniform(random, -0.3, 0.3)), outputWidth, random);
    }

    private static byte[] Photograph(IScene scene, int outputWidth, Random random, double? scale = null) =>
        SimulatedCamera.Photograph(scene, new CameraShot
        {
            Scale = scale ?? outputWidth / (scene.Width * 1.16),
            RotationDegrees = Framing.Uniform(random, -6, 6),
            Keystone = Framing.Uniform(random, -0.08, 0.08),
            LensBlur = Framing.Uniform(random, 0.35, 1.1),
            Noise = Framing.Uniform(random, 0.003, 0.02),
            Bayer = random.Next(5) != 0,
            JpegQuality = (int)Framing.Uniform(random, 70, 96),
            Seed = random.Next(),
        });

    private static SKBitmap ToneCurve(SKBitmap image, double gamma)
    {
        var copy = image.Copy(SKColorType.Rgba8888);
        var pixels = copy.GetPixelSpan();
        var table = Enumerable.Range(0, 256).Select(v => (byte)Math.Round(255 * Math.Pow(v / 255.0, gamma))).ToArray();
        for (var i = 0; i < pixels.Length; i++)
            if (i % 4 != 3)
                pixels[i] = table[pixels[i]];
        return copy;
    }
}
