using SkiaSharp;

namespace Ekyc.Verification.Ocr;

/// <summary>
/// Where a line's ink lies across a text box: the band of rows, within a box height either side of the box's centre,
/// whose mean darkness reaches half-way from the paper to the darkest row, taken from the darkest row near the
/// centre outwards (so a neighbouring line beyond a paper gap is not included). <see cref="Offset"/> is the band's
/// centre minus the box's, across the text (positive: the ink lies below the box's centre, in text orientation);
/// <see cref="Height"/> its extent. Both in image pixels.
/// </summary>
internal readonly record struct InkBand(float Offset, float Height)
{
    private const int Columns = 256;
    /// <summary>Rows sampled per box height; the strip spans one box height either side of the centre.</summary>
    private const int RowsPerHeight = 24;
    /// <summary>Too little contrast between paper and ink rows to place a band.</summary>
    private const float MinContrast = 12f;

    /// <summary>The ink band across <paramref name="box"/>, or null when its rows show no clear band.</summary>
    public static InkBand? Measure(SKBitmap image, RotatedBox box)
    {
        var rows = 2 * RowsPerHeight + 1;
        var darkness = Profile(image, box, rows);
        if (darkness is null)
            return null;
        var paper = darkness.Min();
        var centre = RowsPerHeight;
        // The darkest row within half a box height of the centre anchors the band.
        var anchor = centre;
        for (var r = centre - RowsPerHeight / 2; r <= centre + RowsPerHeight / 2; r++)
            if (darkness[r] > darkness[anchor])
                anchor = r;
        var peak = darkness[anchor];
        if (peak - paper < MinContrast)
            return null;
        var half = paper + (peak - paper) / 2;
        var top = Edge(darkness, anchor, -1, half);
        var bottom = Edge(darkness, anchor, 1, half);
        if (top is null || bottom is null)
            return null;
        var step = box.Height / RowsPerHeight;
        return new InkBand(((top.Value + bottom.Value) / 2 - centre) * step, (bottom.Value - top.Value) * step);
    }

    /// <summary>The box moved across its text so that the band is centred, its height <paramref name="heightPerInk"/> × the band's.</summary>
    public RotatedBox Centre(RotatedBox box, float heightPerInk)
    {
        var (ux, uy) = box.Along;
        return box with { CenterX = box.CenterX - uy * Offset, CenterY = box.CenterY + ux * Offset, Height = Height * heightPerInk };
    }

    /// <summary>Where the darkness crosses <paramref name="level"/> going from <paramref name="from"/> in <paramref name="direction"/>, interpolated.</summary>
    private static float? Edge(float[] darkness, int from, int direction, float level)
    {
        for (var r = from; r + direction >= 0 && r + direction < darkness.Length; r += direction)
        {
            var next = darkness[r + direction];
            if (next < level)
                return r + direction * (darkness[r] - level) / (darkness[r] - next);
        }
        return null;
    }

    /// <summary>Mean darkness (255 − luma) of each row across the strip, sampled at <see cref="Columns"/> points along the text.</summary>
    private static float[]? Profile(SKBitmap image, RotatedBox box, int rows)
    {
        var pixels = image.GetPixelSpan();
        var (ux, uy) = box.Along;
        var (vx, vy) = (-uy, ux);
        var step = box.Height / RowsPerHeight;
        var darkness = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var b = (r - RowsPerHeight) * step;
            float sum = 0;
            var count = 0;
            for (var i = 0; i < Columns; i++)
            {
                var a = ((i + 0.5f) / Columns - 0.5f) * box.Width;
                var x = (int)(box.CenterX + a * ux + b * vx);
                var y = (int)(box.CenterY + a * uy + b * vy);
                if (x < 0 || y < 0 || x >= image.Width || y >= image.Height)
                    continue;
                var p = 4 * (y * image.Width + x);
                sum += 255 - ((77 * pixels[p] + 150 * pixels[p + 1] + 29 * pixels[p + 2]) >> 8);
                count++;
            }
            if (count < Columns / 2)
                return null;
            darkness[r] = sum / count;
        }
        return darkness;
    }
}
