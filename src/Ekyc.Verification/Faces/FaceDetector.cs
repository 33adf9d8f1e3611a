using Ekyc.Verification.Models;
using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>
/// fr_detect: the whole image squeezed to 320×240 (RGB, (v−127)/128). Its outputs are already decoded
/// (softmaxed scores, corner boxes in 0..1), so only thresholding and NMS remain.
/// </summary>
internal sealed class FaceDetector(ModelStore store)
{
    public const int InputWidth = 320;
    public const int InputHeight = 240;
    private static readonly SKColor PaddingGrey = new(127, 127, 127);
    private readonly OnnxModel _model = new(store, ModelCatalog.FaceDetect, "scores", "boxes");

    /// <param name="padding">Grey border, as a fraction of each side, so a face filling the frame is still found.</param>
    public List<FaceBox> Detect(SKImage image, ScratchImage input, float padding, float minScore, float nmsIou)
    {
        // Draw the image inside a grey frame: the padded picture maps onto the whole 320×240 input.
        var sx = InputWidth / (image.Width * (1 + 2 * padding));
        var sy = InputHeight / (image.Height * (1 + 2 * padding));
        var offsetX = padding * image.Width * sx;
        var offsetY = padding * image.Height * sy;
        input.Canvas.ResetMatrix();
        input.Canvas.Clear(PaddingGrey);
        input.Canvas.DrawImage(image, new SKRect(offsetX, offsetY, offsetX + image.Width * sx, offsetY + image.Height * sy), ScratchImage.Sampling);
        input.Canvas.Flush();
        TensorFill.Centred(input.Bitmap, input.Data, bgr: false);

        using var outputs = _model.Run(input.Tensor);
        var scores = outputs[0].GetTensorDataAsSpan<float>();
        var boxes = outputs[1].GetTensorDataAsSpan<float>();
        var candidates = new List<FaceBox>();
        for (var i = 0; i < scores.Length / 2; i++)
        {
            var score = scores[2 * i + 1];
            if (score < minScore)
                continue;
            var left = (boxes[4 * i] * InputWidth - offsetX) / sx;
            var top = (boxes[4 * i + 1] * InputHeight - offsetY) / sy;
            var right = (boxes[4 * i + 2] * InputWidth - offsetX) / sx;
            var bottom = (boxes[4 * i + 3] * InputHeight - offsetY) / sy;
            candidates.Add(new FaceBox(left, top, right, bottom, score));
        }
        return Suppress(candidates, nmsIou).Select(b => Square(b, image.Width, image.Height)).ToList();
    }

    /// <summary>
    /// Non-maximum suppression, plus containment: on a face filling the frame the detector can also report a part of
    /// it (forehead to chin, one cheek) whose overlap with the whole is under the IoU limit; a box mostly inside a
    /// stronger one is that same face, never a second person (two real faces cannot sit one inside the other).
    /// </summary>
    private static List<FaceBox> Suppress(List<FaceBox> candidates, float nmsIou)
    {
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var kept = new List<FaceBox>();
        foreach (var box in candidates)
        {
            if (kept.TrueForAll(k => k.IntersectionOverUnion(box) < nmsIou && k.Containment(box) < MaxContainment))
                kept.Add(box);
        }
        return kept;
    }

    private const float MaxContainment = 0.8f;

    /// <summary>The detector's boxes are taller than wide; the other models expect a square of the box height.</summary>
    private static FaceBox Square(FaceBox box, int width, int height)
    {
        var half = box.Height / 2;
        return new FaceBox(
            Math.Max(0, box.CenterX - half),
            Math.Max(0, box.CenterY - half),
            Math.Min(width, box.CenterX + half),
            Math.Min(height, box.CenterY + half),
            box.Score);
    }
}
