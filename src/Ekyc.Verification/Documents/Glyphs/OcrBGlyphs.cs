using Ekyc.Verification.Documents.Mrz;
using SkiaSharp;

namespace Ekyc.Verification.Documents.Glyphs;

/// <summary>
/// The MRZ alphabet drawn in OCR-B (the font ICAO 9303 prescribes for the MRZ) at <see cref="Pitch"/> pixels per
/// character, as ink (0 paper, 1 black) in cells <see cref="Pitch"/> wide and <see cref="Height"/> high with the
/// capitals centred vertically. Immutable once built: shared by concurrent readings.
/// </summary>
public sealed class OcrBGlyphs
{
    /// <summary>Template pixels per character advance.</summary>
    public const int Pitch = 24;

    private readonly Dictionary<char, float[]> _templates = [];
    private readonly Dictionary<char, (float Mean, float Variance)> _moments = [];

    public OcrBGlyphs(SKTypeface typeface)
    {
        using var font = new SKFont(typeface, 10) { Subpixel = true };
        // OCR-B is monospaced: the size at which one advance is the pitch, as the MRZ prints it.
        font.Size = 10 * Pitch / font.MeasureText("M");
        font.MeasureText("H", out var cap);
        var margin = 0.2f * Pitch;
        Height = (int)MathF.Ceiling(cap.Height + 2 * margin);
        var baseline = (Height + cap.Height) / 2;
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        foreach (var c in CheckDigit.Alphabet)
        {
            using var cell = new SKBitmap(new SKImageInfo(Pitch, Height, SKColorType.Gray8, SKAlphaType.Opaque));
            using (var canvas = new SKCanvas(cell))
            {
                canvas.Clear(SKColors.White);
                canvas.DrawText(c.ToString(), 0, baseline, SKTextAlign.Left, font, ink);
            }
            var pixels = cell.GetPixelSpan();
            var template = new float[Pitch * Height];
            for (var y = 0; y < Height; y++)
                for (var x = 0; x < Pitch; x++)
                    template[y * Pitch + x] = 1 - pixels[y * cell.RowBytes + x] / 255f;
            _templates[c] = template;
            var mean = template.Average();
            _moments[c] = (mean, template.Sum(t => (t - mean) * (t - mean)));
        }
    }

    /// <summary>Template rows (the cell's height in template pixels).</summary>
    public int Height { get; }

    private static readonly Lazy<OcrBGlyphs> Embedded = new(Load);

    /// <summary>
    /// The glyphs of the OCR-B embedded in this assembly (<c>Documents/Fonts</c>, public domain), built once: never
    /// the host's font, so a document reads the same everywhere.
    /// </summary>
    public static OcrBGlyphs Installed => Embedded.Value;

    private static OcrBGlyphs Load()
    {
        using var stream = typeof(OcrBGlyphs).Assembly.GetManifestResourceStream("Ekyc.Verification.OCRB.otf")
            ?? throw new InvalidOperationException("The embedded OCR-B font is missing from Ekyc.Verification.");
        using var data = SKData.Create(stream);
        using var typeface = SKTypeface.FromData(data) ?? throw new InvalidOperationException("The embedded OCR-B font does not load.");
        return new OcrBGlyphs(typeface);
    }

    /// <summary>The ink of <paramref name="c"/>'s cell, row by row (<see cref="Pitch"/> wide).</summary>
    public ReadOnlySpan<float> Template(char c) => _templates[c];

    /// <summary>The mean of <paramref name="c"/>'s ink and the sum of its squared deviations.</summary>
    public (float Mean, float Variance) Moments(char c) => _moments[c];
}
