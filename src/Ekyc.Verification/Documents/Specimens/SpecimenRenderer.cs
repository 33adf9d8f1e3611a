using Ekyc.Verification.Documents.Mrz;
using SkiaSharp;

namespace Ekyc.Verification.Documents.Specimens;

/// <summary>
/// Renders synthetic TD3 passport data pages and TD1 cards with an OCR-B MRZ at ICAO geometry (10 characters per
/// inch), printed fields that repeat the MRZ data, a portrait area and a light background pattern. For tests and
/// benchmarks: the OCR-B font is loaded from a file path (Debian <c>fonts-ocr-b</c>).
/// </summary>
public sealed class SpecimenRenderer(string ocrBFontPath)
{
    public const string DebianOcrBPath = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";
    private const float MrzPitchMm = 2.54f;

    /// <summary>The page as an encoded image (PNG, or JPEG below quality 100).</summary>
    public byte[] Render(MrzFields fields, SpecimenOptions options)
    {
        using var page = RenderPage(fields, options);
        using var degraded = Degrade(page, options);
        using var image = SKImage.FromBitmap(degraded);
        using var data = options.JpegQuality >= 100
            ? image.Encode(SKEncodedImageFormat.Png, 100)
            : image.Encode(SKEncodedImageFormat.Jpeg, options.JpegQuality);
        return data.ToArray();
    }

    /// <summary>Pixels per MRZ character for a page of <paramref name="width"/> pixels.</summary>
    public static float PixelsPerMrzChar(MrzFormat format, int width) => MrzPitchMm * width / PageWidthMm(format);

    private static float PageWidthMm(MrzFormat format) => format == MrzFormat.Td1 ? 85.6f : 125f;

