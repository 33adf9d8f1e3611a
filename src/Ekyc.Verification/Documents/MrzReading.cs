using Ekyc.Verification.Documents.Glyphs;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Ocr;

namespace Ekyc.Verification.Documents;

/// <summary>
/// What the OCR read from one image: the MRZ (raw lines, the parse, pixels per character, recogniser confidence)
/// when one was found, the other text regions and the lines read from them, and the time of each stage.
/// </summary>
public sealed record MrzReading
{
    /// <summary>The MRZ lines given to the parser: as recognised, repaired to length, letters/digits chosen by field.</summary>
    public IReadOnlyList<string> RawLines { get; init; } = [];
    public MrzParseResult? Parse { get; init; }
    /// <summary>Width of the MRZ line in image pixels divided by its character count.</summary>
    public float PixelsPerChar { get; init; }
    /// <summary>Width of the MRZ in image pixels (a proxy for the document width).</summary>
    public float MrzWidth { get; init; }
    /// <summary>The MRZ lines' boxes in image pixels, in reading order: where the page lies (<see cref="Imaging.PageOutline"/>).</summary>
    public IReadOnlyList<RotatedBox> MrzBoxes { get; init; } = [];
    public float Confidence { get; init; }
    /// <summary>Lowest recogniser probability of a character in the fields whose check digit fails (null: none fails).</summary>
    public float? FailingFieldsCertainty { get; init; }
    /// <summary>
    /// The recogniser's highest probability for a one-character change that makes a failing check agree (null: none
    /// fails): high when a misreading explains the failure, near zero when the document's digits are what they look.
    /// </summary>
    public float? RepairLikelihood { get; init; }
    /// <summary>The recogniser's probability of a character at a position of the parsed lines (0 on a line without probabilities).</summary>
    public MrzLikelihood? Likelihood { get; init; }
    /// <summary>
    /// Lowest recogniser probability of a character in the fields that break a syntax rule (null: none does): an
    /// impossible value read with certainty is printed on the document, one read unsure may be the OCR's.
    /// </summary>
    public float? InvalidFieldsCertainty { get; init; }
    /// <summary>
    /// Checks whose every look-alike character (0/O, 1/I, a filler against 2…) its OCR-B glyph settled surely: a look-alike
    /// confusion no longer explains their failure.
    /// </summary>
    public IReadOnlyList<string> LookAlikesRuledOut { get; init; } = [];
    /// <summary>The look-alike characters read again by their glyphs, sure or not (empty when none was).</summary>
    internal IReadOnlyList<GlyphVerdict> GlyphVerdicts { get; init; } = [];
    /// <summary>Letters of the MRZ surname and given names read with probability under 0.5 (no check digit covers them).</summary>
    public (int Surname, int GivenNames) NameDoubts { get; init; }
    /// <summary>
    /// Characters of the document number read with probability under 0.5: its check digit agreeing does not clear them,
    /// since the 7-3-1 weights cannot see one misreading repeated on neighbours (NN read as 22).
    /// </summary>
    public int NumberDoubts { get; init; }
    /// <summary>
    /// MRZ recognitions beyond the first of each candidate line: the detector's box after an unsure fitted one, and the
    /// refitted boxes of unsure or inconsistent lines (benchmarks).
    /// </summary>
    internal int RereadRecognitions { get; init; }
    public int RegionCount { get; init; }
    /// <summary>The angle the page's text runs at, degrees clockwise (<see cref="TextSkew"/>).</summary>
    public float TextAngle { get; init; }
    /// <summary>The corners of every detected text region: where the page's text lies.</summary>
    public IReadOnlyList<(float X, float Y)> TextCorners { get; init; } = [];
    /// <summary>Detected text regions outside the MRZ lines that were read.</summary>
    public IReadOnlyList<TextRegion> OtherRegions { get; init; } = [];
    /// <summary>Printed lines read from <see cref="OtherRegions"/> (after the MRZ is known, see <see cref="PrintedTextReader"/>).</summary>
    public IReadOnlyList<RecognizedLine> PrintedText { get; init; } = [];
    public double DetectMs { get; init; }
    public double RecognizeMs { get; init; }
    public double ParseMs { get; init; }
}

/// <summary>One line of printed (non-MRZ) text and where it is.</summary>
public sealed record RecognizedLine(RotatedBox Box, string Text, float Confidence)
{
    /// <summary>The detected regions the line was joined from, left to right, each with its own text.</summary>
    public IReadOnlyList<RecognizedLine> Parts { get; init; } = [];
}
