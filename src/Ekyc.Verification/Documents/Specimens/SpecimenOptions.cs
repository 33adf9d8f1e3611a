using Ekyc.Verification.Documents.Mrz;

namespace Ekyc.Verification.Documents.Specimens;

/// <summary>
/// How to render a synthetic document: its width in pixels (the MRZ pitch follows: 2.54 mm per character), and the
/// degradations of a real capture.
/// </summary>
public sealed record SpecimenOptions
{
    public int Width { get; init; } = 1500;
    /// <summary>Clockwise rotation of the page inside a larger background, degrees.</summary>
    public float RotationDegrees { get; init; }
    /// <summary>Gaussian blur sigma in pixels (0 = sharp).</summary>
    public float BlurSigma { get; init; }
    /// <summary>Standard deviation of additive grey noise, 0–255 scale.</summary>
    public float Noise { get; init; }
    /// <summary>JPEG quality of the encoded output (100 = PNG, lossless).</summary>
    public int JpegQuality { get; init; } = 100;
    /// <summary>Portrait photo (encoded image) to place on the page; a grey silhouette when null.</summary>
    public byte[]? Portrait { get; init; }
    public int Seed { get; init; } = 1;
    /// <summary>Print the MRZ (false: the front of an ID-1 card).</summary>
    public bool DrawMrz { get; init; } = true;
    /// <summary>Print the visual zone: title, portrait and fields (false: the back of an ID-1 card).</summary>
    public bool DrawPrinted { get; init; } = true;
    /// <summary>MRZ lines to print instead of the ones written from the fields (tampered specimens).</summary>
    public IReadOnlyList<string>? MrzLines { get; init; }
    /// <summary>Data to print in the visual zone instead of the MRZ's (a printed/MRZ mismatch); null: the same data.</summary>
    public MrzFields? PrintedFields { get; init; }
    /// <summary>The issuer's page design around the MRZ.</summary>
    public SpecimenDesign Design { get; init; } = SpecimenDesign.Classic;
    /// <summary>How the visual zone prints dates.</summary>
    public PrintedDateStyle DateStyle { get; init; } = PrintedDateStyle.DayMonthNameYear;
    /// <summary>
    /// Uneven light of a phone photo: 0 is even; at 0.4 one corner keeps its brightness and the opposite one falls to 60 %,
    /// with a soft highlight near the light.
    /// </summary>
    public float UnevenLight { get; init; }
}
