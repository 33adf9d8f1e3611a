using System.Text;
using Ekyc.Fuzz.Seeds;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Aamva;
using Ekyc.Verification.Documents.Mrz;
using SkiaSharp;

namespace Ekyc.Fuzz.Targets;

/// <summary>The oracles of the text parsers: a parse result or a reason, never an exception.</summary>
internal static class TextChecks
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    public static void Mrz(byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        // The recogniser's probabilities, as arbitrary as the text: derived from the input so a run is reproducible.
        var salt = bytes.Length;
        MrzLikelihood likelihood = (line, column, c) => (line * 31 + column * 7 + c + salt) % 100 / 100f;
        foreach (var (autocorrect, withLikelihood) in new[] { (false, false), (true, false), (true, true) })
        {
            var result = MrzParser.Parse(lines, autocorrect, withLikelihood ? likelihood : null);
            if (result.Mrz is null == result.Error is null)
                throw new TotalityViolation("the MRZ parser gave neither a result nor an error (or both)");
            if (result.Mrz is { } mrz)
            {
                ExtractedDataMapper.FromMrz(mrz, Today);
                MrzDates.Birth(mrz.BirthDate, Today);
                MrzDates.Expiry(mrz.ExpiryDate ?? "", Today);
            }
        }
    }

    public static void Aamva(byte[] bytes)
    {
        foreach (var encoding in new[] { Encoding.Latin1, Encoding.UTF8 })
            Aamva(encoding.GetString(bytes));
    }

    private static void Aamva(string payload)
    {
        var result = AamvaParser.Parse(payload);
        if (result.Licence is null == result.Error is null)
            throw new TotalityViolation("the AAMVA parser gave neither a licence nor an error (or both)");
        result.Licence?.ToExtractedData();
    }

    private static readonly Pdf417Reader Barcodes = new();

    public static void Pdf417(byte[] bytes)
    {
        var (width, height, pixels) = BarcodeSeeds.Raster(bytes);
        if (width == 0 || height == 0)
            return;
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var rgba = bitmap.GetPixelSpan();
        var grey = pixels.Span;
        for (var i = 0; i < grey.Length; i++)
        {
            rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = grey[i];
            rgba[4 * i + 3] = 255;
        }
        if (Barcodes.Read(bitmap) is { } text)
            Aamva(text);
    }
}
