using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace Ekyc.Verification.Ocr;

/// <summary>Moves pixels between SkiaSharp bitmaps and the NCHW BGR tensors the PaddleOCR models take.</summary>
internal static class OcrPixels
{
    /// <summary>
    /// A resampled copy of a bitmap (RGBA, premultiplied is irrelevant for opaque images). Shrinking halves the image
    /// with bilinear sampling until one last bilinear step is left: each exact halving averages 2×2 pixels, so thin
    /// strokes do not alias, at a fraction of the cost of Skia's mipmaps (which it rebuilds on every draw).
    /// </summary>
    public static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        var current = source;
        while (current.Width >= 2 * width && current.Height >= 2 * height)
        {
            var half = Draw(current, current.Width / 2, current.Height / 2);
            half.SetImmutable(); // the next step draws from it without copying it
            if (current != source)
                current.Dispose();
            current = half;
        }
        var target = current.Width == width && current.Height == height && current != source ? current : Draw(current, width, height);
        if (current != source && current != target)
            current.Dispose();
        return target;
    }

    private static SKBitmap Draw(SKBitmap source, int width, int height)
    {
        var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear));
        return target;
    }

    /// <summary>A grey copy: every channel the pixel's luma (BT.601), the values <see cref="ToTensor"/> gives with <c>luma</c>.</summary>
    public static SKBitmap Luma(SKBitmap source)
    {
        var target = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        using var image = SKImage.FromBitmap(source);
        using var paint = new SKPaint
        {
            ColorFilter = SKColorFilter.CreateColorMatrix(
            [
                0.299f, 0.587f, 0.114f, 0, 0,
                0.299f, 0.587f, 0.114f, 0, 0,
                0.299f, 0.587f, 0.114f, 0, 0,
                0, 0, 0, 1, 0,
            ]),
        };
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), paint);
        return target;
    }

    /// <summary>Fills an NCHW tensor with BGR channels: (v/255 − mean[c]) / std[c]; with <paramref name="luma"/>, every channel the pixel's luma (BT.601).</summary>
    public static DenseTensor<float> ToTensor(SKBitmap rgba, ReadOnlySpan<float> mean, ReadOnlySpan<float> std, bool luma = false)
    {
        int width = rgba.Width, height = rgba.Height;
        var tensor = new DenseTensor<float>([1, 3, height, width]);
        var data = tensor.Buffer.Span;
        var pixels = rgba.GetPixelSpan();
        var plane = width * height;
        for (var i = 0; i < plane; i++)
        {
            var p = i * 4;
            // RGBA in memory; the models were trained on OpenCV's BGR order.
            float r = pixels[p], g = pixels[p + 1], b = pixels[p + 2];
            if (luma)
                r = g = b = 0.299f * r + 0.587f * g + 0.114f * b;
            data[i] = (b / 255f - mean[0]) / std[0];
            data[plane + i] = (g / 255f - mean[1]) / std[1];
            data[2 * plane + i] = (r / 255f - mean[2]) / std[2];
        }
        return tensor;
    }
}
