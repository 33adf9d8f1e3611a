using Ekyc.Verification.Documents.Mrz;
using SkiaSharp;

namespace Ekyc.Verification.Documents.Specimens;

/// <summary>
/// Draws the background and visual zone of the <see cref="SpecimenDesign.National"/> design (positions in mm; the MRZ
/// is drawn by the renderer, over the tinted band drawn here). What it changes against the other two designs is what
/// differs between real issuers: label language and order, a serif value font in lower-contrast ink, the portrait's
/// side, names on one line, full month names, print behind the MRZ and other text and a barcode on the card's back.
/// </summary>
internal sealed class NationalDesign : IPageDesign
{
    private static readonly SKColor Paper = new(238, 240, 247);
    private static readonly string[] MonthsEnglish =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] MonthsGerman =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
    private static readonly string[] MonthsShort = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private readonly SKCanvas _canvas;
    private readonly float _mm;
    private readonly SKTypeface _serif = PageDrawing.Typeface(SerifFont.Regular);
    private readonly SKTypeface _serifBold = PageDrawing.Typeface(SerifFont.Bold);
    private readonly SKTypeface _sans = PageDrawing.Typeface(SansFont.Regular);
    // Blue-black value ink and grey labels: less contrast than the other designs' near-black.
    private readonly SKPaint _ink = new() { Color = new SKColor(30, 36, 78), IsAntialias = true };
    private readonly SKPaint _label = new() { Color = new SKColor(105, 105, 120), IsAntialias = true };
    private readonly SKPaint _number = new() { Color = new SKColor(150, 28, 36), IsAntialias = true };

    public NationalDesign(SKCanvas canvas, float mm)
    {
        _canvas = canvas;
        _mm = mm;
    }

    public void Passport(MrzFields printed, SpecimenOptions options, float widthMm, float heightMm)
    {
        Background(widthMm, heightMm, 73);
        Text("REISEPASS  ·  PASSPORT  ·  PASSEPORT", 5, 8, _serifBold, 3.2f, _ink, widthMm);
        SpecimenRenderer.DrawPortrait(_canvas, Scaled(new SKRect(88, 14, 120, 56)), options.Portrait);
        Stacked("Typ / Type", printed.DocumentCode, 5, 17, 20);
        Stacked("Kode / Code", printed.IssuingState, 20, 17, 45);
        Stacked("Pass-Nr. / Passport No.", printed.DocumentNumber, 45, 17, 85);
        // Surname and given names on one line under one label, as several issuers print them.
        Stacked("Name, Vornamen / Surname, given names", $"{printed.Surname}, {printed.GivenNames}", 5, 25, 85);
        Stacked("Geburtsdatum / Date of birth", Date(printed.BirthDate, true, options.DateStyle), 5, 33, 45);
        Stacked("Staatsangehörigkeit / Nationality", printed.Nationality, 45, 33, 85);
        Stacked("Geschlecht / Sex", printed.Sex.ToString(), 5, 41, 45);
        Stacked("Geburtsort / Place of birth", SpecimenRenderer.City(options.Seed), 45, 41, 85);
        Stacked("Ausstellungsdatum / Date of issue", Date(SpecimenRenderer.Issued(printed.ExpiryDate), false, options.DateStyle), 5, 49, 45);
        Stacked("Gültig bis / Date of expiry", Date(printed.ExpiryDate, false, options.DateStyle), 45, 49, 85);
        Stacked("Behörde / Authority", "STADT " + SpecimenRenderer.City(options.Seed + 1), 5, 57, 85);
        Text("Unterschrift / Signature", 88, 60, _sans, 1.6f, _label, widthMm);
        Signature(88, 65, 28, options.Seed);
    }

    public void CardFront(MrzFields printed, SpecimenOptions options, float widthMm, float heightMm)
    {
        Background(widthMm, heightMm, null);
        Text("PERSONALAUSWEIS / IDENTITY CARD", 4, 6.5f, _serifBold, 2.6f, _ink, 56);
        // The card number top right, without a label, in red: as the German identity card prints it.
        Text(printed.DocumentNumber, 60, 7, _serif, 2.8f, _number, widthMm);
        SpecimenRenderer.DrawPortrait(_canvas, Scaled(new SKRect(58, 10, 81, 41)), options.Portrait);
        Stacked("Name / Surname", printed.Surname, 4, 13.5f, 56);
        Stacked("Vornamen / Given names", printed.GivenNames, 4, 20, 56);
        Stacked("Geburtsdatum / Date of birth", Date(printed.BirthDate, true, options.DateStyle), 4, 26.5f, 56);
        Stacked("Staatsangehörigkeit / Nationality", printed.Nationality, 4, 33, 56);
        Stacked("Gültig bis / Date of expiry", Date(printed.ExpiryDate, false, options.DateStyle), 4, 39.5f, 36);
        Stacked("Geschlecht / Sex", printed.Sex.ToString(), 38, 39.5f, 56);
        Text("Unterschrift / Signature", 4, 44, _sans, 1.4f, _label, widthMm);
        Signature(6, 48.5f, 26, options.Seed);
    }

    public void CardBack(MrzFields printed, SpecimenOptions options, float widthMm, float heightMm)
    {
        Background(widthMm, heightMm, 36);
        Inline("Anschrift / Address", "HAUPTSTRASSE 12, " + SpecimenRenderer.City(options.Seed), 6.5f);
        Inline("Größe / Height", $"{160 + options.Seed % 35} cm", 11);
        Text("Augenfarbe / Eye colour", 50, 11, _sans, 1.5f, _label, widthMm);
        Text("BRAUN", 70, 11, _serif, 2.4f, _ink, widthMm);
        Inline("Ausstellungsdatum / Date of issue", Date(SpecimenRenderer.Issued(printed.ExpiryDate), false, options.DateStyle), 15.5f);
        Inline("Behörde / Authority", "STADT " + SpecimenRenderer.City(options.Seed + 1), 20);
        Barcode(6, 23.5f, 80, 32.5f, options.Seed);
    }

    /// <summary>A date in the design's forms: full month names in English or German, or <c>12.APR.1989</c>, or dotted digits.</summary>
    internal static string Date(string yymmdd, bool past, PrintedDateStyle style)
    {
        var parts = SpecimenRenderer.PrintedDate(yymmdd, past, PrintedDateStyle.DigitsDotted).Split('.');
        var (day, month, year) = (parts[0], int.Parse(parts[1]), parts[2]);
        return style switch
        {
            PrintedDateStyle.DayMonthNameYear => $"{day} {MonthsEnglish[month - 1]} {year}",
            PrintedDateStyle.BilingualMonthShortYear => $"{day}. {MonthsGerman[month - 1]} {year}",
            PrintedDateStyle.DigitsSpaced => $"{day}.{MonthsShort[month - 1]}.{year}",
            _ => $"{day}.{month:00}.{year}",
        };
    }

    /// <summary>Paper with crossing fine waves; below <paramref name="bandTopMm"/> a tinted band with its own guilloche, behind the MRZ.</summary>
    private void Background(float widthMm, float heightMm, float? bandTopMm)
    {
        _canvas.Clear(Paper);
        using var line = new SKPaint { Color = new SKColor(214, 218, 234), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, 0.1f * _mm) };
        for (var k = 0; k < 24; k++)
            Wave(widthMm, k * heightMm / 24, 1.6f, 7 + k % 3, k, line);
        if (bandTopMm is not { } top)
            return;
        using var band = new SKPaint { Color = new SKColor(234, 220, 226) };
        _canvas.DrawRect(0, top * _mm, widthMm * _mm, (heightMm - top) * _mm, band);
        using var fine = new SKPaint { Color = new SKColor(212, 188, 202), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, 0.09f * _mm) };
        for (var y = top + 0.8f; y < heightMm; y += 1.3f)
            Wave(widthMm, y, 0.7f, 3.5f, y, fine);
    }

    private void Wave(float widthMm, float yMm, float amplitudeMm, float periodMm, float phase, SKPaint paint)
    {
        var points = Enumerable.Range(0, (int)(widthMm * 2) + 1)
            .Select(i => new SKPoint(i * 0.5f * _mm, (yMm + amplitudeMm * MathF.Sin(i * 0.5f / periodMm * 2 * MathF.PI + phase)) * _mm))
            .ToArray();
        _canvas.DrawPoints(SKPointMode.Polygon, points, paint);
    }

    /// <summary>A label (national language first) above its serif value, the value condensed to end before <paramref name="rightMm"/>.</summary>
    private void Stacked(string label, string value, float xMm, float baselineMm, float rightMm)
    {
        Text(label, xMm, baselineMm - 3.3f, _sans, 1.6f, _label, rightMm);
        Text(value, xMm, baselineMm, _serif, 3.0f, _ink, rightMm);
    }

    /// <summary>A label with its value beside it (the card back's layout).</summary>
    private void Inline(string label, string value, float baselineMm)
    {
        Text(label, 5, baselineMm, _sans, 1.5f, _label, 34);
        Text(value, 35, baselineMm, _serif, 2.4f, _ink, 83);
    }

    private void Text(string text, float xMm, float baselineMm, SKTypeface typeface, float sizeMm, SKPaint paint, float rightMm)
    {
        using var font = new SKFont(typeface, sizeMm * _mm);
        PageDrawing.Condensed(_canvas, text, xMm * _mm, baselineMm * _mm, font, paint, (rightMm - 1 - xMm) * _mm);
    }

    /// <summary>Bars of seeded widths: the machine-readable barcode some cards print above their MRZ.</summary>
    private void Barcode(float leftMm, float topMm, float rightMm, float bottomMm, int seed)
    {
        var random = new Random(seed);
        using var bar = new SKPaint { Color = SKColors.Black };
        for (var x = leftMm; x < rightMm;)
        {
            var width = 0.22f * (1 + random.Next(3));
            if (random.Next(2) == 0)
                _canvas.DrawRect(x * _mm, topMm * _mm, width * _mm, (bottomMm - topMm) * _mm, bar);
            x += width;
        }
    }

    /// <summary>A handwritten-looking stroke: a few loops of a damped sine, different per document.</summary>
    private void Signature(float xMm, float yMm, float widthMm, int seed)
    {
        var random = new Random(seed);
        using var pen = new SKPaint { Color = new SKColor(20, 20, 30), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.28f * _mm, StrokeCap = SKStrokeCap.Round };
        var loops = 2 + random.Next(4);
        var points = Enumerable.Range(0, 201).Select(i =>
        {
            var t = i / 200f;
            return new SKPoint((xMm + widthMm * t + 1.5f * MathF.Sin(t * loops * 2 * MathF.PI)) * _mm,
                (yMm + 1.8f * MathF.Cos(t * loops * 2 * MathF.PI) * (0.6f + 0.4f * t)) * _mm);
        }).ToArray();
        _canvas.DrawPoints(SKPointMode.Polygon, points, pen);
    }

    private SKRect Scaled(SKRect mm) => PageDrawing.Pixels(mm, _mm);

    public void Dispose()
    {
        _serif.Dispose();
        _serifBold.Dispose();
        _sans.Dispose();
        _ink.Dispose();
        _label.Dispose();
        _number.Dispose();
    }
}
