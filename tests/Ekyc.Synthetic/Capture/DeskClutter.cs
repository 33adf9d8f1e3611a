using SkiaSharp;

namespace Ekyc.Synthetic.Capture;

/// <summary>
/// What lies on a desk next to the document: a till receipt printed in lines of text (dark strokes in rows, like an
/// MRZ's), a pen and a phone, each turned at random and kept off the page so the document itself stays whole.
/// </summary>
public static class DeskClutter
{
    /// <param name="unit">The page's width in desk pixels: the objects are sized against it.</param>
    public static void Draw(SKCanvas canvas, int width, int height, SKRect page, float unit, Random random)
    {
        var keepOff = SKRect.Inflate(page, unit * 0.05f, unit * 0.05f);
        Place(canvas, width, height, keepOff, unit * 0.45f, unit * 0.9f, random, Receipt);
        Place(canvas, width, height, keepOff, unit * 0.08f, unit * 1.1f, random, Pen);
        Place(canvas, width, height, keepOff, unit * 0.55f, unit * 1.1f, random, Phone);
    }

    /// <summary>Tries random spots and turns until the object's bounds miss the page; draws nothing if none does.</summary>
    private static void Place(SKCanvas canvas, int width, int height, SKRect keepOff, float w, float h, Random random,
        Action<SKCanvas, float, float, Random> draw)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var (cx, cy) = ((float)random.NextDouble() * width, (float)random.NextDouble() * height);
            var degrees = (float)(random.NextDouble() * 360);
            var turn = SKMatrix.CreateRotationDegrees(degrees).PostConcat(SKMatrix.CreateTranslation(cx, cy));
            var corners = turn.MapPoints([new(-w / 2, -h / 2), new(w / 2, -h / 2), new(w / 2, h / 2), new(-w / 2, h / 2)]);
            var bounds = new SKRect(corners.Min(p => p.X), corners.Min(p => p.Y), corners.Max(p => p.X), corners.Max(p => p.Y));
            if (bounds.IntersectsWith(keepOff))
                continue;
            canvas.Save();
            canvas.Translate(cx, cy);
            canvas.RotateDegrees(degrees);
            canvas.Translate(-w / 2, -h / 2);
            draw(canvas, w, h, random);
            canvas.Restore();
            return;
        }
    }

    private static void Receipt(SKCanvas canvas, float w, float h, Random random)
    {
        using var paper = new SKPaint { Color = new SKColor(238, 236, 228), IsAntialias = true };
        canvas.DrawRect(0, 0, w, h, paper);
        using var ink = new SKPaint { Color = new SKColor(60, 60, 66), IsAntialias = true };
        var line = w / 16;
        for (var y = line * 1.5f; y < h - line; y += line * 1.6f)
        {
            // A line of characters: strokes of a glyph's width with word gaps.
            for (var x = line; x < w - line; x += line * 0.7f)
                if (random.Next(6) != 0)
                    canvas.DrawRect(x, y, line * 0.5f, line, ink);
        }
    }

    private static void Pen(SKCanvas canvas, float w, float h, Random random)
    {
        using var body = new SKPaint { Color = random.Next(2) == 0 ? new SKColor(20, 40, 120) : new SKColor(30, 30, 30), IsAntialias = true };
        canvas.DrawRoundRect(0, 0, w, h, w / 2, w / 2, body);
        using var clip = new SKPaint { Color = new SKColor(190, 190, 195), IsAntialias = true };
        canvas.DrawRect(w * 0.35f, h * 0.05f, w * 0.3f, h * 0.3f, clip);
    }

    private static void Phone(SKCanvas canvas, float w, float h, Random random)
    {
        using var body = new SKPaint { Color = new SKColor(25, 25, 28), IsAntialias = true };
        canvas.DrawRoundRect(0, 0, w, h, w * 0.12f, w * 0.12f, body);
        using var screen = new SKPaint { Color = new SKColor(40, 44, 52), IsAntialias = true };
        canvas.DrawRoundRect(w * 0.05f, h * 0.04f, w * 0.9f, h * 0.92f, w * 0.08f, w * 0.08f, screen);
    }
}
