using SkiaSharp;

namespace Ekyc.Synthetic.Capture;

/// <summary>
/// A screen whose pixels the camera cannot resolve (a high-density phone screen photographed from farther, or out of
/// focus): its subpixels blend into continuous light, so it shows the picture through its own tone curve, tinted by the
/// backlight, over the black the panel leaks, with the room reflected in the glass (an even veil and a soft glare spot).
/// </summary>
public sealed class FineScreenScene : IScene
{
    private const double Exposure = 0.85;
    private readonly float[] _linear;
    private readonly FineScreenModel _model;

    public FineScreenScene(SKBitmap picture, FineScreenModel model)
    {
        (Width, Height, _model) = (picture.Width, picture.Height, model);
        using var shown = picture.Copy(SKColorType.Rgba8888);
        var pixels = shown.GetPixelSpan();
        var table = Enumerable.Range(0, 256).Select(v => (byte)Math.Round(255 * Math.Pow(v / 255.0, model.ToneGamma))).ToArray();
        for (var i = 0; i < pixels.Length; i++)
            if (i % 4 != 3)
                pixels[i] = table[pixels[i]];
        _linear = PaperScene.Linearise(shown);
    }

    public int Width { get; }
    public int Height { get; }
    public (float R, float G, float B) Surround => (0.01f, 0.01f, 0.012f);

    public void Sample(double x, double y, Span<float> rgb)
    {
        var (fx, fy) = (Math.Max(0, x - 0.5), Math.Max(0, y - 0.5));
        var (x0, y0) = ((int)fx, (int)fy);
        var (x1, y1) = (Math.Min(x0 + 1, Width - 1), Math.Min(y0 + 1, Height - 1));
        var (ax, ay) = ((float)(fx - x0), (float)(fy - y0));
        var (dx, dy) = ((x - _model.GlareX * Width) / Width, (y - _model.GlareY * Height) / Width);
        var glare = _model.Reflection + _model.Glare * Math.Exp(-(dx * dx + dy * dy) / (2 * _model.GlareRadius * _model.GlareRadius));
        for (var c = 0; c < 3; c++)
        {
            var top = _linear[(y0 * Width + x0) * 3 + c] * (1 - ax) + _linear[(y0 * Width + x1) * 3 + c] * ax;
            var bottom = _linear[(y1 * Width + x0) * 3 + c] * (1 - ax) + _linear[(y1 * Width + x1) * 3 + c] * ax;
            var emitted = _model.BlackLeak + (1 - _model.BlackLeak) * (top * (1 - ay) + bottom * ay);
            rgb[c] = (float)(Exposure * _model.Backlight[c] * emitted + glare);
        }
    }
}

/// <summary>How a fine screen shows a picture: tone curve, backlight tint, panel black, reflections (linear light).</summary>
public sealed record FineScreenModel
{
    /// <summary>Exponent applied to the encoded picture (the panel's gamma against sRGB's).</summary>
    public double ToneGamma { get; init; } = 1;
    public double[] Backlight { get; init; } = [0.94, 1, 1.06];
    /// <summary>Light a black pixel still emits, as a share of white (an LCD leaks ~0.1–1 %, an OLED nothing).</summary>
    public double BlackLeak { get; init; }
    /// <summary>Even room light reflected by the glass.</summary>
    public double Reflection { get; init; }
    /// <summary>Peak of a soft glare spot (a lamp or window in the glass), its centre (share of width, height) and radius (share of width).</summary>
    public double Glare { get; init; }
    public double GlareX { get; init; } = 0.5;
    public double GlareY { get; init; } = 0.5;
    public double GlareRadius { get; init; } = 0.3;
}
