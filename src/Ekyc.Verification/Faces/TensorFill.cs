using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>Copies an RGBA bitmap into a planar (NCHW) float tensor with each model's normalisation.</summary>
internal static class TensorFill
{
    /// <summary>Three planes, <c>(v − 127) / 128</c>; <paramref name="bgr"/> swaps red and blue.</summary>
    public static void Centred(SKBitmap bitmap, Span<float> tensor, bool bgr)
    {
        var pixels = bitmap.GetPixelSpan();
        var plane = bitmap.Width * bitmap.Height;
        var (first, last) = bgr ? (2, 0) : (0, 2);
        for (int i = 0, p = 0; i < plane; i++, p += 4)
        {
            tensor[i] = (pixels[p + first] - 127f) / 128f;
            tensor[plane + i] = (pixels[p + 1] - 127f) / 128f;
            tensor[2 * plane + i] = (pixels[p + last] - 127f) / 128f;
        }
    }

    /// <summary>Three planes of raw 0..255 values; <paramref name="bgr"/> swaps red and blue.</summary>
    public static void Raw(SKBitmap bitmap, Span<float> tensor, bool bgr)
    {
        var pixels = bitmap.GetPixelSpan();
        var plane = bitmap.Width * bitmap.Height;
        var (first, last) = bgr ? (2, 0) : (0, 2);
        for (int i = 0, p = 0; i < plane; i++, p += 4)
        {
            tensor[i] = pixels[p + first];
            tensor[plane + i] = pixels[p + 1];
            tensor[2 * plane + i] = pixels[p + last];
        }
    }

    /// <summary>One grey plane (OpenCV's BGR2GRAY weights) divided by <paramref name="divisor"/>.</summary>
    public static void Grey(SKBitmap bitmap, Span<float> tensor, float divisor)
    {
        var pixels = bitmap.GetPixelSpan();
        var plane = bitmap.Width * bitmap.Height;
        for (int i = 0, p = 0; i < plane; i++, p += 4)
            tensor[i] = (0.299f * pixels[p] + 0.587f * pixels[p + 1] + 0.114f * pixels[p + 2]) / divisor;
    }
}
