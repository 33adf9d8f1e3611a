using Ekyc.Synthetic.Capture;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Tests.Faces;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Documents.Recapture;

/// <summary>
/// The labelled sets: recaptures (a rendered document on a simulated screen photographed by the simulated camera),
/// genuine captures (the renderer's own degradations, the same camera photographing paper, resized uploads) and real
/// photos. Parameters are drawn from seeded generators, so every run sees the same images.
/// </summary>
internal static class RecaptureSets
{
    private static readonly MrzFields[] Documents = [SyntheticMrzReadingTests.Passport, SyntheticMrzReadingTests.Card];
    // The pages shown on screens, rendered once (1,600 px; read-only, shared by the parallel renders).
    private static readonly Lazy<Dictionary<(int Document, bool Front), SKBitmap>> ScreenPages = new(() =>
        (from d in new[] { 0, 1 } from front in new[] { true, false } select (d, front))
            .ToDictionary(key => key, key => Page(Documents[key.d], key.front, 1600, 1)));

    /// <summary>
    /// Screen recaptures with camera pixels per screen pixel drawn log-uniformly from [<paramref name="minRatio"/>,
    /// <paramref name="maxRatio"/>] (below ~2 the camera cannot resolve the grid and folds it into moiré).
    /// </summary>
    public static List<LabelledImage> Recaptures(int count, int seed, double minRatio, double maxRatio)
    {
        var random = new Random(seed);
        var plans = Enumerable.Range(0, count).Select(k =>
        {
            var ratio = minRatio * Math.Pow(maxRatio / minRatio, random.NextDouble());
            var screenWidth = (int)(Uniform(random, 700, 1300) / ratio);
            var screen = ScreenModel.Ordinary(random);
            return (k, ratio, screenWidth, screen, shot: RandomShot(random, ratio, seed * 1000 + k));
        }).ToList();
        return Render(plans, p =>
        {
            var scene = new ScreenScene(ScreenPages.Value[(p.k % 2, p.k % 3 != 2)], p.screenWidth, p.screen);
            return new LabelledImage($"recapture#{p.k} ratio {p.ratio:F2} screen {p.screenWidth}px fill {p.screen.FillFactor:F2} gap {p.screen.Gap:F2}{(p.screen.Bgr ? " bgr" : "")} {Describe(p.shot)}",
                SimulatedCamera.Photograph(scene, p.shot));
        });
    }

    /// <summary>The same camera photographing the printed page.</summary>
    public static List<LabelledImage> PaperPhotos(int count, int seed)
    {
        var random = new Random(seed);
        var plans = Enumerable.Range(0, count).Select(k =>
        {
            var documentWidth = Uniform(random, 700, 1300);
            var pageWidth = (int)Uniform(random, 1200, 2400);
            return (k, pageWidth, light: Uniform(random, -0.3, 0.3), shot: RandomShot(random, documentWidth / pageWidth, seed * 1000 + k));
        }).ToList();
        return Render(plans, p =>
        {
            using var page = Page(Documents[p.k % 2], p.k % 3 != 2, p.pageWidth, p.k);
            return new LabelledImage($"paper#{p.k} page {p.pageWidth}px {Describe(p.shot)}", SimulatedCamera.Photograph(new PaperScene(page, p.light), p.shot));
        });
    }

    /// <summary>Parameters are drawn in order, so the images are the same however many run at once.</summary>
    private static List<LabelledImage> Render<T>(List<T> plans, Func<T, LabelledImage> render) =>
        [.. plans.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Min(2, Environment.ProcessorCount)).Select(render)];

    /// <summary>
    /// The renderer's own degradations (width, rotation, blur, noise, JPEG quality, front or back), a third of them
    /// resized by a non-integer factor after encoding and encoded again.
    /// </summary>
    public static IEnumerable<LabelledImage> RenderedCaptures(int count, int seed)
    {
        var random = new Random(seed);
        var renderer = OcrFixture.Renderer();
        for (var k = 0; k < count; k++)
        {
            var options = new SpecimenOptions
            {
                // Every tenth a page of 3,000–4,000 px, which the engine decodes smaller (codec scaling, then resize).
                Width = k % 10 == 9 ? (int)Uniform(random, 3000, 4000) : (int)Uniform(random, 800, 2200),
                RotationDegrees = random.Next(3) == 0 ? 0 : (float)Uniform(random, -8, 8),
                BlurSigma = random.Next(3) == 0 ? 0 : (float)Uniform(random, 0.3, 1.8),
                Noise = (float)Uniform(random, 0, 8),
                JpegQuality = random.Next(5) == 0 ? 100 : (int)Uniform(random, 55, 97),
                Seed = k,
                DrawMrz = k % 3 != 2,
                DrawPrinted = k % 4 != 3,
            };
            var encoded = renderer.Render(Documents[k % 2], options);
            var resize = k % 3 == 1 ? Uniform(random, 0.55, 1.6) : 1;
            yield return new LabelledImage($"rendered#{k} {options.Width}px rot {options.RotationDegrees:F1} blur {options.BlurSigma:F1} noise {options.Noise:F1} q{options.JpegQuality} resize {resize:F2}",
                resize == 1 ? encoded : Resized(encoded, resize, (int)Uniform(random, 70, 95)));
        }
    }

    /// <summary>Every photo of the npm test-photo packages: faces, groups, paintings, webcam frames, figures.</summary>
    public static IEnumerable<LabelledImage> RealPhotos() =>
        Directory.EnumerateFiles(Path.Combine(TestPhotos.Folder, "node_modules"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new LabelledImage(Path.GetRelativePath(TestPhotos.Folder, f), File.ReadAllBytes(f)));

    private static CameraShot RandomShot(Random random, double scale, int seed) => new()
    {
        Scale = scale,
        RotationDegrees = Uniform(random, -8, 8),
        Keystone = Uniform(random, -0.08, 0.08),
        LensBlur = Uniform(random, 0.35, 1.1),
        Noise = Uniform(random, 0.003, 0.02),
        Bayer = random.Next(5) != 0,
        JpegQuality = (int)Uniform(random, 70, 96),
        Seed = seed,
    };

    private static string Describe(CameraShot s) =>
        $"scale {s.Scale:F2} rot {s.RotationDegrees:F1} key {s.Keystone:F2} blur {s.LensBlur:F2} noise {s.Noise:F3}{(s.Bayer ? " bayer" : "")} q{s.JpegQuality}";

    private static SKBitmap Page(MrzFields fields, bool front, int width, int seed) =>
        OcrFixture.Decode(OcrFixture.Renderer().Render(fields, new SpecimenOptions { Width = width, Seed = seed, DrawPrinted = front || fields.Format != MrzFormat.Td1 }));

    private static byte[] Resized(byte[] encoded, double factor, int quality)
    {
        using var image = OcrFixture.Decode(encoded);
        using var resized = image.Resize(new SKImageInfo((int)(image.Width * factor), (int)(image.Height * factor), SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var shown = SKImage.FromBitmap(resized);
        using var data = shown.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    private static double Uniform(Random random, double min, double max) => min + (max - min) * random.NextDouble();
}