    private SKBitmap RenderPage(MrzFields fields, SpecimenOptions options)
    {
        var td1 = fields.Format == MrzFormat.Td1;
        var (widthMm, heightMm) = td1 ? (85.6f, 54f) : (125f, 88f);
        var mm = options.Width / widthMm;
        var height = (int)MathF.Round(heightMm * mm);
        var bitmap = new SKBitmap(new SKImageInfo(options.Width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var typeface = SKTypeface.FromFile(ocrBFontPath)
            ?? throw new FileNotFoundException($"OCR-B font not loadable from {ocrBFontPath} (apt-get install fonts-ocr-b)");
        canvas.Clear(new SKColor(246, 242, 232));
        DrawPattern(canvas, options.Width, height, mm);
        var mrz = options.MrzLines ?? MrzWriter.Write(fields);
        if (!options.DrawPrinted)
        {
            DrawMrz(canvas, typeface, mrz, options.Width, height, mm, td1);
            return bitmap;
        }
        // On an ID-1 card with its MRZ the portrait ends above the MRZ zone.
        DrawPortrait(canvas, new SKRect(5 * mm, 10 * mm, (td1 ? 27 : 38) * mm, (td1 ? (options.DrawMrz ? 37 : 42) : 55) * mm), options.Portrait);

        using var label = new SKFont(typeface, 2.0f * mm);
        using var value = new SKFont(typeface, 3.0f * mm);
        using var ink = new SKPaint { Color = new SKColor(30, 30, 40), IsAntialias = true };
        using var faint = new SKPaint { Color = new SKColor(90, 80, 120), IsAntialias = true };
        var x = (td1 ? 31 : 42) * mm;
        var y = 8 * mm;
        canvas.DrawText(td1 ? "IDENTITY CARD" : "PASSPORT", x, y, SKTextAlign.Left, value, ink);
        var printed = new (string Label, string Value)[]
        {
            ("Surname", fields.Surname),
            ("Given names", fields.GivenNames),
            ("Nationality", fields.Nationality),
            ("Date of birth", PrintedDate(fields.BirthDate, past: true)),
            ("Sex", fields.Sex.ToString()),
            ("Document no", fields.DocumentNumber),
            ("Date of expiry", PrintedDate(fields.ExpiryDate, past: false)),
        };
        // An ID-1 card with its MRZ on the same side has little room for the printed fields.
        var step = td1 && options.DrawMrz ? 4.2f * mm : 5.6f * mm;
        foreach (var (name, text) in printed)
        {
            y += step;
            canvas.DrawText(name, x, y - 3.1f * mm, SKTextAlign.Left, label, faint);
            canvas.DrawText(text, x, y, SKTextAlign.Left, value, ink);
        }
        if (options.DrawMrz)
            DrawMrz(canvas, typeface, mrz, options.Width, height, mm, td1);
        return bitmap;
    }

    /// <summary>MRZ at 2.54 mm pitch, 6 mm from the left edge, bottom line ~3 mm above the bottom edge.</summary>
    private static void DrawMrz(SKCanvas canvas, SKTypeface typeface, IReadOnlyList<string> lines, int width, int height, float mm, bool td1)
    {
        var pitch = MrzPitchMm * mm;
        using var font = new SKFont(typeface, 10);
        // OCR-B is monospaced: size the font so one advance equals the ICAO pitch.
        font.Size = 10 * pitch / font.MeasureText("M");
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var lineStep = (td1 ? 4.6f : 4.3f) * mm;
        var left = (width - lines[0].Length * pitch) / 2;
        for (var i = 0; i < lines.Count; i++)
        {
            var baseline = height - 3.5f * mm - (lines.Count - 1 - i) * lineStep;
            for (var c = 0; c < lines[i].Length; c++)
                canvas.DrawText(lines[i][c].ToString(), left + c * pitch, baseline, SKTextAlign.Left, font, ink);
        }
    }

    private static void DrawPattern(SKCanvas canvas, int width, int height, float mm)
    {
        using var paint = new SKPaint { Color = new SKColor(200, 210, 225), IsAntialias = true, StrokeWidth = Math.Max(1, 0.15f * mm), Style = SKPaintStyle.Stroke };
        for (var k = 0; k < 14; k++)
        {
            var points = Enumerable.Range(0, width / 4 + 1)
                .Select(i => new SKPoint(i * 4, height * (k + 0.5f) / 14 + 2.5f * mm * MathF.Sin(i * 4 / (9 * mm) + k)))
                .ToArray();
            canvas.DrawPoints(SKPointMode.Polygon, points, paint);
        }
    }

    private static void DrawPortrait(SKCanvas canvas, SKRect area, byte[]? portrait)
    {
        if (portrait is not null && SKBitmap.Decode(portrait) is { } photo)
        {
            using (photo)
            using (var image = SKImage.FromBitmap(photo))
                canvas.DrawImage(image, area, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            return;
        }
        using var back = new SKPaint { Color = new SKColor(215, 215, 215) };
        using var figure = new SKPaint { Color = new SKColor(150, 150, 155), IsAntialias = true };
        canvas.DrawRect(area, back);
        canvas.DrawCircle(area.MidX, area.Top + area.Height * 0.38f, area.Width * 0.22f, figure);
        canvas.DrawOval(new SKRect(area.Left + area.Width * 0.15f, area.Top + area.Height * 0.66f, area.Right - area.Width * 0.15f, area.Bottom + area.Height * 0.2f), figure);
    }

    /// <summary>YYMMDD printed as "12 AUG 1974" (the century guessed: birth dates in the past, expiry dates ahead).</summary>
    private static string PrintedDate(string yymmdd, bool past)
    {
        var yy = int.Parse(yymmdd[..2]);
        var year = past ? (yy > DateTime.UtcNow.Year % 100 ? 1900 + yy : 2000 + yy) : 2000 + yy;
        var months = new[] { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };
        return $"{yymmdd[4..]} {months[int.Parse(yymmdd[2..4]) - 1]} {year}";
    }

    private static SKBitmap Degrade(SKBitmap page, SpecimenOptions options)
    {
        var margin = options.RotationDegrees == 0 ? 0 : (int)(page.Width * 0.08f);
        var result = new SKBitmap(new SKImageInfo(page.Width + 2 * margin, page.Height + 2 * margin, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(result))
        {
            canvas.Clear(new SKColor(70, 72, 78));
            canvas.Translate(result.Width / 2f, result.Height / 2f);
            canvas.RotateDegrees(options.RotationDegrees);
            canvas.Translate(-page.Width / 2f, -page.Height / 2f);
            using var paint = new SKPaint();
            if (options.BlurSigma > 0)
                paint.ImageFilter = SKImageFilter.CreateBlur(options.BlurSigma, options.BlurSigma);
            using var image = SKImage.FromBitmap(page);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), paint);
        }
        if (options.Noise > 0)
            AddNoise(result, options.Noise, options.Seed);
        return result;
    }

    private static void AddNoise(SKBitmap bitmap, float sigma, int seed)
    {
        var random = new Random(seed);
        var pixels = bitmap.GetPixelSpan();
        var buffer = pixels.ToArray();
        for (var i = 0; i < buffer.Length; i += 4)
        {
            // Box-Muller: one Gaussian sample per pixel, the same on all three channels (sensor luminance noise).
            var g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var delta = (int)(g * sigma);
            for (var c = 0; c < 3; c++)
                buffer[i + c] = (byte)Math.Clamp(buffer[i + c] + delta, 0, 255);
        }
        System.Runtime.InteropServices.Marshal.Copy(buffer, 0, bitmap.GetPixels(), buffer.Length);
    }
}
