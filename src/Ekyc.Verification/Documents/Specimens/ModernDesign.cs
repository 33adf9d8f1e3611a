using Ekyc.Verification.Documents.Mrz;
using SkiaSharp;

namespace Ekyc.Verification.Documents.Specimens;

/// <summary>
/// Draws the background and visual zone of the <see cref="SpecimenDesign.Modern"/> design (positions in mm; the MRZ is
/// drawn by the renderer). A second design keeps the readers honest: another issuer's fonts, labels, guilloche and
/// ghost image, on data the MRZ encodes alike.
/// </summary>
internal sealed class ModernDesign : IPageDesign
{
    private static readonly SKColor Paper = new(236, 242, 236);
    private static readonly SKColor Band = new(38, 66, 110);
    private readonly SKCanvas _canvas;
    private readonly float _mm;
    private readonly SKTypeface _regular = PageDrawing.Typeface(SansFont.Regular);
    private readonly SKTypeface _bold = PageDrawing.Typeface(SansFont.Bold);
    private readonly SKPaint _ink = new() { Color = new SKColor(20, 25, 35), IsAntialias = true };
    private readonly SKPaint _label = new() { Color = new SKColor(70, 90, 125), IsAntialias = true };
    private readonly SKPaint _white = new() { Color = SKColors.White, IsAntialias = true };

    public ModernDesign(SKCanvas canvas, float mm)
    {
        _canvas = canvas;
        _mm = mm;
    }

    public void Passport(MrzFields printed, SpecimenOptions options, float widthMm, float heightMm)
    {
        Background(widthMm, heightMm, 85, 40, 30, 10, "PASSPORT  ·  PASSEPORT  ·  PASAPORTE");
        Portrait(new SKRect(6, 16, 38, 58), new SKRect(104, 34, 120, 54), options.Portrait);
        Stacked("Type / Type", printed.DocumentCode, 42, 17);
        Stacked("Code / Code", printed.IssuingState, 56, 17);
        Stacked("Passport No. / N° du passeport", printed.DocumentNumber, 86, 17);
        Stacked("1. Surname / Nom", printed.Surname, 42, 24);
        Stacked("2. Given names / Prénoms", printed.GivenNames, 42, 31);
        Stacked("3. Nationality / Nationalité", printed.Nationality, 42, 38);
        Stacked("4. Date of birth / Date de naissance", SpecimenRenderer.PrintedDate(printed.BirthDate, true, options.DateStyle), 42, 45);
        Stacked("5. Sex / Sexe", printed.Sex.ToString(), 86, 45);
        Stacked("6. Place of birth / Lieu de naissance", SpecimenRenderer.City(options.Seed), 42, 52);
        Stacked("7. Date of issue / Date de délivrance", SpecimenRenderer.PrintedDate(SpecimenRenderer.Issued(printed.ExpiryDate), false, options.DateStyle), 42, 59);
        Stacked("8. Authority / Autorité", "MINISTRY OF INTERIOR", 86, 59);
        Stacked("9. Date of expiry / Date d'expiration", SpecimenRenderer.PrintedDate(printed.ExpiryDate, false, options.DateStyle), 42, 66);
        Signature(86, 64, 30, options.Seed);
    }

    public void CardFront(MrzFields printed, SpecimenOptions options, float widthMm, float heightMm)
    {
        Background(widthMm, heightMm, 58, 30, 22, 8, "IDENTITY CARD  ·  CARTE D'IDENTITÉ");
        Portrait(new SKRect(4, 11, 26, 40), new SKRect(70, 37, 81, 51), options.Portrait);
        Inline("Surname", printed.Surname, 15);
        Inline("Given names", printed.GivenNames, 20.5f);
        Inline("Date of birth", SpecimenRenderer.PrintedDate(printed.BirthDate, true, options.DateStyle), 26);
        Inline("Sex", printed.Sex.ToString(), 31.5f);
        Text("Nationality", 56, 31.5f, _regular, 1.6f, _label);
        Text(printed.Nationality, 70, 31.5f, _regular, 2.6f, _ink);
        Inline("Document No.", printed.DocumentNumber, 37);
        Inline("Expiry date", SpecimenRenderer.PrintedDate(printed.ExpiryDate, false, options.DateStyle), 42.5f);
        Signature(30, 45, 22, options.Seed);
    }

    public void CardBack(MrzFields printed, SpecimenOptions options, float widthMm, float heightMm)
    {
        Background(widthMm, heightMm, 40, 20, 18, 0, null);
        Text("Place of birth", 5, 8, _regular, 1.6f, _label);
        Text(SpecimenRenderer.City(options.Seed), 26, 8, _regular, 2.4f, _ink);
        Text("Date of issue", 5, 13, _regular, 1.6f, _label);
        Text(SpecimenRenderer.PrintedDate(SpecimenRenderer.Issued(printed.ExpiryDate), false, options.DateStyle), 26, 13, _regular, 2.4f, _ink);
        Text("Issued by", 5, 18, _regular, 1.6f, _label);
        Text("MUNICIPALITY OF " + SpecimenRenderer.City(options.Seed + 1), 26, 18, _regular, 2.4f, _ink);
    }

