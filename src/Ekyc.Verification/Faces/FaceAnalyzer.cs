using System.Collections.Concurrent;
using Ekyc.Verification.Imaging;
using Ekyc.Verification.Models;

namespace Ekyc.Verification.Faces;

/// <summary>
/// The face pipeline over shared ONNX sessions: detection, 68 landmarks, 5-point alignment and embedding,
/// eye state and anti-spoof score. Thread-safe; model inputs are pooled buffers.
/// </summary>
public sealed class FaceAnalyzer : IDisposable
{
    private readonly FaceOptions _options;
    private readonly FaceDetector _detector;
    private readonly FaceLandmarker _landmarker;
    private readonly FaceEmbedder _embedder;
    private readonly EyeStateClassifier _eyes;
    private readonly AntiSpoofClassifier _antiSpoof;
    private readonly ConcurrentBag<FaceScratch> _scratch = [];

    public FaceAnalyzer(ModelStore models, FaceOptions options)
    {
        _options = options;
        _detector = new FaceDetector(models);
        _landmarker = new FaceLandmarker(models);
        _embedder = new FaceEmbedder(models);
        _eyes = new EyeStateClassifier(models);
        _antiSpoof = new AntiSpoofClassifier(models, options.AntiSpoofExtendedContext);
    }

    /// <summary>The version string reported with every result.</summary>
    public static string Version => "faceplugin-face-recognition-js@0.0.1";

    /// <summary>Faces sorted by size, largest first. A frame-filling face is found by a second, padded pass.</summary>
    public IReadOnlyList<FaceBox> Detect(UprightImage image, StageTimer timer)
    {
        var scratch = Rent();
        try
        {
            return timer.Time("detect", () =>
            {
                var faces = _detector.Detect(image.Image, scratch.Detect, 0, (float)_options.DetectionThreshold, (float)_options.NmsIou);
                if (faces.Count == 0)
                    faces = _detector.Detect(image.Image, scratch.Detect, (float)_options.DetectionPadding, (float)_options.DetectionThreshold, (float)_options.NmsIou);
                faces.Sort((a, b) => b.Area.CompareTo(a.Area));
                return faces;
            });
        }
        finally
        {
            _scratch.Add(scratch);
        }
    }

    /// <summary>Landmarks, pose, sharpness and embedding of one face; eye state and anti-spoof score on request.</summary>
    public FaceAnalysis Analyze(UprightImage image, FaceBox box, StageTimer timer, bool eyes = false, bool liveness = false)
    {
        var scratch = Rent();
        try
        {
            var landmarks = timer.Time("landmarks", () => _landmarker.Locate(image.Image, box, scratch.Landmark));
            var norm = 0f;
            var embedding = timer.Time("align_embed", () =>
            {
                FaceEmbedder.Align(image.Image, landmarks, scratch.Aligned);
                return _embedder.Embed(scratch.Aligned, out norm);
            });
            var sharpness = timer.Time("quality", () => FaceQuality.Sharpness(scratch.Aligned.Bitmap, scratch.Grey));
            return new FaceAnalysis
            {
                Box = box,
                Landmarks = landmarks,
                Yaw = FaceQuality.Yaw(landmarks),
                RollDegrees = FaceQuality.RollDegrees(landmarks),
                Sharpness = sharpness,
                Embedding = embedding,
                EmbeddingNorm = norm,
                EyesOpen = eyes ? timer.Time("eyes", () => _eyes.OpenProbability(image.Image, landmarks, scratch.Eye)) : null,
                LiveProbability = liveness ? timer.Time("anti_spoof", () => _antiSpoof.LiveProbability(image.Image, box, scratch.Liveness)) : null,
            };
        }
        finally
        {
            _scratch.Add(scratch);
        }
    }

    /// <summary>Cosine similarity of two faces' embeddings.</summary>
    public static double Similarity(FaceAnalysis a, FaceAnalysis b) => FaceEmbedder.Similarity(a.Embedding, b.Embedding);

    private FaceScratch Rent() => _scratch.TryTake(out var scratch) ? scratch : new FaceScratch();

    public void Dispose()
    {
        while (_scratch.TryTake(out var scratch))
            scratch.Dispose();
    }
}
