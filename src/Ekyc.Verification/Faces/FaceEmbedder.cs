using Ekyc.Verification.Models;
using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>
/// fr_feature: the face warped onto the ArcFace 112×112 reference points by a 5-point least-squares
/// similarity, BGR, (v−127)/128 → 512 values, returned L2-normalised so a dot product is the cosine.
/// </summary>
internal sealed class FaceEmbedder(ModelStore store)
{
    public const int InputSize = 112;
    public const int Dimensions = 512;

    private static readonly SKPoint[] Reference =
    [
        new(38.2946f, 51.6963f), new(73.5318f, 51.5014f), new(56.0252f, 71.7366f),
        new(41.5493f, 92.3655f), new(70.7299f, 92.2041f),
    ];

    private readonly OnnxModel _model = new(store, ModelCatalog.FaceFeature);

    /// <summary>Renders the aligned face into <paramref name="input"/> (kept for the sharpness measure).</summary>
    public static void Align(SKImage image, FaceLandmarks landmarks, ScratchImage input)
    {
        var transform = SimilarityTransform.Estimate(landmarks.FivePoints(), Reference);
        input.Render(image, transform, SKColors.Black);
    }

    /// <summary>
    /// Embeds the face already aligned into <paramref name="input"/>; <paramref name="norm"/> is the raw embedding's length,
    /// which is low where the embedder sees no upright face (<see cref="FaceAnalysis.EmbeddingNorm"/>).
    /// </summary>
    public float[] Embed(ScratchImage input, out float norm)
    {
        TensorFill.Centred(input.Bitmap, input.Data, bgr: true);
        using var outputs = _model.Run(input.Tensor);
        var raw = outputs[0].GetTensorDataAsSpan<float>();
        var embedding = raw[..Dimensions].ToArray();
        norm = MathF.Sqrt(embedding.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < embedding.Length; i++)
                embedding[i] /= norm;
        }
        return embedding;
    }

    /// <summary>Cosine similarity of two L2-normalised embeddings.</summary>
    public static float Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
