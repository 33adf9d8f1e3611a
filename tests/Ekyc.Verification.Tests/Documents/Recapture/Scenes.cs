using SkiaSharp;

namespace Ekyc.Verification.Tests.Documents.Recapture;

/// <summary>A printed page: diffuse reflectance under a lamp that is a little brighter on one side.</summary>
internal sealed class PaperScene : IScene
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

/// <summary>How a screen is built and lit.</summary>
internal sealed record ScreenModel
{
    /// <summary>Share of each subpixel's third of the pixel width that emits (the rest is the black matrix).</summary>
    public double FillFactor { get; init; } = 0.8;
    /// <summary>Share of the pixel height that is dark between rows (screen-door gap).</summary>
    public double Gap { get; init; } = 0.1;
    /// <summary>White point of the backlight: screens run bluer than a lamp on paper.</summary>
    public (float R, float G, float B) Backlight { get; init; } = (0.92f, 1f, 1.08f);
    /// <summary>Order of the stripes left to right: RGB (most LCDs) or BGR.</summary>
    public bool Bgr { get; init; }
    /// <summary>Room light reflected by the glass, linear.</summary>
    public float Reflection { get; init; } = 0.01f;
}

/// <summary>
/// A document shown on an RGB-stripe screen: each screen pixel is three vertical stripes, red, green and blue, each
/// lit by its channel of the displayed image, separated by the black matrix.
/// </summary>
internal sealed class ScreenScene : IScene
{
    private const double Exposure = 0.85;
    private readonly float[] _linear;
    private readonly ScreenModel _model;
    private readonly float[] _gain;

    /// <summary>The page as the screen displays it: resampled to <paramref name="screenWidth"/> pixels.</summary>
    public ScreenScene(SKBitmap page, int screenWidth, ScreenModel model)
    {
        Width = screenWidth;
        Height = (int)Math.Round((double)page.Height * screenWidth / page.Width);
        using var shown = page.Resize(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        _linear = PaperScene.Linearise(shown);
        _model = model;
        // Each stripe emits over fill/3 of the width and 1−gap of the height: scale it so a white pixel averages
        // the backlight, exposed a little under saturation.
        var gain = (float)(Exposure / (model.FillFactor * (1 - model.Gap) / 3));
        _gain = [gain * model.Backlight.R, gain * model.Backlight.G, gain * model.Backlight.B];
    }

    public int Width { get; }
    public int Height { get; }
    public (float R, float G, float B) Surround => (0.01f, 0.01f, 0.012f);

    public void Sample(double x, double y, Span<float> rgb)
    {
        var (i, j) = ((int)x, (int)y);
        var (fx, fy) = (x - i, y - j);
        rgb[0] = rgb[1] = rgb[2] = _model.Reflection;
        if (fy >= 1 - _model.Gap)
            return;
        var stripe = Math.Min(2, (int)(fx * 3));
        if (fx * 3 - stripe >= _model.FillFactor)
            return;
        var channel = _model.Bgr ? 2 - stripe : stripe;
        rgb[channel] += _gain[channel] * _linear[(j * Width + i) * 3 + channel];
    }
}
