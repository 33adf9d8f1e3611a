using SkiaSharp;

namespace Ekyc.Bench.ScaleOut;

/// <summary>
/// Identity-document and selfie photos drawn with SkiaSharp and encoded as real JPEGs: a card with a portrait,
/// text-like bars and an MRZ-like band; a selfie with a face-like shape on a background. Each seed differs.
/// </summary>
public static class SyntheticImages
{
    public static byte[] Document(int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(1000, 630);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(new SKColor(232, 236, (byte)random.Next(200, 250)));
            paint.Color = new SKColor(40, 70, (byte)random.Next(120, 200));
            canvas.DrawRect(0, 0, 1000, 70, paint);
            DrawFace(canvas, paint, random, new SKRect(40, 110, 300, 450));
            paint.Color = new SKColor(30, 30, 30);
            for (var line = 0; line < 7; line++)
                canvas.DrawRect(340, 120 + line * 45, 200 + random.Next(380), 18, paint);
            // Two MRZ-like lines of character-sized blocks.
            for (var row = 0; row < 2; row++)
            for (var column = 0; column < 44; column++)
                if (random.Next(5) > 0)
                    canvas.DrawRect(40 + column * 21, 500 + row * 55, 15, 30, paint);
        }
        return Encode(bitmap);
    }

    public static byte[] Selfie(int seed)
    {
        var random = new Random(seed * 7919);
        using var bitmap = new SKBitmap(640, 800);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(new SKColor((byte)random.Next(120, 220), (byte)random.Next(120, 220), (byte)random.Next(120, 220)));
            DrawFace(canvas, paint, random, new SKRect(140, 150, 500, 650));
        }
        return Encode(bitmap);
    }

    private static void DrawFace(SKCanvas canvas, SKPaint paint, Random random, SKRect box)
    {
        paint.Color = new SKColor((byte)random.Next(150, 240), (byte)random.Next(110, 190), (byte)random.Next(90, 160));
        canvas.DrawOval(box, paint);
        paint.Color = new SKColor(40, 30, 30);
        float eyeY = box.Top + box.Height * 0.4f, eyeDx = box.Width * 0.2f, eyeR = box.Width * 0.05f;
        canvas.DrawCircle(box.MidX - eyeDx, eyeY, eyeR, paint);
        canvas.DrawCircle(box.MidX + eyeDx, eyeY, eyeR, paint);
        paint.Color = new SKColor(150, 60, 60);
        canvas.DrawOval(new SKRect(box.MidX - box.Width * 0.18f, box.Top + box.Height * 0.7f, box.MidX + box.Width * 0.18f, box.Top + box.Height * 0.78f), paint);
    }

    private static byte[] Encode(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 88);
        return data.ToArray();
    }
}
