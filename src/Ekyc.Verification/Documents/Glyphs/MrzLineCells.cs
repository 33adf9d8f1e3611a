using System.Numerics;
using System.Runtime.CompilerServices;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Ocr;
using SkiaSharp;

namespace Ekyc.Verification.Documents.Glyphs;

/// <summary>
/// The character cells of one MRZ line in the image, compared with OCR-B glyphs. The MRZ is printed at a fixed pitch,
/// so the cells lie on a straight line: fitted to where the recogniser read each character, then aligned (offset and
/// size) on the glyphs of the characters it read surely. A cell's match with a glyph is the normalised
/// cross-correlation of their ink at the best small shift, an independent second reading of the character's shape.
/// Built for one reading (it keeps the cells it sampled): not shared between threads.
/// </summary>
internal sealed class MrzLineCells
{
    /// <summary>Characters read at least this surely align the cells (their shapes are known).</summary>
    private const float SureProbability = 0.75f;
    private const int MaxAligning = 16;
    /// <summary>Glyph sizes tried against the pitch read from the line (printers and cameras stretch a little).</summary>
    private static readonly float[] Sizes = [0.92f, 1f, 1.08f];
    /// <summary>A cell is searched this far (in template pixels) around where the aligned line puts it.</summary>
    private const int CellSlackX = 4, CellSlackY = 3;

    private readonly GrayImage _image;
    private readonly OcrBGlyphs _glyphs;
    private readonly RotatedBox _box;
    private readonly float _start, _pitch, _scale, _shiftX, _shiftY;
    private readonly Dictionary<int, Window> _cells = [];

    private MrzLineCells(GrayImage image, OcrBGlyphs glyphs, RotatedBox box, float start, float pitch, float scale, float shiftX, float shiftY)
    {
        (_image, _glyphs, _box, _start, _pitch, _scale, _shiftX, _shiftY) = (image, glyphs, box, start, pitch, scale, shiftX, shiftY);
    }

    /// <summary>
    /// The cells of a line read as <paramref name="text"/> in <paramref name="box"/>; null when the reading has no
    /// positions (its length was repaired) or too few sure characters to align on.
    /// </summary>
    public static MrzLineCells? Fit(SKBitmap image, RotatedBox box, string text, CtcAlternatives? alternatives, OcrBGlyphs glyphs)
    {
        if (alternatives is null || alternatives.Count != text.Length || text.Length < 20)
            return null;
        // Where each character was read, along the box from its centre: a straight line at the pitch, a few outliers aside.
        var along = Enumerable.Range(0, text.Length).Select(i => (alternatives.Along(i) - 0.5f) * box.Width).ToArray();
        var (start, pitch) = FitLine(along, Enumerable.Range(0, text.Length));
        var (start2, pitch2) = FitLine(along, Enumerable.Range(0, text.Length).Where(i => MathF.Abs(along[i] - start - pitch * i) < 0.5f * pitch));
        if (pitch2 <= 2)
            return null;
        var sure = Enumerable.Range(0, text.Length)
            .Where(i => text[i] != '<' && CheckDigit.IsMrzChar(text[i]) && alternatives.Probability(i, text[i]) >= SureProbability)
            .ToList();
        if (sure.Count < 4)
            return null;
        var aligning = Enumerable.Range(0, Math.Min(MaxAligning, sure.Count)).Select(k => sure[k * sure.Count / Math.Min(MaxAligning, sure.Count)]).ToList();
        var gray = GrayImage.From(image);
        MrzLineCells? best = null;
        var bestScore = float.MinValue;
        foreach (var size in Sizes)
        {
            var scale = pitch2 / OcrBGlyphs.Pitch / size;
            var probe = new MrzLineCells(gray, glyphs, box, start2, pitch2, scale, 0, 0);
            // Wide search: the recogniser's positions sit anywhere inside a character, the box anywhere across the line.
            var matches = aligning.Select(i => probe.Match(i, text[i], OcrBGlyphs.Pitch / 2, glyphs.Height / 3)).ToList();
            var score = Median(matches.Select(m => m.Score));
            if (score > bestScore)
            {
                bestScore = score;
                best = new MrzLineCells(gray, glyphs, box, start2, pitch2, scale, Median(matches.Select(m => (float)m.Dx)), Median(matches.Select(m => (float)m.Dy)));
            }
        }
        return best;
    }

    /// <summary>How well the cell at <paramref name="column"/> matches the glyph of <paramref name="c"/> (−1…1).</summary>
    public float Score(int column, char c)
    {
        // One cell is compared with many glyphs: its ink and the ink's sums at each shift are computed once.
        if (!_cells.TryGetValue(column, out var cell))
            _cells[column] = cell = new Window(Sample(column, OcrBGlyphs.Pitch + 2 * CellSlackX, _glyphs.Height + 2 * CellSlackY), CellSlackX, CellSlackY, _glyphs.Height);
        return Match(cell, c).Score;
    }

    private (float Score, int Dx, int Dy) Match(int column, char c, int slackX, int slackY) =>
        Match(new Window(Sample(column, OcrBGlyphs.Pitch + 2 * slackX, _glyphs.Height + 2 * slackY), slackX, slackY, _glyphs.Height), c);

