using Ekyc.Synthetic.Capture;
using SkiaSharp;
using static Ekyc.Synthetic.Decisions.DocumentCapture;

namespace Ekyc.Synthetic.Decisions;

/// <summary>
/// Replays by a careful attacker, who leaves nothing in view but the picture: a high-density screen whose pixel grid
/// the camera does not resolve (photographed from farther), a screen whose grid is barely resolved and slightly out of
/// focus, or a continuous-tone photo print
/// (no halftone), either filling the whole frame with no bezel, border or room, zoomed so the face is larger or left as
/// the photo frames it, uploaded at 320–1,600 px and re-encoded. <see cref="Webcam"/> frames the genuine photo the same
/// way, so a signal can be checked against genuine frames of the same sizes.
/// </summary>
public static class CarefulReplay
{
    /// <summary>Share of the scene kept on each side: rotation and keystone must not bring its edge into the frame.</summary>
    private const double Inset = 0.9;

    public static byte[] Screen(SKBitmap photo, Random random, int seed)
    {
        var (target, view) = Frame(photo, random);
        using (view)
        {
            var model = new FineScreenModel
            {
                ToneGamma = Uniform(random, 0.85, 1.15),
                Backlight = [Uniform(random, 0.9, 0.98), 1, Uniform(random, 1, 1.1)],
                BlackLeak = random.Next(3) == 0 ? 0 : Uniform(random, 0.001, 0.01),
                Reflection = Uniform(random, 0, 0.02),
                Glare = random.Next(2) == 0 ? 0 : Uniform(random, 0.03, 0.15),
                GlareX = random.NextDouble(),
                GlareY = random.NextDouble(),
                GlareRadius = Uniform(random, 0.15, 0.4),
            };
            return Photograph(new FineScreenScene(view, model), target, random, seed, blur: (0.8, 2.2));
        }
    }

    /// <summary>
    /// An RGB-stripe screen at 1–2.5 camera pixels per screen pixel, slightly out of focus: its grid at the edge of what the
    /// camera resolves.
    /// </summary>
    public static byte[] DefocusedScreen(SKBitmap photo, Random random, int seed)
    {
        var (target, view) = Frame(photo, random);
        using (view)
        {
            var ratio = Uniform(random, 1, 2.5);
            var screenWidth = (int)(target / (ratio * Inset) * view.Width / Math.Max(view.Width, view.Height));
            var model = new ScreenModel
            {
                FillFactor = Uniform(random, 0.7, 0.95),
                Gap = Uniform(random, 0, 0.15),
                Bgr = random.Next(4) == 0,
                Reflection = (float)Uniform(random, 0, 0.02),
            };
            return Photograph(new ScreenScene(view, screenWidth, model), target, random, seed, blur: (0.7, 1.6));
        }
    }

    public static byte[] Print(SKBitmap photo, Random random, int seed)
    {
        var (target, view) = Frame(photo, random);
        using (view)
        {
            // Photo paper: continuous dye, a black that reflects 1–4 % (glossy to lustre), a slightly warm white.
            var black = Uniform(random, 0.01, 0.04);
            double[] white = [Uniform(random, 0.9, 0.95), Uniform(random, 0.89, 0.94), Uniform(random, 0.84, 0.9)];
            using var page = view.Copy(SKColorType.Rgba8888);
            var pixels = page.GetPixelSpan();
            var tables = white.Select(w => Enumerable.Range(0, 256)
                .Select(v => (byte)Math.Round(255 * Math.Pow(black + (w - black) * Math.Pow(v / 255.0, 2.2), 1 / 2.2))).ToArray()).ToArray();
            for (var i = 0; i < pixels.Length; i++)
                if (i % 4 != 3)
                    pixels[i] = tables[i % 4][pixels[i]];
            return Photograph(new PaperScene(page, Uniform(random, -0.3, 0.3)), target, random, seed, blur: (0.5, 1.6));
        }
    }

    /// <summary>The genuine photo framed the same way (size, zoom) through the webcam model: the control for the replays.</summary>
    public static byte[] Webcam(SKBitmap photo, Random random, int seed)
    {
        var (target, view) = Frame(photo, random);
        using (view)
            return SelfieCapture.Webcam(view, target, random, seed, 60, 93);
    }

    /// <summary>The frame's longer side (320–1,600 px, log-uniform) and the part of the photo in view (60–100 % of it, about its centre).</summary>
    private static (double Target, SKBitmap View) Frame(SKBitmap photo, Random random)
    {
        var target = 320 * Math.Pow(1600 / 320.0, random.NextDouble());
        var zoom = random.Next(3) == 0 ? 1 : Uniform(random, 0.6, 1);
        var (w, h) = ((int)(photo.Width * zoom), (int)(photo.Height * zoom));
        var (x, y) = ((int)((photo.Width - w) * Uniform(random, 0.3, 0.7)), (int)((photo.Height - h) * Uniform(random, 0.2, 0.5)));
        using var view = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        photo.ExtractSubset(view, SKRectI.Create(x, y, w, h));
        return (target, view.Copy(SKColorType.Rgba8888));
    }

    /// <summary>Photographs the scene so that, after the camera's margin and an inset are cropped away, the frame's longer side is the target.</summary>
    private static byte[] Photograph(IScene scene, double target, Random random, int seed, (double Min, double Max) blur)
    {
        var scale = target / (Math.Max(scene.Width, scene.Height) * Inset);
        var shot = new CameraShot
        {
            Scale = scale,
            RotationDegrees = Uniform(random, -2, 2),
            Keystone = Uniform(random, -0.03, 0.03),
            LensBlur = Uniform(random, blur.Min, blur.Max),
            Noise = Uniform(random, 0.004, 0.012),
            Bayer = random.Next(5) != 0,
            JpegQuality = random.Next(85, 96),
            Seed = seed,
        };
        using var shot1 = Decode(SimulatedCamera.Photograph(scene, shot));
        var (w, h) = ((int)(scene.Width * scale * Inset), (int)(scene.Height * scale * Inset));
        using var cropped = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        shot1.ExtractSubset(cropped, SKRectI.Create((shot1.Width - w) / 2, (shot1.Height - h) / 2, w, h));
        // The upload is the phone's JPEG re-encoded by the attacker's app.
        return Encode(cropped, random.Next(60, 93));
    }

    private static byte[] Encode(SKBitmap bitmap, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
