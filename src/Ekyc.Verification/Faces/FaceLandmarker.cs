using Ekyc.Verification.Models;
using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>fr_landmark: the face box as a 64×64 grey crop (/256) → 68 points relative to the crop.</summary>
internal sealed class FaceLandmarker(ModelStore store)
{
    public const int InputSize = 64;
    private readonly OnnxModel _model = new(store, ModelCatalog.FaceLandmark);

    public FaceLandmarks Locate(SKImage image, FaceBox box, ScratchImage input)
    {
        input.Render(image, box.Rect, SKColors.Black);
        TensorFill.Grey(input.Bitmap, input.Data, 256f);
        using var outputs = _model.Run(input.Tensor);
        var values = outputs[0].GetTensorDataAsSpan<float>();
        var points = new SKPoint[FaceLandmarks.Count];
        for (var i = 0; i < points.Length; i++)
            points[i] = new SKPoint(box.Left + values[2 * i] * box.Width, box.Top + values[2 * i + 1] * box.Height);
        return new FaceLandmarks(points);
    }
}
