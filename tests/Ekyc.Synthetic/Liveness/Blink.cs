using SkiaSharp;

namespace Ekyc.Synthetic.Liveness;

/// <summary>
/// Closes both eyes of a face: the eye opening is covered by lid skin — the colours of the thin bands just above the
/// upper lid and just below the lower lid (at least as bright as the cheek), shaded from one to the other with a soft
/// edge — and a dark lash line is
/// drawn where the lids meet. (Stretching the upper lid down instead drags the brow along on deep-set eyes.)
/// </summary>
public static class Blink
{
    public static SKBitmap Render(SKBitmap frame, IReadOnlyList<SKPoint> landmarks)
    {
        var output = frame.Copy();
        using var canvas = new SKCanvas(output);
        // Each eye: corner, two upper-lid points, corner; the lower-lid points under the upper ones.
        CloseEye(canvas, frame, landmarks[36], landmarks[37], landmarks[38], landmarks[39], landmarks[41], landmarks[40]);
        CloseEye(canvas, frame, landmarks[42], landmarks[43], landmarks[44], landmarks[45], landmarks[47], landmarks[46]);
        return output;
    }

    private static void CloseEye(SKCanvas canvas, SKBitmap frame, SKPoint a, SKPoint u1, SKPoint u2, SKPoint b, SKPoint l1, SKPoint l2)
    {
        var along = b - a;
        var width = HeadTurn.Distance(a, b);
        var up = HeadTurn.Unit(new SKPoint(along.Y, -along.X));
        if (up.Y > 0)
            up = new SKPoint(-up.X, -up.Y);
        SKPoint Up(SKPoint p, double share) => p + HeadTurn.Scale(up, share * width);
        var (a2, b2) = (a - HeadTurn.Scale(along, 0.18), b + HeadTurn.Scale(along, 0.18));
        // The lid is lit like the cheek below the eye, not like the shadow of a deep-set eye's crease.
        var cheek = MeanColour(frame, [Up(l1, -0.35), Up(l2, -0.35), Up(l1, -0.45), Up(l2, -0.45)]);
        var upper = Brighter(MeanColour(frame, [Up(u1, 0.2), Up(u2, 0.2), Up(u1, 0.26), Up(u2, 0.26)]), Darker(cheek, 0.95));
        var lower = Brighter(MeanColour(frame, [Up(l1, -0.12), Up(l2, -0.12), Up(l1, -0.18), Up(l2, -0.18)]), Darker(cheek, 0.97));
        var (top, bottom) = (Up(HeadTurn.Mean([u1, u2], 0, 2), 0.18), Up(HeadTurn.Mean([l1, l2], 0, 2), -0.1));

        using var builder = new SKPathBuilder();
        builder.MoveTo(a2);
        builder.CubicTo(Up(u1, 0.24), Up(u2, 0.24), b2);
        builder.CubicTo(Up(l2, -0.12), Up(l1, -0.12), a2);
        builder.Close();
        using var lid = builder.Detach();
        using var shade = SKShader.CreateLinearGradient(top, bottom, [upper, Darker(upper, 0.93), lower], [0, 0.7f, 1], SKShaderTileMode.Clamp);
        using var soft = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, (float)Math.Max(0.6, width * 0.05));
        using (var skin = new SKPaint { Shader = shade, IsAntialias = true, MaskFilter = soft })
            canvas.DrawPath(lid, skin);

        using var lashBuilder = new SKPathBuilder();
        lashBuilder.MoveTo(a);
        lashBuilder.CubicTo(Up(l1, 0.0), Up(l2, 0.0), b);
        using var lashes = lashBuilder.Detach();
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, (float)Math.Max(0.5, width * 0.02));
        using var ink = new SKPaint
        {
            Color = new SKColor(30, 22, 18, 240),
            IsStroke = true,
            StrokeWidth = (float)Math.Max(1.5, width * 0.1),
            StrokeCap = SKStrokeCap.Round,
            IsAntialias = true,
            MaskFilter = blur,
        };
        canvas.DrawPath(lashes, ink);
    }

    private static SKColor MeanColour(SKBitmap frame, IEnumerable<SKPoint> points)
    {
        var samples = points.Select(p => frame.GetPixel(Math.Clamp((int)p.X, 0, frame.Width - 1), Math.Clamp((int)p.Y, 0, frame.Height - 1))).ToList();
        return new SKColor((byte)samples.Average(c => c.Red), (byte)samples.Average(c => c.Green), (byte)samples.Average(c => c.Blue));
    }

    private static SKColor Brighter(SKColor a, SKColor b) => a.Red + a.Green + a.Blue >= b.Red + b.Green + b.Blue ? a : b;

    private static SKColor Darker(SKColor c, double f) => new((byte)(c.Red * f), (byte)(c.Green * f), (byte)(c.Blue * f));
}
