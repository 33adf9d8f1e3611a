using System.ComponentModel.DataAnnotations;

namespace Ekyc.Verification.Documents;

/// <summary>
/// Thresholds and limits of the document engine (configuration section <c>Ekyc:Documents</c>). Every threshold
/// is reported next to its measured value.
/// </summary>
public sealed record DocumentOptions
{
    /// <summary>Largest upload accepted, bytes.</summary>
    [Range(1, int.MaxValue)] public int MaxImageBytes { get; init; } = 30 * 1024 * 1024;
    /// <summary>Largest image accepted, pixels (width × height as encoded).</summary>
    [Range(1, long.MaxValue)] public long MaxImagePixels { get; init; } = 100_000_000;
    /// <summary>Longest side an image is decoded to; bigger images are decoded smaller.</summary>
    [Range(320, 10000)] public int MaxDecodeSide { get; init; } = 2400;
    /// <summary>
    /// A failing check digit goes to review (the OCR may have misread) when the recogniser gives at least this
    /// probability to a one-character change that would make it agree; below it the document fails.
    /// </summary>
    [Range(0, 1)] public double MinCheckDigitRepairLikelihood { get; init; } = 0.01;
    /// <summary>
    /// An MRZ field that breaks a syntax rule (a digit in a code, an impossible date, an unknown sex marker) fails the
    /// document when every character of it was read with at least this probability; an unsure reading of an impossible
    /// value is the OCR's doing: review.
    /// </summary>
    [Range(0, 1)] public double MinInvalidFieldCertainty { get; init; } = 0.9;
    /// <summary>
    /// The confidence of a passed document whose MRZ check digits all agreed as read and whose printed fields agree
    /// with it, when the recogniser's mean character probability is lower: the reading is then verified by arithmetic
    /// and by a second reading, and the mean probability of a blurred line says little more. Measured
    /// (<c>documents-accuracy</c>, 15–24 px per MRZ character): of 144 genuine pages, 12 were read with every check
    /// digit agreeing and still a letter wrong (names, which no check digit covers): about 92 % of such readings exact.
    /// </summary>
    [Range(0, 1)] public double VerifiedReadConfidence { get; init; } = 0.92;
    /// <summary>
    /// Below this many pixels per MRZ character the reading is unreliable: review. Measured (<c>bench … documents-accuracy</c>):
    /// MRZs misread with every check digit still valid are 7 in 48 at 12 and 13 px, 3–5 in 48 at 15–24 px.
    /// </summary>
    [Range(1, 100)] public double MinPixelsPerMrzChar { get; init; } = 14;
    /// <summary>
    /// Below this MRZ width (pixels) the document is too small in the frame: review. The shortest MRZ (TD1, 30
    /// characters) at <see cref="MinPixelsPerMrzChar"/>: an ID card about 470 px wide.
    /// </summary>
    [Range(1, 10000)] public double MinDocumentWidth { get; init; } = 420;
    /// <summary>
    /// Variance of the Laplacian of the text found (the whole frame when none is) below which the side counts as
    /// blurred: review. On 155 sides of the decision set (seeds 601–602, every capture condition) genuine ones measure 129 and up,
    /// the same sides blurred by σ 2.5 px at most 22.
    /// </summary>
    [Range(0, 100000)] public double MinSharpness { get; init; } = 60;
    /// <summary>Share of near-white pixels above which glare may hide data: review.</summary>
    [Range(0, 1)] public double MaxGlareShare { get; init; } = 0.15;
    /// <summary>Luma standard deviation under which an image is blank.</summary>
    [Range(0, 128)] public double MinLumaStdDev { get; init; } = 6;
    /// <summary>Look for the traces of a screen (pixel grid, moiré, colour fringes) on each side (~7 ms a side).</summary>
    public bool CheckScreenRecapture { get; init; } = true;
    /// <summary>Screen recapture: prominence (dB) of the strongest isolated luma peak from which a side goes to review.</summary>
    [Range(0, 100)] public double RecaptureLumaPeakDb { get; init; } = 13;
    /// <summary>Screen recapture: prominence (dB) of the strongest isolated R−B chroma peak from which a side goes to review.</summary>
    [Range(0, 100)] public double RecaptureChromaPeakDb { get; init; } = 12;
    /// <summary>Screen recapture: tiles (of up to 12) that must show the peak on their own.</summary>
    [Range(1, 12)] public int RecaptureMinTiles { get; init; } = 2;
    /// <summary>
    /// Screen recapture: prominence (dB) of a luma peak that nearly every tile shows from which a side goes to review (a
    /// screen's grid blurred weak; genuine captures of the decision set reach 8.7 dB).
    /// </summary>
    [Range(0, 100)] public double RecaptureWidespreadPeakDb { get; init; } = 10;
    /// <summary>Oldest plausible holder, years.</summary>
    [Range(1, 200)] public int MaxAgeYears { get; init; } = 120;
    /// <summary>Read the printed (VIZ) text to compare it with the MRZ (costs ~10 ms per text line).</summary>
    public bool ReadPrintedFields { get; init; } = true;
    /// <summary>
    /// Printed fields (of seven) that must agree with the MRZ, the surname or the document number among them, when
    /// none contradicts it; fewer: review (<c>printed_fields_not_found</c>). Measured on generated documents: every
    /// genuine one had 4 or more; the printed/MRZ mismatches whose forged surname went unlocated had 3.
    /// </summary>
    [Range(1, 7)] public int MinPrintedFieldsAgreeing { get; init; } = 4;
    /// <summary>
    /// A printed name or document number that contradicts the MRZ fails the document when the OCR read it with at least
    /// this confidence; below it the contradiction may be the OCR's: review.
    /// </summary>
    [Range(0, 1)] public double MinPrintedFieldConfidence { get; init; } = 0.9;
    /// <summary>No portrait found on the document: review (false: the signal is reported but does not count).</summary>
    public bool RequirePortrait { get; init; } = true;
    /// <summary>Minimum face-detector score for a portrait.</summary>
    [Range(0, 1)] public double PortraitMinScore { get; init; } = 0.65;
}
