namespace Ekyc.Synthetic.Capture;

/// <summary>How a screen is built and lit.</summary>
public sealed record ScreenModel
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
