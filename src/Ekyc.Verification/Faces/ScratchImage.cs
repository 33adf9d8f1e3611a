using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>
/// A reusable model input: a small RGBA bitmap to render a crop into and the float tensor ONNX Runtime reads
/// from (pinned once), so the hot path allocates neither.
/// </summary>
internal sealed class ScratchImage : IDisposable
{
    public static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public ScratchImage(int width, int height, int channels)
    {
        Bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        Canvas = new SKCanvas(Bitmap);
        Data = new float[channels * width * height];
        Tensor = OrtValue.CreateTensorValueFromMemory(Data, [1, channels, height, width]);
    }

    public SKBitmap Bitmap { get; }
    public SKCanvas Canvas { get; }
    public float[] Data { get; }
    public OrtValue Tensor { get; }
    public int Width => Bitmap.Width;
    public int Height => Bitmap.Height;

    /// <summary>Renders <paramref name="source"/> of the image into the whole bitmap, <paramref name="background"/> outside it.</summary>
    public void Render(SKImage image, SKRect source, SKColor background)
    {
        Canvas.ResetMatrix();
        Canvas.Clear(background);
        Canvas.DrawImage(image, source, new SKRect(0, 0, Width, Height), Sampling);
        Canvas.Flush();
    }

    /// <summary>
    /// Renders <paramref name="source"/> into the whole bitmap; where it reaches beyond the image, the image's border pixels
    /// are repeated outwards (a neutral continuation of the scene, where a constant colour would be an edge of its own).
    /// </summary>
    public void RenderExtended(SKImage image, SKRect source)
    {
        var toBitmap = SKMatrix.Concat(SKMatrix.CreateScale(Width / source.Width, Height / source.Height), SKMatrix.CreateTranslation(-source.Left, -source.Top));
        using var shader = image.ToShader(SKShaderTileMode.Clamp, SKShaderTileMode.Clamp, Sampling, toBitmap);
        using var paint = new SKPaint { Shader = shader };
        Canvas.ResetMatrix();
        Canvas.DrawRect(0, 0, Width, Height, paint);
        Canvas.Flush();
    }

    /// <summary>Renders the image through <paramref name="transform"/> (image pixels → bitmap pixels).</summary>
    public void Render(SKImage image, SKMatrix transform, SKColor background)
    {
        Canvas.ResetMatrix();
        Canvas.Clear(background);
        Canvas.SetMatrix(transform);
        Canvas.DrawImage(image, 0, 0, Sampling);
        Canvas.ResetMatrix();
        Canvas.Flush();
    }

    public void Dispose()
    {
        Tensor.Dispose();
        Canvas.Dispose();
        Bitmap.Dispose();
    }
}
