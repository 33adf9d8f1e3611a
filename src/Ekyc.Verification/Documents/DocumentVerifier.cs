using System.Diagnostics;
using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Verification.Documents.Aamva;
using Ekyc.Verification.Documents.Forensics;
using Ekyc.Verification.Documents.Glyphs;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Models;
using Ekyc.Verification.Ocr;
using SkiaSharp;

namespace Ekyc.Verification.Documents;

/// <summary>
/// The document engine: decodes the front (and back) image, reads the MRZ with PaddleOCR (front first, then back,
/// where ID-1 cards carry it), decodes an AAMVA PDF417 barcode on driving licences, and turns what it measured into
/// authenticity signals — check digits, field syntax, dates, codes, printed-vs-MRZ and front-vs-back agreement,
/// capture quality, metadata traces of editors, a portrait — then into <c>document_authenticity</c> (any failed
/// signal fails, any signal for review reviews, else pass) and <see cref="ExtractedData"/>. Never throws for bad
/// input: undecodable, blank, tiny or huge images and timeouts become <c>fail</c>/<c>review</c> with reasons.
/// </summary>
public sealed class DocumentVerifier : IDocumentVerifier
{
    public const string EngineVersion = "documents/1.0";

    private readonly DocumentOptions _options;
    private readonly MrzReader _reader;
    private readonly PrintedTextReader _printed;
    private readonly PortraitFinder _portraits;
    private readonly Pdf417Reader _barcodes = new();

    public DocumentVerifier(ModelStore models, DocumentOptions options)
    {
        _options = options;
        var recognizer = new TextRecognizer(models);
        _reader = new MrzReader(new TextDetector(models), recognizer, OcrBGlyphs.Installed);
        _printed = new PrintedTextReader(recognizer);
        _portraits = new PortraitFinder(models);
        Version = $"{EngineVersion}; ppocr-v4 det {ModelCatalog.OcrDetect.Sha256[..8]} rec {ModelCatalog.OcrRecognize.Sha256[..8]}; " +
                  $"fr_detect {ModelCatalog.FaceDetect.Sha256[..8]}";
    }

    public string Version { get; }

    public DocumentVerification Verify(DocumentImages images, DateOnly today, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        using var inference = InferenceClock.Measure();
        var timings = new TimingLog();
        var captures = new List<DocumentCapture>();
        try
        {
            ReadSides(images, captures, timings, cancellationToken);

            var barcode = ReadBarcode(captures, images.DeclaredType, timings);
            if (barcode is null && !captures.Any(c => Verified(c.Reading)))
                RetryTurned(captures, timings, cancellationToken);
            ReadPrinted(captures, today, timings, cancellationToken);
            // After the retry: a side read turned replaced its capture, and the image it was read from is disposed.
            var portrait = FindPortrait(captures[0], timings);
            var assessment = DocumentAssessment.Assess(captures, barcode, portrait, images.DeclaredType, today, _options);
            timings.Add("total", total.Elapsed.TotalMilliseconds, inference.Milliseconds);
            return assessment.ToVerification(Version, timings.Entries);
        }
        finally
        {
            foreach (var capture in captures)
                capture.Image?.Dispose();
        }
    }

    /// <summary>
    /// Both sides, front first in the list. The MRZ is looked for on one side only, as long as it is found there: the
    /// front, except on a card declared as an ID card or residence permit whose back is given — TD1 cards carry it on
    /// the back, and recognising the front's long lines in search of it cost a fifth of such a card's CPU time.
    /// </summary>
    private void ReadSides(DocumentImages images, List<DocumentCapture> captures, TimingLog timings, CancellationToken token)
    {
        var bound = DetectorBound.For(images.DeclaredType);
        if (images.Back is not { Length: > 0 } back)
        {
            captures.Add(Capture("front", images.Front, timings, token, readMrz: true, bound));
            return;
        }
        if (images.DeclaredType is "id_card" or "residence_permit")
        {
            captures.Add(Capture("back", back, timings, token, readMrz: true, bound));
            captures.Insert(0, Capture("front", images.Front, timings, token, readMrz: captures[0].Reading?.Parse?.Success != true, bound));
            return;
        }
        captures.Add(Capture("front", images.Front, timings, token, readMrz: true, bound));
        captures.Add(Capture("back", back, timings, token, readMrz: captures[0].Reading?.Parse?.Success != true, bound));
    }

