using Ekyc.Verification.Models;
using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>
/// fr_liveness: the face box scaled 2.7× about its centre, 128×128 raw pixels → softmax over (live, spoof, other);
/// reports p(live) as the geometric mean of every reading: each crop read as RGB and as BGR. The channel order the
/// model was trained on is not documented and each catches what the other misses (README, <c>bench -- liveness</c>):
/// BGR scores genuine frames far higher (median 0.998 against 0.34) and separates the liveness set better, but scores
/// a warm-tinted photographed print 0.99 where RGB gives 0.11; the mean needs both.
/// <para>
/// A close face leaves no room for the 2.7× context: the crop kept inside the image shows the model a tighter face than
/// it was trained on, and genuine close-ups then score low (liveness set: median 0.15 when the face box spans ≥ 90 % of
/// the short side, 0.74 at 40–55 %). Such a face is also read at the full 2.7× with the image's border pixels
/// extended outwards (<see cref="FaceOptions.AntiSpoofExtendedContext"/>); both crops must call it live.
/// </para>
/// </summary>
internal sealed class AntiSpoofClassifier(ModelStore store, bool extendedContext)
{
    public const int InputSize = 128;
    private const float Context = 2.7f;
    private readonly OnnxModel _model = new(store, ModelCatalog.FaceLiveness);

    public float LiveProbability(SKImage image, FaceBox box, ScratchImage input)
    {
        input.Render(image, ContextRect(box, image.Width, image.Height), SKColors.Black);
        var kept = Live(input, bgr: false) * Live(input, bgr: true);
        var full = FullContext(box);
        // When the full context fits, the kept crop is that context already.
        if (!extendedContext || SKRect.Create(image.Width, image.Height).Contains(full))
            return MathF.Sqrt(kept);
        input.RenderExtended(image, full);
        var extended = Live(input, bgr: false) * Live(input, bgr: true);
        return MathF.Sqrt(MathF.Sqrt(kept * extended));
    }

    private float Live(ScratchImage input, bool bgr)
    {
        TensorFill.Raw(input.Bitmap, input.Data, bgr);
        using var outputs = _model.Run(input.Tensor);
        return Softmax.At(outputs[0].GetTensorDataAsSpan<float>(), 0);
    }

    private static SKRect FullContext(FaceBox box) =>
        SKRect.Create(box.CenterX - box.Width * Context / 2, box.CenterY - box.Height * Context / 2, box.Width * Context, box.Height * Context);

    /// <summary>As the model's reference code crops: the largest scale up to 2.7 that fits, shifted back inside the image.</summary>
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
