namespace Ekyc.Synthetic.Capture;

/// <summary>
/// A lamp's reflection on a glossy page or laminate: white light added over a round spot (a bright core of radius
/// <c>radius</c> and a faint halo three times wider), saturating the sensor at its centre whatever the print under it.
/// </summary>
/// <param name="x">The spot's centre, scene units.</param>
/// <param name="peak">The light added at the centre (the paper itself reflects about 0.85).</param>
public sealed class GlareScene(IScene scene, double x, double y, double radius, double peak) : IScene
{
    public int Width => scene.Width;
    public int Height => scene.Height;
    public (float R, float G, float B) Surround => scene.Surround;

    public void Sample(double u, double v, Span<float> rgb)
    {
        scene.Sample(u, v, rgb);
        var d2 = ((u - x) * (u - x) + (v - y) * (v - y)) / (radius * radius);
        var glare = (float)(peak * (Math.Exp(-d2 / 2) + 0.15 * Math.Exp(-d2 / 18)));
        for (var c = 0; c < 3; c++)
            rgb[c] += glare;
    }
}