    private DocumentCapture Capture(string side, byte[] bytes, TimingLog timings, CancellationToken token, bool readMrz, int detectorBound)
    {
        var clock = Stopwatch.StartNew();
        var (image, rejection) = ImageDecoder.Decode(bytes, _options);
        timings.Add($"{side}_decode", clock.Elapsed.TotalMilliseconds);
        if (image is null)
            return new DocumentCapture(side, null, rejection, null, null, null);

        clock.Restart();
        var quality = ImageQuality.Measure(image.Bitmap);
        var metadata = MetadataTraces.Read(bytes);
        timings.Add($"{side}_quality", clock.Elapsed.TotalMilliseconds);
        // A blank page has no text to look for: skip the OCR.
        if (quality.LumaStdDev < _options.MinLumaStdDev)
            return new DocumentCapture(side, image, null, quality, metadata, null);
        clock.Restart();
        var recapture = _options.CheckScreenRecapture ? ScreenRecapture.Measure(image.Bitmap) : null;
        timings.Add($"{side}_recapture", clock.Elapsed.TotalMilliseconds);

        var reading = _reader.Read(image.Bitmap, token, readMrz, detectorBound);
        var (detectMs, recognizeMs, parseMs) = (reading.DetectMs, reading.RecognizeMs, reading.ParseMs);
        // The bound assumes the document fills the image: when no MRZ is found there, it is looked for at the full bound.
        if (readMrz && reading.Parse?.Success != true && Math.Max(image.Bitmap.Width, image.Bitmap.Height) > detectorBound && detectorBound < TextDetector.MaxSide)
        {
            reading = _reader.Read(image.Bitmap, token, readMrz);
            (detectMs, recognizeMs, parseMs) = (detectMs + reading.DetectMs, recognizeMs + reading.RecognizeMs, parseMs + reading.ParseMs);
        }
        timings.Add($"{side}_ocr_detect", detectMs);
        timings.Add($"{side}_ocr_recognize", recognizeMs);
        timings.Add($"{side}_mrz_parse", parseMs);
        return new DocumentCapture(side, image, null, quality, metadata, reading, Recapture: recapture);
    }

    /// <summary>
    /// Phone photos are often taken upside down, or sideways without an EXIF orientation: when no side gave an MRZ whose
    /// check digits all agree, nor a barcode, each side with text is read again turned 180°, and, when it stands taller
    /// than wide (a landscape page photographed sideways), turned 90° and 270°. The first turn that finds an MRZ whose
    /// checks agree is kept; failing that, the upside-down reading when it found an MRZ and the upright one found none.
    /// A sideways reading is kept only verified: text read across its lines gives MRZ-shaped misreadings.
    /// </summary>
    private void RetryTurned(List<DocumentCapture> captures, TimingLog timings, CancellationToken token)
    {
        var anyMrz = captures.Any(c => c.Reading?.Parse?.Success == true);
        for (var i = 0; i < captures.Count; i++)
        {
            var capture = captures[i];
            if (capture.Image is null || capture.Reading is not { RegionCount: > 0 })
                continue;
            var turns = capture.Image.Bitmap.Height > capture.Image.Bitmap.Width ? new[] { 180, 90, 270 } : [180];
            (DecodedImage Image, MrzReading Reading)? upsideDown = null;
            foreach (var degrees in turns)
            {
                var turned = capture.Image.Turned(degrees);
                var reading = _reader.Read(turned.Bitmap, token);
                timings.Add($"{capture.Side}_ocr_turned_{degrees}", reading.DetectMs + reading.RecognizeMs + reading.ParseMs);
                if (Verified(reading))
                {
                    upsideDown?.Image.Dispose();
                    Keep(captures, i, turned, reading, degrees);
                    return;
                }
                if (degrees == 180 && !anyMrz && reading.Parse?.Success == true)
                    upsideDown = (turned, reading);
                else
                    turned.Dispose();
            }
            if (upsideDown is { } kept)
            {
                Keep(captures, i, kept.Image, kept.Reading, 180);
                return;
            }
        }
    }