    private (float Score, int Dx, int Dy) Match(Window window, char c)
    {
        var template = _glyphs.Template(c);
        var (tMean, tVar) = _glyphs.Moments(c);
        if (tVar <= 1e-6f)
            return (-1f, 0, 0);
        int tw = OcrBGlyphs.Pitch, th = _glyphs.Height, pw = window.Width;
        var best = (Score: -1f, Dx: 0, Dy: 0);
        for (var oy = 0; oy <= 2 * window.SlackY; oy++)
            for (var ox = 0; ox <= 2 * window.SlackX; ox++)
            {
                var at = oy * (2 * window.SlackX + 1) + ox;
                if (window.Variance[at] <= 1e-6f)
                    continue;
                float cross = 0;
                for (var y = 0; y < th; y++)
                    cross += Dot(window.Ink.AsSpan((oy + y) * pw + ox, tw), template.Slice(y * tw, tw));
                var ncc = (cross - window.Sum[at] * tMean) / MathF.Sqrt(window.Variance[at] * tVar);
                if (ncc > best.Score)
                    best = (ncc, ox - window.SlackX, oy - window.SlackY);
            }
        return best;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += Vector.Dot(new Vector<float>(a[i..]), new Vector<float>(b[i..]));
        for (; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    /// <summary>The ink around a cell, and for each shift of a glyph over it the sum and variance of the ink it covers.</summary>
    internal sealed class Window
    {
        public Window(float[] ink, int slackX, int slackY, int glyphHeight)
        {
            (Ink, SlackX, SlackY) = (ink, slackX, slackY);
            Width = OcrBGlyphs.Pitch + 2 * slackX;
            var columns = 2 * slackX + 1;
            (Sum, Variance) = (new float[columns * (2 * slackY + 1)], new float[columns * (2 * slackY + 1)]);
            var n = OcrBGlyphs.Pitch * glyphHeight;
            // The shifts of one row side by side, a vector of them at a time: each shift still adds its pixels in the
            // same order (row by row, left to right), so every sum is the one a shift-by-shift loop gives, bit for bit.
            Span<float> sum = stackalloc float[columns], sumSq = stackalloc float[columns];
            for (var oy = 0; oy <= 2 * slackY; oy++)
            {
                sum.Clear();
                sumSq.Clear();
                for (var y = 0; y < glyphHeight; y++)
                    for (var x = 0; x < OcrBGlyphs.Pitch; x++)
                        Accumulate(ink.AsSpan((oy + y) * Width + x, columns), sum, sumSq);
                for (var ox = 0; ox < columns; ox++)
                    (Sum[oy * columns + ox], Variance[oy * columns + ox]) = (sum[ox], sumSq[ox] - sum[ox] * sum[ox] / n);
            }
        }

        /// <summary>Adds each of <paramref name="pixels"/> to its shift's sum and its square to its sum of squares.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Accumulate(ReadOnlySpan<float> pixels, Span<float> sum, Span<float> sumSq)
        {
            var i = 0;
            for (; i <= pixels.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var p = new Vector<float>(pixels[i..]);
                (new Vector<float>(sum[i..]) + p).CopyTo(sum[i..]);
                (new Vector<float>(sumSq[i..]) + p * p).CopyTo(sumSq[i..]);
            }
            for (; i < pixels.Length; i++)
            {
                sum[i] += pixels[i];
                sumSq[i] += pixels[i] * pixels[i];
            }
        }

        public float[] Ink { get; }
        public int Width { get; }
        public int SlackX { get; }
        public int SlackY { get; }
        public float[] Sum { get; }
        public float[] Variance { get; }
    }

    /// <summary>The ink around a cell, straightened, at template scale (<paramref name="width"/> × <paramref name="height"/>, centred on the cell).</summary>
    private float[] Sample(int column, int width, int height)
    {
        var (ux, uy) = _box.Along;
        var (vx, vy) = (-uy, ux);
        var centreAlong = _start + _pitch * column + _shiftX * _scale;
        var centreAcross = _shiftY * _scale;
        var patch = new float[width * height];
        var image = _image.Sampler();
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var a = centreAlong + (x - width / 2f + 0.5f) * _scale;
                var b = centreAcross + (y - height / 2f + 0.5f) * _scale;
                patch[y * width + x] = image.Ink(_box.CenterX + a * ux + b * vx, _box.CenterY + a * uy + b * vy);
            }
        return patch;
    }

    private static (float Start, float Pitch) FitLine(float[] along, IEnumerable<int> indices)
    {
        var points = indices.ToList();
        if (points.Count < 2)
            return (0, 0);
        double mi = points.Average(), ma = points.Average(i => along[i]);
        double cov = points.Sum(i => (i - mi) * (along[i] - ma)), var = points.Sum(i => (i - mi) * (i - mi));
        var pitch = cov / var;
        return ((float)(ma - pitch * mi), (float)pitch);
    }

    private static float Median(IEnumerable<float> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
