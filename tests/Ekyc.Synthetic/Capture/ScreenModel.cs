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

    /// <summary>
    /// An ordinary phone or monitor panel, drawn at random: stripes filling 55–95 % of their third, a screen-door gap of
    /// up to a quarter of the row, one panel in four BGR, up to 4 % of the room light reflected.
    /// </summary>
    public static ScreenModel Ordinary(Random random) => new()
    {
        FillFactor = 0.55 + (0.95 - 0.55) * random.NextDouble(),
        Gap = 0.25 * random.NextDouble(),
        Bgr = random.Next(4) == 0,
        Reflection = (float)(0.04 * random.NextDouble()),
    };
}
