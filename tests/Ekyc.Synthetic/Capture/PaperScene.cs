using SkiaSharp;

namespace Ekyc.Synthetic.Capture;

/// <summary>A printed page: diffuse reflectance under a lamp that is a little brighter on one side.</summary>
public sealed class PaperScene : IScene
{
    private readonly float[] _linear;
    private readonly double _tilt;

    public PaperScene(SKBitmap page, double lightTilt)
    {
        (Width, Height, _tilt) = (page.Width, page.Height, lightTilt);
        _linear = Linearise(page);
    }

    public int Width { get; }
    public int Height { get; }
    public (float R, float G, float B) Surround => (0.05f, 0.04f, 0.03f);

    /// <summary>Bilinear: paper is continuous, the page bitmap only stores it.</summary>
    public void Sample(double x, double y, Span<float> rgb)
    {
        var (fx, fy) = (Math.Max(0, x - 0.5), Math.Max(0, y - 0.5));
        var (x0, y0) = ((int)fx, (int)fy);
        var (x1, y1) = (Math.Min(x0 + 1, Width - 1), Math.Min(y0 + 1, Height - 1));
        var (ax, ay) = ((float)(fx - x0), (float)(fy - y0));
        var light = (float)(0.85 * (1 + _tilt * (x / Width - 0.5)));
        for (var c = 0; c < 3; c++)
        {
            var top = _linear[(y0 * Width + x0) * 3 + c] * (1 - ax) + _linear[(y0 * Width + x1) * 3 + c] * ax;
            var bottom = _linear[(y1 * Width + x0) * 3 + c] * (1 - ax) + _linear[(y1 * Width + x1) * 3 + c] * ax;
            rgb[c] = light * (top * (1 - ay) + bottom * ay);
        }
    }

    /// <summary>sRGB bytes → linear light, three floats per pixel.</summary>
    public static float[] Linearise(SKBitmap bitmap)
    {
        using var rgba = bitmap.Copy(SKColorType.Rgba8888);
        var pixels = rgba.GetPixelSpan();
        var table = Enumerable.Range(0, 256).Select(v => (float)Math.Pow(v / 255.0, 2.2)).ToArray();
        var linear = new float[rgba.Width * rgba.Height * 3];
        for (var i = 0; i < rgba.Width * rgba.Height; i++)
            for (var c = 0; c < 3; c++)
                linear[i * 3 + c] = table[pixels[4 * i + c]];
        return linear;
    }
}