    private static void Keep(List<DocumentCapture> captures, int index, DecodedImage turned, MrzReading reading, int degrees)
    {
        captures[index].Image!.Dispose();
        captures[index] = captures[index] with { Image = turned, Reading = reading, TurnedDegrees = degrees };
    }

    private static bool Verified(MrzReading? reading) => reading?.Parse is { Success: true, Mrz.ChecksValid: true };

    /// <summary>
    /// The printed text only serves the comparison with the MRZ, so it is read once the MRZ is known: on the MRZ's side,
    /// and for a TD1 card on both sides, the other side first (the holder's data is printed on the front, the MRZ is on
    /// the back); reading stops once every MRZ value has been found on the sides read so far.
    /// </summary>
    private void ReadPrinted(List<DocumentCapture> captures, DateOnly today, TimingLog timings, CancellationToken token)
    {
        var mrzSide = captures.FirstOrDefault(c => c.Reading?.Parse?.Success == true);
        if (!_options.ReadPrintedFields || mrzSide?.Reading?.Parse?.Mrz is not { } mrz)
            return;
        var data = ExtractedDataMapper.FromMrz(mrz, today);
        var pooled = new List<string>();
        var order = Enumerable.Range(0, captures.Count).OrderBy(i => captures[i] == mrzSide).ToList();
        foreach (var i in order)
        {
            var capture = captures[i];
            if (capture.Image is null || capture.Reading is null || (capture != mrzSide && mrz.Format != MrzFormat.Td1))
                continue;
            if (pooled.Count >= 3 && PrintedFieldMatcher.FoundAll(pooled, data))
                break;
            var clock = Stopwatch.StartNew();
            var lines = _printed.Read(capture.Image.Bitmap, capture.Reading.OtherRegions,
                read => pooled.Count + read.Count >= 3 && PrintedFieldMatcher.FoundAll([.. pooled, .. read], data),
                read => PrintedFieldMatcher.MissingLengths([.. pooled, .. read], data), token);
            timings.Add($"{capture.Side}_ocr_printed", clock.Elapsed.TotalMilliseconds);
            pooled.AddRange(lines.Select(l => l.Text));
            captures[i] = capture with { Reading = capture.Reading with { PrintedText = lines } };
        }
    }

    /// <summary>PDF417 on the back (then the front) when the document is declared a driving licence or has no MRZ.</summary>
    private AamvaReading? ReadBarcode(List<DocumentCapture> captures, string? declaredType, TimingLog timings)
    {
        var hasMrz = captures.Any(c => c.Reading?.Parse?.Success == true);
        if (hasMrz && declaredType != "driving_licence")
            return null;
        var clock = Stopwatch.StartNew();
        AamvaReading? found = null;
        foreach (var capture in captures.OrderByDescending(c => c.Side == "back"))
        {
            if (capture.Image is null)
                continue;
            var text = _barcodes.Read(capture.Image.Bitmap);
            if (text is null)
                continue;
            found = new AamvaReading(capture.Side, AamvaParser.Parse(text));
            break;
        }
        timings.Add("barcode", clock.Elapsed.TotalMilliseconds);
        return found;
    }

    private PortraitFace? FindPortrait(DocumentCapture front, TimingLog timings)
    {
        if (!_options.RequirePortrait || front.Image is null || front.Reading is null)
            return null;
        var clock = Stopwatch.StartNew();
        var face = _portraits.Find(front.Image.Bitmap, (float)_options.PortraitMinScore);
        timings.Add("portrait", clock.Elapsed.TotalMilliseconds);
        return face;
    }

    /// <summary>Stage timings in the order they ran.</summary>
    private sealed class TimingLog
    {
        public List<StageTiming> Entries { get; } = [];

        public void Add(string stage, double ms, double? inferenceMs = null) =>
            Entries.Add(new StageTiming(stage, Math.Round(ms, 1), inferenceMs is { } i ? Math.Round(i, 1) : null));
    }
}

/// <summary>An AAMVA barcode read from one side.</summary>
internal sealed record AamvaReading(string Side, AamvaParseResult Result);
