using System.Diagnostics;
using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents.Specimens;
using SkiaSharp;

namespace Ekyc.Bench.Documents;

/// <summary>One generated capture of the realistic set: a genuine document (both sides of an ID card) and its holder's selfie.</summary>
/// <param name="Width">Width of the front image in pixels.</param>
public sealed record RealisticDocument(string Kind, string Capture, string DocumentType, int Width, int Height, byte[] Front, byte[]? Back, byte[] Selfie)
{
    /// <summary>The row the benches report it in: kind and capture.</summary>
    public string Group => $"{Kind}, {Capture}";
}

/// <summary>
/// The realistic benchmark set of issue 15, generated in code with the decision set's renderer and camera: genuine TD3
/// passports and TD1 ID cards (front and back) with full printed zones and real portraits, as 300 dpi flatbed scans
/// (~1,000–1,500 px), 150 dpi phone photos under uneven light (~600–900 px) and 12 MP phone photos (~4,000 px).
/// </summary>
public static class RealisticDocuments
{
    private const double FrameWidth = 4000;
    private const double FrameMargin = 1.16; // SimulatedCamera frames the document with 8 % on each side.

    /// <summary>
    /// The set for <paramref name="perCell"/> documents per kind and capture; generating it takes minutes (12 MP photos
    /// through the camera model), so it is kept in the temporary folder, keyed by the count, seed and <see cref="Version"/>.
    /// </summary>
    public static IReadOnlyList<RealisticDocument> Load(int perCell, int seed = 15)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ekyc-realistic-set-v{Version}-{perCell}-{seed}");
        if (Directory.Exists(folder))
            return Read(folder);
        var set = Generate(perCell, seed);
        var partial = folder + ".partial";
        Directory.CreateDirectory(partial);
        for (var i = 0; i < set.Count; i++)
        {
            var d = set[i];
            var item = Directory.CreateDirectory(Path.Combine(partial, $"{i:000}")).FullName;
            File.WriteAllLines(Path.Combine(item, "meta.txt"), [d.Kind, d.Capture, d.DocumentType]);
            File.WriteAllBytes(Path.Combine(item, "front.jpg"), d.Front);
            if (d.Back is not null)
                File.WriteAllBytes(Path.Combine(item, "back.jpg"), d.Back);
            File.WriteAllBytes(Path.Combine(item, "selfie.jpg"), d.Selfie);
        }
        Directory.Move(partial, folder);
        return set;
    }

    /// <summary>Raised when the generation changes, so a kept set is not reused.</summary>
    private const int Version = 1;

    private static List<RealisticDocument> Read(string folder) =>
        [.. Directory.GetDirectories(folder).Order().Select(item =>
        {
            var meta = File.ReadAllLines(Path.Combine(item, "meta.txt"));
            var back = Path.Combine(item, "back.jpg");
            return Describe(meta[0], meta[1], meta[2], File.ReadAllBytes(Path.Combine(item, "front.jpg")),
                File.Exists(back) ? File.ReadAllBytes(back) : null, File.ReadAllBytes(Path.Combine(item, "selfie.jpg")));
        })];

    private static List<RealisticDocument> Generate(int perCell, int seed)
    {
        var clock = Stopwatch.StartNew();
        var generator = new DecisionSetGenerator(FacePhotos.Locate(), new SpecimenRenderer(OcrBFont.Path));
        var labels = generator.Plan((perCell + 1) / 2, seed);
        var set = new List<RealisticDocument>();
        foreach (var (kind, @class) in new[] { ("passport", DecisionClass.GenuinePassport), ("ID card", DecisionClass.GenuineIdCard) })
        foreach (var label in labels.Where(l => l.Class == @class).Take(perCell))
        {
            var widthMm = label.DocumentType == "id_card" ? 85.6 : 125;
            set.Add(Describe(kind, "scan 300 dpi", generator.Render(label with { Capture = CaptureCondition.Scan300Dpi })));
            set.Add(Describe(kind, "phone 150 dpi", generator.Render(label with { Capture = CaptureCondition.Phone150DpiUnevenLight })));
            set.Add(Describe(kind, "phone 12 MP", generator.RenderPhonePhoto(label, FrameWidth / FrameMargin / (widthMm / 25.4))));
        }
        Console.WriteLine($"realistic set: {set.Count} documents generated in {clock.Elapsed.TotalSeconds:F0} s ({perCell} per kind and capture)");
        return set;
    }

    private static RealisticDocument Describe(string kind, string capture, DecisionCase c) =>
        Describe(kind, capture, c.Label.DocumentType, c.Front, c.Back, c.Selfie);

    private static RealisticDocument Describe(string kind, string capture, string documentType, byte[] front, byte[]? back, byte[] selfie)
    {
        using var codec = SKCodec.Create(new MemoryStream(front));
        return new RealisticDocument(kind, capture, documentType, codec.Info.Width, codec.Info.Height, front, back, selfie);
    }

    /// <summary>Width range of a group's fronts, e.g. <c>1476 px</c> or <c>3790–4130 px</c>.</summary>
    public static string Size(IEnumerable<RealisticDocument> group)
    {
        var widths = group.Select(d => d.Width).ToList();
        return widths.Min() == widths.Max() ? $"{widths.Min()} px" : $"{widths.Min()}–{widths.Max()} px";
    }
}
