using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Models;

namespace Ekyc.Bench.Faces;

/// <summary>
/// <c>portrait-size [--seeds 3] [--dpi 100,125,150,175,200,300]</c>: how the face match holds up as the document portrait
/// shrinks. Each photo of the decision set's identities is printed as the portrait of an ID card front (TD1, the
/// smallest portrait) and photographed by the decision set's phone camera at each resolution; its face is compared with
/// webcam-like selfies made from the same person's other photos (genuine) and from everyone else's (impostors). Prints,
/// per resolution, the portrait's face box, its sharpness and the similarities against the face match's gates and
/// thresholds (<see cref="FaceOptions"/>).
/// </summary>
public static class PortraitSizeBench
{
    public static void Run(string[] args)
    {
        var seeds = int.Parse(Arg(args, "--seeds", "3"));
        var dpis = Arg(args, "--dpi", "100,125,150,175,200,300").Split(',').Select(double.Parse).ToList();
        var options = new FaceOptions();
        using var models = ModelStore.Locate();
        using var analyzer = new FaceAnalyzer(models, options);
        var photos = FacePhotos.Locate();
        var renderer = new SpecimenRenderer(OcrBFont.Path);

        // Every photo of an identity, with the person it shows; the other photos of the set are impostors to it.
        var people = FacePhotos.Identities.SelectMany(i => i.Photos.SelectMany((group, side) => group.Select(p => (Person: i.Name, Side: side, Photo: p))))
            .Concat(FacePhotos.Others.Select(p => (Person: p, Side: 0, Photo: p))).ToList();
        var selfies = people.Select((p, k) => (p.Person, p.Side, Face: Observe(analyzer, options,
            SelfieCapture.Render(File.ReadAllBytes(Path.Combine(photos, p.Photo)), SelfieKind.Webcam, new Random(k), k)))).Where(s => s.Face is not null).ToList();

        Console.WriteLine($"portrait-size: {people.Count} photos, {selfies.Count} selfies with a face; ID card fronts, phone camera, {seeds} shots each");
        Console.WriteLine("\n| dpi | portraits | face found | face box px: min / median / max | sharpness median | under the size gate | under the sharpness gate | genuine pairs | genuine similarity min / p10 / median | genuine ≥ pass | genuine < fail | impostor pairs | impostor max | impostors ≥ fail |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var all = new List<(FaceAnalysis Face, List<double> Genuine, List<double> Impostor)>();
        foreach (var dpi in dpis)
        {
            var faces = new List<FaceAnalysis>();
            var genuine = new List<double>();
            var impostor = new List<double>();
            var portraits = 0;
            foreach (var (person, side, photo) in people.Where(p => FacePhotos.Identities.Any(i => i.Name == p.Person)))
                for (var seed = 0; seed < seeds; seed++)
                {
                    portraits++;
                    var portrait = DecisionSetGenerator.PortraitCrop(File.ReadAllBytes(Path.Combine(photos, photo)));
                    var random = new Random(HashCode.Combine(photo, seed));
                    var front = DocumentCapture.RenderPhonePhoto(renderer, Card, MrzWriter.Write(Card), portrait, DocumentSide.CardFront,
                        PrintedDateStyle.DayMonthNameYear, SpecimenDesign.Classic, dpi, random, seed);
                    if (Observe(analyzer, options, front) is not { } face)
                        continue;
                    faces.Add(face);
                    // Genuine: the same person's photos of the other group (as in the decision set); impostors: everyone else.
                    var same = selfies.Where(s => s.Person == person && s.Side != side).Select(s => FaceAnalyzer.Similarity(face, s.Face!)).ToList();
                    var others = selfies.Where(s => s.Person != person).Select(s => FaceAnalyzer.Similarity(face, s.Face!)).ToList();
                    genuine.AddRange(same);
                    impostor.AddRange(others);
                    all.Add((face, same, others));
                }
            var sizes = faces.Select(f => f.Size).Order().ToList();
            var sharpness = faces.Select(f => f.Sharpness).Order().ToList();
            genuine.Sort();
            Console.WriteLine($"| {dpi:F0} | {portraits} | {faces.Count} | {sizes.FirstOrDefault():F0} / {Median(sizes):F0} / {sizes.LastOrDefault():F0} | {Median(sharpness):F0} | " +
                              $"{sizes.Count(s => s < options.MinDocumentFaceSize)} | {sharpness.Count(s => s < options.MinSharpness)} | {genuine.Count} | " +
                              $"{genuine.FirstOrDefault():F3} / {Quantile(genuine, 0.1):F3} / {Median(genuine):F3} | {genuine.Count(g => g >= options.MatchPassThreshold)} | " +
                              $"{genuine.Count(g => g < options.MatchFailThreshold)} | {impostor.Count} | {(impostor.Count == 0 ? 0 : impostor.Max()):F3} | " +
                              $"{impostor.Count(i => i >= options.MatchFailThreshold)} |");
        }
        Bands("sharpness (variance of the Laplacian of the aligned face)", all, f => f.Sharpness, [0, 10, 20, 30, 40, 60, 100], options);
        Bands("face box px", all, f => f.Size, [0, 50, 60, 70, 80, 90, 100, 120, 150], options);
    }

    /// <summary>The same comparisons grouped by one measure of the portrait, every resolution together.</summary>
    private static void Bands(string measure, List<(FaceAnalysis Face, List<double> Genuine, List<double> Impostor)> all, Func<FaceAnalysis, double> value,
        double[] bounds, FaceOptions options)
    {
        Console.WriteLine($"\n| {measure} | portraits | genuine pairs | genuine similarity min / p10 / median | genuine ≥ pass | genuine < fail | impostor pairs | impostor max | impostors ≥ fail |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        for (var i = 0; i < bounds.Length; i++)
        {
            var (low, high) = (bounds[i], i + 1 < bounds.Length ? bounds[i + 1] : double.MaxValue);
            var band = all.Where(a => value(a.Face) >= low && value(a.Face) < high).ToList();
            if (band.Count == 0)
                continue;
            var genuine = band.SelectMany(b => b.Genuine).Order().ToList();
            var impostor = band.SelectMany(b => b.Impostor).ToList();
            Console.WriteLine($"| {low:F0}–{(high == double.MaxValue ? "" : high.ToString("F0"))} | {band.Count} | {genuine.Count} | " +
                              $"{genuine.FirstOrDefault():F3} / {Quantile(genuine, 0.1):F3} / {Median(genuine):F3} | {genuine.Count(g => g >= options.MatchPassThreshold)} | " +
                              $"{genuine.Count(g => g < options.MatchFailThreshold)} | {impostor.Count} | {(impostor.Count == 0 ? 0 : impostor.Max()):F3} | " +
                              $"{impostor.Count(x => x >= options.MatchFailThreshold)} |");
        }
    }

    /// <summary>An ID card holder; the face match reads only the portrait, the fields just fill the card.</summary>
    private static readonly MrzFields Card = new(MrzFormat.Td1, "ID", "FRA", "DUBOIS", "JEAN PIERRE", "X4RTBPFW4", "FRA", "900517", 'M', "310517", "", "");

    private static FaceAnalysis? Observe(FaceAnalyzer analyzer, FaceOptions options, byte[] image) =>
        ImageObservation.Observe(analyzer, image, options, new StageTimer(), eyes: false, liveness: false).Primary;

    private static double Median(IReadOnlyList<double> sorted) => Quantile(sorted, 0.5);

    private static double Quantile(IReadOnlyList<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[(int)Math.Floor(q * (sorted.Count - 1))];

    private static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
