using Ekyc.Verification.Models;
using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>fr_eye: a square crop around each eye (1.6× its corner-to-corner width), 24×24 grey /255 → open or closed.</summary>
internal sealed class EyeStateClassifier(ModelStore store)
{
    public const int InputSize = 24;
    private const float Padding = 1.6f;
    private readonly OnnxModel _model = new(store, ModelCatalog.FaceEye);

    /// <summary>Probability that each eye is open (left, right as seen in the image).</summary>
    public (float Left, float Right) OpenProbability(SKImage image, FaceLandmarks landmarks, ScratchImage input) =>
        (Classify(image, landmarks, 36, 39, [37, 38, 40, 41], input),
         Classify(image, landmarks, 42, 45, [43, 44, 46, 47], input));

    private float Classify(SKImage image, FaceLandmarks landmarks, int inner, int outer, int[] lids, ScratchImage input)
    {
        var centre = landmarks.Mean(lids);
        var size = Math.Max(4f, Math.Abs(landmarks[outer].X - landmarks[inner].X) * Padding);
        input.Render(image, SKRect.Create(centre.X - size / 2, centre.Y - size / 2, size, size), SKColors.Black);
        TensorFill.Grey(input.Bitmap, input.Data, 255f);
        using var outputs = _model.Run(input.Tensor);
        var logits = outputs[0].GetTensorDataAsSpan<float>();
        // Class 1 is "open": measured on the test photos, open eyes read ≈ 1, closed lids and mask holes ≈ 0.
        return Softmax.First(logits[1], logits[0]);
    }
}
