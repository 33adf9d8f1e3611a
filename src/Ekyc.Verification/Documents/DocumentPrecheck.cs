using System.Diagnostics;
using Ekyc.Verification.Documents.Aamva;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Models;
using Ekyc.Verification.Ocr;

namespace Ekyc.Verification.Documents;

/// <summary>
/// The capture page's quick verdict on one uploaded side, before the customer moves on: the same decoder, quality
/// measures and thresholds as <see cref="DocumentVerifier"/>, and where the side should carry one, the MRZ looked for as
/// the verification first looks for it (<see cref="MrzSearch"/>) and read (passport data page, back of an ID-1 card) or
/// the PDF417 barcode decoded (back of a driving licence). No printed-text reading, portrait search or forensics: those
/// belong to the verification, not to "retake or go on".
/// </summary>
public sealed class DocumentPrecheck(ModelStore models, DocumentOptions options)
{
    private readonly MrzReader _reader = new(new TextDetector(models), new TextRecognizer(models));
    private readonly Pdf417Reader _barcodes = new();

    /// <summary>What this side of this document type is expected to carry.</summary>
    public static string Expects(string documentType, string side) => (documentType, side) switch
    {
        ("passport", "front") => "mrz",
        ("id_card" or "residence_permit", "back") => "mrz",
        ("driving_licence", "back") => "barcode",
        _ => "none",
    };

    public DocumentPrecheckResult Check(byte[] bytes, string documentType, string side)
    {
        var clock = Stopwatch.StartNew();
        var expects = Expects(documentType, side);
        var (image, rejection) = ImageDecoder.Decode(bytes, options);
        if (image is null)
            return new DocumentPrecheckResult(expects, [rejection!.Reason], null, null, false, false, null, null, clock.Elapsed.TotalMilliseconds);
        using (image)
        {
            var problems = new List<string>();
            var quality = ImageQuality.Measure(image.Bitmap);
            if (quality.LumaStdDev < options.MinLumaStdDev)
                problems.Add("blank_image");
            if (quality.LaplacianVariance < options.MinSharpness)
                problems.Add("image_blurred");
            if (quality.GlareShare > options.MaxGlareShare)
                problems.Add("glare");

            bool mrzFound = false, barcodeFound = false;
            double? perChar = null, mrzWidth = null;
            if (expects == "mrz" && !problems.Contains("blank_image"))
            {
                var reading = MrzSearch.Read(_reader, image.Bitmap, DetectorBound.For(documentType), CancellationToken.None);
                mrzFound = reading.Parse?.Success == true;
                if (!mrzFound)
                    problems.Add("mrz_not_found");
                else
                {
                    // Judged at the upload's own resolution, as the verification does.
                    perChar = Math.Round(reading.PixelsPerChar / image.Scale, 1);
                    mrzWidth = Math.Round(reading.MrzWidth / image.Scale);
                    if (perChar < options.MinPixelsPerMrzChar)
                        problems.Add("low_resolution");
                    if (mrzWidth < options.MinDocumentWidth)
                        problems.Add("document_too_small");
                }
            }
            else if (expects == "barcode" && !problems.Contains("blank_image"))
            {
                barcodeFound = _barcodes.Read(image.Bitmap) is not null;
                if (!barcodeFound)
                    problems.Add("barcode_not_found");
            }
            return new DocumentPrecheckResult(expects, problems, Math.Round(quality.LaplacianVariance, 1), Math.Round(quality.GlareShare, 4),
                mrzFound, barcodeFound, perChar, mrzWidth, Math.Round(clock.Elapsed.TotalMilliseconds, 1));
        }
    }
}

/// <summary>
/// The quick verdict: <see cref="Problems"/> empty means the side looks usable. Codes: <c>image_undecodable</c>,
/// <c>image_empty</c>, <c>image_too_large</c>, <c>blank_image</c>, <c>image_blurred</c>, <c>glare</c>,
/// <c>mrz_not_found</c>, <c>barcode_not_found</c>, <c>low_resolution</c>, <c>document_too_small</c>.
/// </summary>
public sealed record DocumentPrecheckResult(
    string Expects, IReadOnlyList<string> Problems, double? Sharpness, double? GlareShare, bool MrzFound, bool BarcodeFound,
    double? PixelsPerMrzChar, double? MrzWidth, double Milliseconds);
