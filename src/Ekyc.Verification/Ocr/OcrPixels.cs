using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace Ekyc.Verification.Ocr;

/// <summary>Moves pixels between SkiaSharp bitmaps and the NCHW BGR tensors the PaddleOCR models take.</summary>
internal static class OcrPixels
{
    /// <summary>A resampled copy of a bitmap (RGBA, premultiplied is irrelevant for opaque images).</summary>
    public static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return target;
    }

    /// <summary>Fills an NCHW tensor with BGR channels: (v/255 − mean[c]) / std[c].</summary>
    public static DenseTensor<float> ToTensor(SKBitmap rgba, ReadOnlySpan<float> mean, ReadOnlySpan<float> std)
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
            data[i] = (pixels[p + 2] / 255f - mean[0]) / std[0];
            data[plane + i] = (pixels[p + 1] / 255f - mean[1]) / std[1];
            data[2 * plane + i] = (pixels[p] / 255f - mean[2]) / std[2];
        }
        return tensor;
    }
}
