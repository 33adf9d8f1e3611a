using Ekyc.Verification.Models;
using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>
/// fr_liveness: the face box scaled 2.7× about its centre (kept inside the image), 128×128 raw pixels →
/// softmax over (live, spoof, other); reports p(live) as the geometric mean of the crop read as RGB and as BGR. The
/// channel order the model was trained on is not documented and each catches what the other misses (README,
/// <c>bench -- liveness</c>): BGR scores genuine frames far higher (median 0.998 against 0.34) and separates the
/// liveness set better, but scores a warm-tinted photographed print 0.99 where RGB gives 0.11; the mean needs both.
/// </summary>
internal sealed class AntiSpoofClassifier(ModelStore store)
{
    public const int InputSize = 128;
    private const float Context = 2.7f;
    private readonly OnnxModel _model = new(store, ModelCatalog.FaceLiveness);

    public float LiveProbability(SKImage image, FaceBox box, ScratchImage input)
    {
        input.Render(image, ContextRect(box, image.Width, image.Height), SKColors.Black);
        return MathF.Sqrt(Live(input, bgr: false) * Live(input, bgr: true));
    }

    private float Live(ScratchImage input, bool bgr)
    {
        TensorFill.Raw(input.Bitmap, input.Data, bgr);
        using var outputs = _model.Run(input.Tensor);
        return Softmax.At(outputs[0].GetTensorDataAsSpan<float>(), 0);
    }

    /// <summary>As the model was trained: the largest scale up to 2.7 that fits, shifted back inside the image.</summary>
    private static SKRect ContextRect(FaceBox box, int width, int height)
    {
        var scale = Math.Min(Context, Math.Min((height - 1) / box.Height, (width - 1) / box.Width));
        var w = box.Width * scale;
        var h = box.Height * scale;
        var left = Math.Clamp(box.CenterX - w / 2, 0, Math.Max(0, width - 1 - w));
        var top = Math.Clamp(box.CenterY - h / 2, 0, Math.Max(0, height - 1 - h));
        return SKRect.Create(left, top, w, h);
    }
}