    /// <summary>Paper, a rosette guilloche about (<paramref name="cxMm"/>, <paramref name="cyMm"/>), a header band with its title.</summary>
    private void Background(float widthMm, float heightMm, float cxMm, float cyMm, float radiusMm, float bandMm, string? title)
    {
        _canvas.Clear(Paper);
        using var line = new SKPaint { Color = new SKColor(188, 212, 200), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, 0.12f * _mm) };
        // Epitrochoids of slightly different radii: the interlaced rings of a security print.
        for (var ring = 0; ring < 6; ring++)
        {
            var r = radiusMm * (0.45f + 0.11f * ring) * _mm;
            var points = Enumerable.Range(0, 721).Select(i =>
            {
                var t = i * MathF.PI / 360;
                var rho = r * (1 + 0.12f * MathF.Cos(18 * t + ring));
                return new SKPoint(cxMm * _mm + rho * MathF.Cos(t), cyMm * _mm + rho * MathF.Sin(t));
            }).ToArray();
            _canvas.DrawPoints(SKPointMode.Polygon, points, line);
        }
        if (bandMm <= 0)
            return;
        using var band = new SKPaint { Color = Band };
        _canvas.DrawRect(0, 0, widthMm * _mm, bandMm * _mm, band);
        Text(title!, 5, bandMm * 0.68f, _bold, bandMm * 0.36f, _white);
    }

    /// <summary>The portrait, and its ghost: the same face small, grey and faint, as issuers print it against forgery.</summary>
    private void Portrait(SKRect mainMm, SKRect ghostMm, byte[]? portrait)
    {
        var main = Scaled(mainMm);
        SpecimenRenderer.DrawPortrait(_canvas, main, portrait);
        if (portrait is null || SKBitmap.Decode(portrait) is not { } photo)
            return;
        using (photo)
        using (var image = SKImage.FromBitmap(photo))
        using (var paint = new SKPaint { ColorFilter = SKColorFilter.CreateColorMatrix(
                   [0.21f * 0.3f, 0.72f * 0.3f, 0.07f * 0.3f, 0, 0.7f * 236 / 255f,
                    0.21f * 0.3f, 0.72f * 0.3f, 0.07f * 0.3f, 0, 0.7f * 242 / 255f,
                    0.21f * 0.3f, 0.72f * 0.3f, 0.07f * 0.3f, 0, 0.7f * 236 / 255f,
                    0, 0, 0, 1, 0]) })
            _canvas.DrawImage(image, Scaled(ghostMm), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
    }

    /// <summary>A label above its value (the passport's layout).</summary>
    private void Stacked(string label, string value, float xMm, float baselineMm)
    {
        Text(label, xMm, baselineMm - 3.2f, _regular, 1.7f, _label);
        Text(value, xMm, baselineMm, _regular, 2.9f, _ink);
    }

    /// <summary>A label beside its value on one line (the card's layout).</summary>
    private void Inline(string label, string value, float baselineMm)
    {
        Text(label, 30, baselineMm, _regular, 1.6f, _label);
        Text(value, 46, baselineMm, _regular, 2.6f, _ink);
    }

    /// <summary>Text at a baseline; a value too long for the page is condensed to end 3 mm before its edge.</summary>
    private void Text(string text, float xMm, float baselineMm, SKTypeface typeface, float sizeMm, SKPaint paint)
    {
        using var font = new SKFont(typeface, sizeMm * _mm);
        PageDrawing.Condensed(_canvas, text, xMm * _mm, baselineMm * _mm, font, paint, _canvas.DeviceClipBounds.Width - (xMm + 3) * _mm);
    }

    /// <summary>A handwritten-looking stroke: a few loops of a damped sine, different per document.</summary>
    private void Signature(float xMm, float yMm, float widthMm, int seed)
    {
        var random = new Random(seed);
        using var pen = new SKPaint { Color = new SKColor(25, 35, 90), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.3f * _mm, StrokeCap = SKStrokeCap.Round };
        var loops = 3 + random.Next(3);
        var phase = random.Next(4);
        var points = Enumerable.Range(0, 201).Select(i =>
        {
            var t = i / 200f;
            return new SKPoint((xMm + widthMm * t + 1.2f * MathF.Cos(t * loops * 2 * MathF.PI)) * _mm,
                (yMm + 2.2f * MathF.Sin(t * loops * 2 * MathF.PI + phase) * (1 - 0.5f * t)) * _mm);
        }).ToArray();
        _canvas.DrawPoints(SKPointMode.Polygon, points, pen);
    }

    private SKRect Scaled(SKRect mm) => PageDrawing.Pixels(mm, _mm);

    public void Dispose()
    {
        _regular.Dispose();
        _bold.Dispose();
        _ink.Dispose();
        _label.Dispose();
        _white.Dispose();
    }
}
