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
    /// <summary>The picture turned clockwise by <paramref name="QuarterTurns"/> (1–3), its faces (largest first) and the largest's analysis.</summary>
    public sealed record Turned(int QuarterTurns, UprightImage Picture, IReadOnlyList<FaceBox> Faces, FaceAnalysis Primary) : IDisposable
    {
        public void Dispose() => Picture.Dispose();
    }

    /// <summary>The turn under which the picture's largest face reads most upright; null when it reads best as it is.</summary>
    public static Turned? Find(FaceAnalyzer analyzer, UprightImage image, FaceAnalysis? upright, FaceOptions options, StageTimer timer)
    {
        if (upright is not null && upright.EmbeddingNorm >= options.UprightEmbeddingNorm)
            return null;
        Turned? best = null;
        var bestNorm = upright?.EmbeddingNorm ?? options.UprightEmbeddingNorm - options.TurnNormMargin;
        for (var quarterTurns = 1; quarterTurns <= 3; quarterTurns++)
        {
            var picture = timer.Time("turn", () => image.Turned(quarterTurns));
            var faces = analyzer.Detect(picture, timer);
            var face = faces.Count > 0 ? analyzer.Analyze(picture, faces[0], timer) : null;
            if (face is not null && face.EmbeddingNorm >= bestNorm + options.TurnNormMargin)
            {
                best?.Dispose();
                (best, bestNorm) = (new Turned(quarterTurns, picture, faces, face), face.EmbeddingNorm);
            }
            else
                picture.Dispose();
        }
        return best;
    }
}
