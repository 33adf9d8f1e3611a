using Ekyc.Verification.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace Ekyc.Verification.Documents.Forensics;

/// <summary>A face found on the document: its score and box in image pixels.</summary>
public sealed record PortraitFace(float Score, SKRect Box);

/// <summary>
/// Looks for the holder's portrait with the face detector <c>fr_detect</c> (its own small use of the model, independent
/// of the face engine): the image is padded with a grey border (a face filling the frame is otherwise missed),
/// resized to 320×240, normalised (v−127)/128; the model's boxes are already decoded and its scores softmaxed.
/// </summary>
public sealed class PortraitFinder(ModelStore models)
{
    private const int InputWidth = 320;
    private const int InputHeight = 240;
    private const float Padding = 0.35f;

    public PortraitFace? Find(SKBitmap image, float minScore)
    {
        var (padX, padY) = ((int)(image.Width * Padding), (int)(image.Height * Padding));
        var (w, h) = (image.Width + 2 * padX, image.Height + 2 * padY);
        using var input = new SKBitmap(new SKImageInfo(InputWidth, InputHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(input))
        {
            canvas.Clear(new SKColor(127, 127, 127));
            using var source = SKImage.FromBitmap(image);
            var (sx, sy) = ((float)InputWidth / w, (float)InputHeight / h);
            canvas.DrawImage(source, new SKRect(padX * sx, padY * sy, (padX + image.Width) * sx, (padY + image.Height) * sy),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }
        var tensor = new DenseTensor<float>([1, 3, InputHeight, InputWidth]);
        var pixels = input.GetPixelSpan();
        var plane = InputWidth * InputHeight;
        for (var i = 0; i < plane; i++)
            for (var c = 0; c < 3; c++)
                tensor.Buffer.Span[c * plane + i] = (pixels[4 * i + c] - 127f) / 128f;

        var session = models.Session(ModelCatalog.FaceDetect);
        using var outputs = InferenceClock.Time(() => session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), tensor)]));
        var scores = outputs.First(o => o.Name == "scores").AsTensor<float>();
        var boxes = outputs.First(o => o.Name == "boxes").AsTensor<float>();
        PortraitFace? best = null;
        for (var i = 0; i < scores.Dimensions[1]; i++)
        {
            var score = scores[0, i, 1];
            if (score < minScore || (best is not null && score <= best.Score))
                continue;
            var box = new SKRect(boxes[0, i, 0] * w - padX, boxes[0, i, 1] * h - padY, boxes[0, i, 2] * w - padX, boxes[0, i, 3] * h - padY);
            best = new PortraitFace(score, box);
        }
        return best;
    }
}
