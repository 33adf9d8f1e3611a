namespace Ekyc.Synthetic.Capture;

/// <summary>
/// A page that does not lie flat (a booklet's page bowing away from the spine, a card bent in a wallet), seen from
/// above: every column shifted along the page's height by up to <c>bow</c> (a share of the height, largest mid-page,
/// none at the side edges), so straight lines of print become arcs, and the slopes darker where they turn from the lamp.
/// </summary>
public sealed class CurvedPageScene(IScene scene, double bow) : IScene
{
    public int Width => scene.Width;
    public int Height => scene.Height;
    public (float R, float G, float B) Surround => scene.Surround;

    public void Sample(double u, double v, Span<float> rgb)
    {
        var across = 2 * u / Width - 1;
        var shifted = v - bow * Height * (1 - across * across);
        if (shifted < 0 || shifted >= Height)
        {
            (rgb[0], rgb[1], rgb[2]) = Surround;
            return;
        }
        scene.Sample(u, shifted, rgb);
        // The slope of the bow (2·bow·H/W·across at most) turns the paper from the light.
        var shade = (float)(1 - 0.5 * Math.Abs(2 * bow * Height / Width * 2 * across));
        for (var c = 0; c < 3; c++)
            rgb[c] *= shade;
    }
}
