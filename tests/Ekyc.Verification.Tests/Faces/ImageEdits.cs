using SkiaSharp;

namespace Ekyc.Verification.Tests.Faces;

/// <summary>Real image manipulations for augmentation and attack simulations, re-encoded as JPEG bytes.</summary>
internal static class ImageEdits
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public static byte[] Scale(byte[] jpeg, float scale) => Draw(jpeg, (int)(Width(jpeg) * scale), (int)(Height(jpeg) * scale), 92,
        (canvas, image) => canvas.DrawImage(image, SKRect.Create(0, 0, image.Width * scale, image.Height * scale), Sampling));

    public static byte[] Quality(byte[] jpeg, int quality) => Draw(jpeg, Width(jpeg), Height(jpeg), quality,
        (canvas, image) => canvas.DrawImage(image, 0, 0, Sampling));

    public static byte[] Brightness(byte[] jpeg, float factor)
    {
        using var filter = SKColorFilter.CreateColorMatrix(
        [
            factor, 0, 0, 0, 0,
            0, factor, 0, 0, 0,
            0, 0, factor, 0, 0,
            0, 0, 0, 1, 0,
        ]);
        using var paint = new SKPaint { ColorFilter = filter };
        return Draw(jpeg, Width(jpeg), Height(jpeg), 92, (canvas, image) => canvas.DrawImage(image, 0, 0, Sampling, paint));
    }

    /// <summary>The tones squeezed into <paramref name="black"/>…255, as ink on white paper under an exposure set on the paper.</summary>
    public static byte[] LiftBlacks(byte[] jpeg, byte black)
    {
        var gain = (255f - black) / 255f;
        using var filter = SKColorFilter.CreateColorMatrix(
        [
            gain, 0, 0, 0, black / 255f,
            0, gain, 0, 0, black / 255f,
            0, 0, gain, 0, black / 255f,
            0, 0, 0, 1, 0,
        ]);
        using var paint = new SKPaint { ColorFilter = filter };
        return Draw(jpeg, Width(jpeg), Height(jpeg), 92, (canvas, image) => canvas.DrawImage(image, 0, 0, Sampling, paint));
    }

    public static byte[] Rotate(byte[] jpeg, float degrees) => Draw(jpeg, Width(jpeg), Height(jpeg), 92, (canvas, image) =>
    {
        canvas.RotateDegrees(degrees, image.Width / 2f, image.Height / 2f);
        canvas.DrawImage(image, 0, 0, Sampling);
    });

    /// <summary>Turned clockwise by whole quarter turns, as a phone saves a picture taken sideways without an orientation tag.</summary>
    public static byte[] QuarterTurns(byte[] jpeg, int turns)
    {
        var (width, height) = turns % 2 == 0 ? (Width(jpeg), Height(jpeg)) : (Height(jpeg), Width(jpeg));
        return Draw(jpeg, width, height, 92, (canvas, image) =>
        {
            canvas.Translate(width / 2f, height / 2f);
            canvas.RotateDegrees(90 * turns);
            canvas.DrawImage(image, -image.Width / 2f, -image.Height / 2f, Sampling);
        });
    }

    /// <summary>Black and white, as an old document portrait.</summary>
    public static byte[] Greyscale(byte[] jpeg)
    {
        using var filter = SKColorFilter.CreateColorMatrix(
        [
            0.299f, 0.587f, 0.114f, 0, 0,
            0.299f, 0.587f, 0.114f, 0, 0,
            0.299f, 0.587f, 0.114f, 0, 0,
            0, 0, 0, 1, 0,
        ]);
        using var paint = new SKPaint { ColorFilter = filter };
        return Draw(jpeg, Width(jpeg), Height(jpeg), 92, (canvas, image) => canvas.DrawImage(image, 0, 0, Sampling, paint));
    }

    /// <summary>Left-right mirror: the same face with its yaw reversed.</summary>
    public static byte[] Mirror(byte[] jpeg) => Draw(jpeg, Width(jpeg), Height(jpeg), 92, (canvas, image) =>
    {
        canvas.Scale(-1, 1, image.Width / 2f, 0);
        canvas.DrawImage(image, 0, 0, Sampling);
    });

    public static byte[] Blur(byte[] jpeg, float sigma)
    {
        using var paint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(sigma, sigma) };
        return Draw(jpeg, Width(jpeg), Height(jpeg), 92, (canvas, image) => canvas.DrawImage(image, 0, 0, Sampling, paint));
    }

    /// <summary>A picture of a printout of the photo: compressed tonal range, warm ink, halftone dots, held slightly tilted on a desk, refocused blur, lamp glare.</summary>
    public static byte[] PhotographedPrint(byte[] jpeg)
    {
        using var source = SKBitmap.Decode(jpeg);
        using var print = new SKBitmap(source.Width, source.Height);
        var pixels = source.Pixels;
        for (var y = 0; y < source.Height; y++)
        {
            for (var x = 0; x < source.Width; x++)
            {
                var c = pixels[y * source.Width + x];
                var dot = 1f + 0.08f * MathF.Sin(x * 2.1f) * MathF.Sin(y * 2.1f);
                byte Ink(byte v, float tint) => (byte)Math.Clamp((30 + v * 0.72f) * dot * tint, 0, 255);
                pixels[y * source.Width + x] = new SKColor(Ink(c.Red, 1.04f), Ink(c.Green, 1f), Ink(c.Blue, 0.92f));
            }
        }
        print.Pixels = pixels;
        using var printImage = SKImage.FromBitmap(print);
        using var photo = new SKBitmap(source.Width, source.Height);
        using var canvas = new SKCanvas(photo);
        canvas.Clear(new SKColor(120, 105, 90));
        var tilt = SKMatrix.Concat(SKMatrix.CreateTranslation(source.Width * 0.1f, source.Height * 0.08f), SKMatrix.CreateScale(0.85f, 0.85f));
        canvas.SetMatrix(SKMatrix.Concat(tilt, new SKMatrix(1, 0.03f, 0, -0.02f, 1, 0, 0.00008f, 0.00004f, 1)));
        using (var blur = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(1.2f, 1.2f) })
            canvas.DrawImage(printImage, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), blur);
        canvas.ResetMatrix();
        using var glare = new SKPaint
        {
            Shader = SKShader.CreateRadialGradient(new SKPoint(source.Width * 0.7f, source.Height * 0.3f), source.Width * 0.6f,
                [new SKColor(255, 255, 255, 60), new SKColor(255, 255, 255, 0)], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, source.Width, source.Height, glare);
        return Encode(photo, 75);
    }

    /// <summary>A side-by-side collage of several photos (a selfie with more than one face).</summary>
    public static byte[] SideBySide(params byte[][] jpegs)
    {
        var images = jpegs.Select(SKImage.FromEncodedData).ToList();
        var height = images.Max(i => i.Height);
        using var bitmap = new SKBitmap(images.Sum(i => i.Width), height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Gray);
        var x = 0f;
        foreach (var image in images)
        {
            canvas.DrawImage(image, x, 0, Sampling);
            x += image.Width;
            image.Dispose();
        }
        return Encode(bitmap, 92);
    }

    /// <summary>The photo shrunk to <paramref name="scale"/> in the middle of a same-size grey frame.</summary>
    public static byte[] Distant(byte[] jpeg, float scale) => Draw(jpeg, Width(jpeg), Height(jpeg), 92, (canvas, image) =>
    {
        canvas.Clear(SKColors.Gray);
        var (w, h) = (image.Width * scale, image.Height * scale);
        canvas.DrawImage(image, SKRect.Create((image.Width - w) / 2, (image.Height - h) / 2, w, h), Sampling);
    });

    public static byte[] Solid(int width, int height, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        return Encode(bitmap, 92);
    }

    private static byte[] Draw(byte[] jpeg, int width, int height, int quality, Action<SKCanvas, SKImage> draw)
    {
        using var image = SKImage.FromEncodedData(jpeg);
        using var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Black);
        draw(canvas, image);
        return Encode(bitmap, quality);
    }

    private static byte[] Encode(SKBitmap bitmap, int quality)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    private static int Width(byte[] jpeg) { using var codec = SKCodec.Create(new MemoryStream(jpeg)); return codec.Info.Width; }

    private static int Height(byte[] jpeg) { using var codec = SKCodec.Create(new MemoryStream(jpeg)); return codec.Info.Height; }
}
