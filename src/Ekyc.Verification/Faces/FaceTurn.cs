using Ekyc.Verification.Imaging;

namespace Ekyc.Verification.Faces;

/// <summary>
/// Finds which way up a picture's face is when the file does not say. A selfie or document photographed sideways or
/// upside down still has its face detected (score 1.0 half-turned), and the landmarker, which only knows upright faces,
/// places an upright face's points on it: the embedding then describes no face at all, and the same person read
/// −0.13…0.24 against their upright picture (31 test photos), a confident "another person". The embedder tells:
/// the length of its raw output (<see cref="FaceAnalysis.EmbeddingNorm"/>) is 3.2–4.3 on 30 of them upright (2.5 on a robot) and
/// 1.4–2.8 turned. Only a face under <see cref="FaceOptions.UprightEmbeddingNorm"/> is tried turned, and a turn is
/// taken only when its face reads clearly more upright, so an upright picture is never turned and a clear face costs
/// nothing.
/// </summary>
internal static class FaceTurn
{
    /// <summary>The clockwise quarter turns (0–3) under which the picture's largest face reads most upright.</summary>
    public static int Find(FaceAnalyzer analyzer, UprightImage image, FaceAnalysis? upright, FaceOptions options, StageTimer timer)
    {
        if (upright is not null && upright.EmbeddingNorm >= options.UprightEmbeddingNorm)
            return 0;
        var (bestTurns, bestNorm) = (0, upright?.EmbeddingNorm ?? options.UprightEmbeddingNorm - options.TurnNormMargin);
        for (var quarterTurns = 1; quarterTurns <= 3; quarterTurns++)
        {
            using var turned = timer.Time("turn", () => image.Turned(quarterTurns));
            var faces = analyzer.Detect(turned, timer);
            if (faces.Count == 0)
                continue;
            var norm = analyzer.Analyze(turned, faces[0], timer).EmbeddingNorm;
            if (norm >= bestNorm + options.TurnNormMargin)
                (bestTurns, bestNorm) = (quarterTurns, norm);
        }
        return bestTurns;
    }
}
