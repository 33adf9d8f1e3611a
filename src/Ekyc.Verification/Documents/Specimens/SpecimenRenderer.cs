using Ekyc.Verification.Documents.Mrz;
using SkiaSharp;

namespace Ekyc.Verification.Documents.Specimens;

/// <summary>
/// Renders synthetic TD3 passport data pages and TD1 cards with an OCR-B MRZ at ICAO geometry (10 characters per
/// inch), printed fields that repeat the MRZ data, a portrait area and a light background pattern. For tests and
/// benchmarks: the OCR-B font is loaded from a file path (<see cref="OcrBFont.Path"/> finds one).
/// </summary>
public sealed class SpecimenRenderer(string ocrBFontPath)
{
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
        var mrz = options.MrzLines ?? MrzWriter.Write(fields);
        var printed = options.PrintedFields ?? fields;
        if (options.Design != SpecimenDesign.Classic)
        {
            using (IPageDesign design = options.Design == SpecimenDesign.Modern ? new ModernDesign(canvas, mm) : new NationalDesign(canvas, mm))
            {
                if (!options.DrawPrinted)
                    design.CardBack(printed, options, widthMm, heightMm);
                else if (td1 && !options.DrawMrz)
                    design.CardFront(printed, options, widthMm, heightMm);
                else
                    design.Passport(printed, options, widthMm, heightMm);
            }
            if (options.DrawMrz)
                DrawMrz(canvas, typeface, mrz, options.Width, height, mm, td1);
            return bitmap;
        }
        canvas.Clear(new SKColor(246, 242, 232));
        DrawPattern(canvas, options.Width, height, mm);
        using var text = new FieldText(canvas, typeface, mm);
        if (!options.DrawPrinted)
        {
            // The back of an ID-1 card: issuing details above the MRZ (text that is not the holder's data).
            if (td1)
                text.Draw([new("Address / Adresse", City(options.Seed) + " 12 RUE DES LILAS", 5, 9),
                    new("Date of issue / Date de delivrance", PrintedDate(Issued(printed.ExpiryDate), false, options.DateStyle), 5, 16),
                    new("Authority / Autorite", "PREFECTURE " + City(options.Seed + 1), 45, 16)]);
            DrawMrz(canvas, typeface, mrz, options.Width, height, mm, td1);
            return bitmap;
        }
        if (td1 && options.DrawMrz)
        {
            // An ID-1 card with its MRZ on the same side has little room for the printed fields.
            DrawPortrait(canvas, new SKRect(5 * mm, 10 * mm, 27 * mm, 37 * mm), options.Portrait);
            text.Title("IDENTITY CARD / CARTE D'IDENTITE", 31, 7);
            text.Draw([new("Surname / Nom", printed.Surname, 31, 13), new("Given names / Prenoms", printed.GivenNames, 31, 18),
                new("Date of birth / Date de naissance", PrintedDate(printed.BirthDate, true, options.DateStyle), 31, 23),
                new("Sex / Sexe", printed.Sex.ToString(), 68, 23),
                new("Document No. / No du document", printed.DocumentNumber, 31, 28),
                new("Nationality / Nationalite", printed.Nationality, 68, 28)]);
        }
        else if (td1)
        {
            DrawPortrait(canvas, new SKRect(4 * mm, 10 * mm, 27 * mm, 41 * mm), options.Portrait);
            text.Title("IDENTITY CARD / CARTE D'IDENTITE", 4, 6.5f);
            text.Draw([new("Surname / Nom", printed.Surname, 31, 14), new("Given names / Prenoms", printed.GivenNames, 31, 20.5f),
                new("Sex / Sexe", printed.Sex.ToString(), 31, 27), new("Nationality / Nationalite", printed.Nationality, 50, 27),
                new("Date of birth / Date de naissance", PrintedDate(printed.BirthDate, true, options.DateStyle), 31, 33.5f),
                new("Document No. / No du document", printed.DocumentNumber, 31, 40),
                new("Date of expiry / Date d'expiration", PrintedDate(printed.ExpiryDate, false, options.DateStyle), 31, 46.5f)]);
        }
        else
        {
            DrawPortrait(canvas, new SKRect(5 * mm, 12 * mm, 38 * mm, 55 * mm), options.Portrait);
            text.Title("PASSPORT / PASSEPORT", 42, 7);
            text.Draw([new("Type / Type", printed.DocumentCode, 42, 14), new("Code / Code", printed.IssuingState, 62, 14),
                new("Passport No. / No", printed.DocumentNumber, 95, 14),
                new("Surname / Nom", printed.Surname, 42, 21), new("Given names / Prenoms", printed.GivenNames, 42, 28),
                new("Nationality / Nationalite", printed.Nationality, 42, 35),
                new("Date of birth / Date de naiss.", PrintedDate(printed.BirthDate, true, options.DateStyle), 42, 42),
                new("Sex / Sexe", printed.Sex.ToString(), 95, 42),
                new("Place of birth / Lieu de naiss.", City(options.Seed), 42, 49),
                new("Date of issue", PrintedDate(Issued(printed.ExpiryDate), false, options.DateStyle), 95, 49),
                new("Date of expiry / Date d'exp.", PrintedDate(printed.ExpiryDate, false, options.DateStyle), 42, 56),
                new("Authority / Autorite", "PASSPORT OFFICE", 95, 56)]);
        }
        if (options.DrawMrz)
            DrawMrz(canvas, typeface, mrz, options.Width, height, mm, td1);
        return bitmap;
    }

    private static readonly string[] Cities = ["LONDON", "PARIS", "LYON", "MADRID", "BERLIN", "ROMA", "GENEVE", "LISBOA"];

    internal static string City(int seed) => Cities[seed % Cities.Length];

    /// <summary>The issue date of a ten-year document: ten years before its expiry, plus a day.</summary>
    internal static string Issued(string expiry) => $"{(int.Parse(expiry[..2]) + 90) % 100:00}{expiry[2..4]}{Math.Min(28, int.Parse(expiry[4..]) + 1):00}";

    /// <summary>A printed field: bilingual label in a light colour, value in black below it (positions in mm).</summary>
    private sealed record Field(string Label, string Value, float XMm, float BaselineMm);

    /// <summary>The fonts and inks of the visual zone.</summary>
    private sealed class FieldText(SKCanvas canvas, SKTypeface typeface, float mm) : IDisposable
    {
        private readonly SKFont _label = new(typeface, 1.8f * mm);
        private readonly SKFont _value = new(typeface, 3.0f * mm);
        private readonly SKPaint _ink = new() { Color = new SKColor(30, 30, 40), IsAntialias = true };
        private readonly SKPaint _faint = new() { Color = new SKColor(90, 80, 120), IsAntialias = true };

        public void Title(string title, float xMm, float yMm) => canvas.DrawText(title, xMm * mm, yMm * mm, SKTextAlign.Left, _value, _ink);

        public void Draw(IEnumerable<Field> fields)
        {
            foreach (var f in fields)
            {
                canvas.DrawText(f.Label, f.XMm * mm, (f.BaselineMm - 3.1f) * mm, SKTextAlign.Left, _label, _faint);
                // A value too long for the page is condensed to end 3 mm before the edge, as issuers print long names.
                PageDrawing.Condensed(canvas, f.Value, f.XMm * mm, f.BaselineMm * mm, _value, _ink, canvas.DeviceClipBounds.Width - (f.XMm + 3) * mm);
            }
        }

        public void Dispose()
        {
            _label.Dispose();
            _value.Dispose();
            _ink.Dispose();
            _faint.Dispose();
        }
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

    internal static void DrawPortrait(SKCanvas canvas, SKRect area, byte[]? portrait)
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

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] MoisFr = ["JAN", "FEV", "MARS", "AVR", "MAI", "JUIN", "JUIL", "AOUT", "SEPT", "OCT", "NOV", "DEC"];

    /// <summary>YYMMDD in the printed style (the century guessed: birth dates in the past, other dates ahead).</summary>
    internal static string PrintedDate(string yymmdd, bool past, PrintedDateStyle style)
    {
        var yy = int.Parse(yymmdd[..2]);
        var year = past ? (yy > DateTime.UtcNow.Year % 100 ? 1900 + yy : 2000 + yy) : 2000 + yy;
        var month = int.Parse(yymmdd[2..4]);
        var day = yymmdd[4..];
        return style switch
        {
            PrintedDateStyle.BilingualMonthShortYear => $"{day} {Months[month - 1]}/{MoisFr[month - 1]} {yy:00}",
            PrintedDateStyle.DigitsSpaced => $"{day} {month:00} {year}",
            PrintedDateStyle.DigitsDotted => $"{day}.{month:00}.{year}",
            _ => $"{day} {Months[month - 1]} {year}",
        };
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
        if (options.UnevenLight > 0)
            Light(result, options.UnevenLight);
        if (options.Noise > 0)
            AddNoise(result, options.Noise, options.Seed);
        return result;
    }

    /// <summary>Light from the top-left: brightness falls linearly to 1 − <paramref name="strength"/> at the far corner.</summary>
    private static void Light(SKBitmap bitmap, float strength)
    {
        using var canvas = new SKCanvas(bitmap);
        var dark = (byte)(255 * (1 - strength));
        using var shade = new SKPaint
        {
            BlendMode = SKBlendMode.Multiply,
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(bitmap.Width, bitmap.Height),
                [SKColors.White, new SKColor(dark, dark, (byte)Math.Min(255, dark + 12))], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, bitmap.Width, bitmap.Height, shade);
        using var highlight = new SKPaint
        {
            BlendMode = SKBlendMode.Screen,
            Shader = SKShader.CreateRadialGradient(new SKPoint(bitmap.Width * 0.2f, bitmap.Height * 0.2f), bitmap.Width * 0.35f,
                [new SKColor(255, 255, 250, (byte)(90 * strength)), SKColors.Transparent], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, bitmap.Width, bitmap.Height, highlight);
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
