using SkiaSharp;

namespace Ekyc.Synthetic.Capture;

/// <summary>
/// A document shown on an RGB-stripe screen: each screen pixel is three vertical stripes, red, green and blue, each
/// lit by its channel of the displayed image, separated by the black matrix.
/// </summary>
public sealed class ScreenScene : IScene
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
