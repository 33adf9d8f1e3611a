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
    /// <summary>The share of the page's longer side each part looked at again covers (<see cref="FindInParts"/>).</summary>
    private const float PartShare = 0.6f;

    public PortraitFace? Find(SKBitmap image, float minScore)
    {
        // One image for every look: Skia builds its mipmaps (most of this stage's time) once.
        using var source = SKImage.FromBitmap(image);
        var page = SKRect.Create(image.Width, image.Height);
        return Find(source, page, minScore) ?? FindInParts(source, page, minScore);
    }

    /// <summary>
    /// The page looked at again in two parts, each 60 % of its longer side from one end: a portrait takes a fifth to a
    /// quarter of the page's width, and in the detector's 320 px of the whole padded page its face is some 45 px wide.
    /// A face filling its frame there scored under the floor (a genuine passport of the national design, portrait on the
    /// right, turned 2–6°: 0.23 on the page, 0.98 on its right part). Each end holds a portrait on either side whole, at
    /// 1.7 × the size. Only when the whole page found none: two more detector runs.
    /// </summary>
    private PortraitFace? FindInParts(SKImage source, SKRect page, float minScore)
    {
        var alongWidth = page.Width >= page.Height;
        var part = PartShare * (alongWidth ? page.Width : page.Height);
        SKRect[] parts = alongWidth
            ? [new SKRect(0, 0, part, page.Height), new SKRect(page.Width - part, 0, page.Width, page.Height)]
            : [new SKRect(0, 0, page.Width, part), new SKRect(0, page.Height - part, page.Width, page.Height)];
        return parts.Select(region => Find(source, region, minScore)).Where(f => f is not null).MaxBy(f => f!.Score);
    }

    /// <summary>The best face of at least <paramref name="minScore"/> in <paramref name="region"/> of the image, its box in image pixels.</summary>
    private PortraitFace? Find(SKImage source, SKRect region, float minScore)
    {
        var (padX, padY) = ((int)(region.Width * Padding), (int)(region.Height * Padding));
        var (w, h) = (region.Width + 2 * padX, region.Height + 2 * padY);
        using var input = new SKBitmap(new SKImageInfo(InputWidth, InputHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(input))
        {
            canvas.Clear(new SKColor(127, 127, 127));
            var (sx, sy) = (InputWidth / w, InputHeight / h);
            canvas.DrawImage(source, region, new SKRect(padX * sx, padY * sy, (padX + region.Width) * sx, (padY + region.Height) * sy),
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
            best = new PortraitFace(score, SKRect.Create(region.Left + box.Left, region.Top + box.Top, box.Width, box.Height));
        }
        return best;
    }
}
