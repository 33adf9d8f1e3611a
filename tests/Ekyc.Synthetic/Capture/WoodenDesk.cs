using SkiaSharp;

namespace Ekyc.Synthetic.Capture;

/// <summary>A wooden desk under a document filmed by a camera: a warm gradient with a little grain (seeded), so the page is not the only texture in view.</summary>
public static class WoodenDesk
{
    public static void Draw(SKCanvas canvas, int width, int height)
    {
        using var desk = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [new SKColor(120, 92, 64), new SKColor(96, 72, 50)], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, width, height, desk);
        using var grain = new SKPaint { Color = new SKColor(80, 60, 40, 60), StrokeWidth = 1 };
        var random = new Random(7);
        for (var i = 0; i < 120; i++)
        {
            var y = random.Next(height);
            canvas.DrawLine(0, y, width, y + random.Next(-20, 20), grain);
        }
    }
}
