using System.Diagnostics;
using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Verification.Documents.Aamva;
using Ekyc.Verification.Documents.Forensics;
using Ekyc.Verification.Documents.Glyphs;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Printed;
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
        // Keyed by the tilted reading itself: a side turned by RetryTurned meanwhile has another reading, and is straightened anew.
        var straightReads = new Dictionary<MrzReading, StraightRead>(ReferenceEqualityComparer.Instance);
        try
        {
            var bound = DetectorBound.For(images.DeclaredType);
            ReadSides(images, captures, bound, timings, cancellationToken);

            var barcode = ReadBarcode(captures, images.DeclaredType, timings);
            if (barcode is null && !captures.Any(c => Verified(c.Reading)))
                RetryStraightened(captures, straightReads, bound, timings, cancellationToken);
            if (barcode is null && !captures.Any(c => Verified(c.Reading)))
                RetryTurned(captures, bound, timings, cancellationToken);
            CutOutSmallPages(captures, bound, timings, cancellationToken);
            ReadPrinted(captures, straightReads, bound, today, timings, cancellationToken);
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
            foreach (var read in straightReads.Values)
                read.Image.Dispose();
        }
    }

    /// <summary>
    /// Both sides, front first in the list. The MRZ is looked for on one side only, as long as it is found there: the
    /// front, except on a card declared as an ID card or residence permit whose back is given — TD1 cards carry it on
    /// the back, and recognising the front's long lines in search of it cost a fifth of such a card's CPU time. The
    /// side read second is decoded and measured meanwhile, on another core: those steps run no model, and on a 12 MP
    /// photo they take 90–100 ms that the first side's reading now hides.
    /// </summary>
    private void ReadSides(DocumentImages images, List<DocumentCapture> captures, int bound, TimingLog timings, CancellationToken token)
    {
        if (images.Back is not { Length: > 0 } back)
        {
            captures.Add(Read(Prepare("front", images.Front), timings, token, readMrz: true, bound));
            return;
        }
        var backFirst = images.DeclaredType is "id_card" or "residence_permit";
        var (firstSide, firstBytes, secondSide, secondBytes) = backFirst ? ("back", back, "front", images.Front) : ("front", images.Front, "back", back);
        var second = Task.Run(() => Prepare(secondSide, secondBytes), CancellationToken.None);
        DocumentCapture first;
        try
        {
            first = Read(Prepare(firstSide, firstBytes), timings, token, readMrz: true, bound);
        }
        catch
        {
            second.ContinueWith(t => t.Result.Capture.Image?.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }
        captures.Add(first);
        // Usually done long before; when not, the wait runs the preparation here if it has not started.
        var later = Read(second.GetAwaiter().GetResult(), timings, token, readMrz: first.Reading?.Parse?.Success != true, bound);
        captures.Insert(backFirst ? 0 : 1, later);
    }

    /// <summary>One side decoded and measured, its text not read yet, with the time each step took.</summary>
    private sealed record PreparedSide(DocumentCapture Capture, IReadOnlyList<(string Stage, double Ms)> Timings);

    private PreparedSide Prepare(string side, byte[] bytes)
    {
        var clock = Stopwatch.StartNew();
        var (image, rejection) = ImageDecoder.Decode(bytes, _options);
        var decodeMs = clock.Elapsed.TotalMilliseconds;
        if (image is null)
            return new PreparedSide(new DocumentCapture(side, null, rejection, null, null, null), [($"{side}_decode", decodeMs)]);

        clock.Restart();
        var quality = ImageQuality.Measure(image.Bitmap);
        var metadata = MetadataTraces.Read(bytes);
        var qualityMs = clock.Elapsed.TotalMilliseconds;
        // A blank page has no text to look for: neither recapture traces nor OCR.
        if (quality.LumaStdDev < _options.MinLumaStdDev)
            return new PreparedSide(new DocumentCapture(side, image, null, quality, metadata, null), [($"{side}_decode", decodeMs), ($"{side}_quality", qualityMs)]);
        clock.Restart();
        var recapture = _options.CheckScreenRecapture ? ScreenRecapture.Measure(image.Bitmap) : null;
        return new PreparedSide(new DocumentCapture(side, image, null, quality, metadata, null, Recapture: recapture),
            [($"{side}_decode", decodeMs), ($"{side}_quality", qualityMs), ($"{side}_recapture", clock.Elapsed.TotalMilliseconds)]);
    }

    private DocumentCapture Read(PreparedSide prepared, TimingLog timings, CancellationToken token, bool readMrz, int detectorBound)
    {
        foreach (var (stage, ms) in prepared.Timings)
            timings.Add(stage, ms);
        var capture = prepared.Capture;
        if (capture.Image is not { } image || capture.Quality!.LumaStdDev < _options.MinLumaStdDev)
            return capture;
        var reading = readMrz ? MrzSearch.Read(_reader, image.Bitmap, detectorBound, token) : _reader.Read(image.Bitmap, token, readMrz: false, detectorBound);
        timings.Add($"{capture.Side}_ocr_detect", reading.DetectMs);
        timings.Add($"{capture.Side}_ocr_recognize", reading.RecognizeMs);
        timings.Add($"{capture.Side}_mrz_parse", reading.ParseMs);
        return capture with { Reading = reading, Quality = OnText(capture.Quality!, image, reading) };
    }

    /// <summary>
    /// The quality with its sharpness measured again on the text found, on the image as uploaded (a straightened copy
    /// is resampled, so softer): a card photographed small on a desk was judged blurred when the flat desk around it
    /// took most of the frame. A side with no text found keeps the whole frame's.
    /// </summary>
    private static ImageQuality OnText(ImageQuality quality, DecodedImage image, MrzReading reading) =>
        reading.TextCorners.Count == 0 ? quality : quality with { LaplacianVariance = ImageQuality.SharpnessWithin(image.Bitmap, reading.TextCorners) };

    /// <summary>
    /// A page photographed at an angle: the detector follows text lines tilted a few degrees, but from about 10° it
    /// loses the MRZ's filler runs (<c>&lt;&lt;&lt;</c>), so a passport's long lines are found in pieces and no MRZ is read.
    /// When no side gave an MRZ whose checks agree, a side whose text runs at <see cref="MinSkewDegrees"/> or more is
    /// read again straightened; that reading is kept when its checks agree, when it found an MRZ and the tilted one did not,
    /// or when it reads agreeing a check the tilted reading failed and fails none the tilted one passed, or fails the same
    /// checks read more surely (<see cref="ReadsFailingChecksBetter"/>).
    /// </summary>
    private void RetryStraightened(List<DocumentCapture> captures, Dictionary<MrzReading, StraightRead> straightReads, int bound, TimingLog timings,
        CancellationToken token)
    {
        for (var i = 0; i < captures.Count; i++)
        {
            var capture = captures[i];
            if (capture.Image is null || capture.Reading is not { TextCorners.Count: > 0 } tilted || !Tilted(tilted.TextAngle, MinSkewDegrees))
                continue;
            var straight = Straighten(capture, readMrz: true, straightReads, bound, timings, token);
            if (Verified(straight.Reading) || (straight.Reading.Parse?.Success == true && tilted.Parse?.Success != true) || ReadsFailingChecksBetter(straight.Reading, tilted))
            {
                straightReads.Remove(tilted);
                capture.Image.Dispose();
                captures[i] = capture with { Image = straight.Image, Reading = straight.Reading, StraightenedDegrees = -tilted.TextAngle };
            }
        }
    }

    /// <summary>
    /// Both readings found the same kind of MRZ, and the straightened one fails a strict subset of the checks the tilted
    /// one fails: a check that agrees straight and fails tilted was misread tilted, and that misreading makes the checks
    /// failing in both look like the OCR's too (a tampered card turned 13° read its number's <c>WN</c> as <c>92</c>
    /// tilted, at certainty 0.14, so its altered expiry was reviewed; straightened it read the number right and the expiry
    /// failing at 0.98). Or both fail the same checks and the straightened one read their fields more surely (a higher
    /// <see cref="MrzReading.FailingFieldsCertainty"/>): chosen by the recogniser's certainty, never by the check digits, as
    /// refitted lines are (a card whose number was altered read its <c>ZY</c> as <c>22</c> tilted at 0.14, a plausible
    /// repair; straightened it read right at 0.90). The reading kept is judged as any other, so a straightened misreading
    /// with a plausible repair is still reviewed.
    /// </summary>
    private static bool ReadsFailingChecksBetter(MrzReading straight, MrzReading tilted)
    {
        if (straight.Parse?.Mrz is not { } s || tilted.Parse?.Mrz is not { } t || s.Format != t.Format)
            return false;
        var (straightFailing, tiltedFailing) = (Failing(s), Failing(t));
        return straightFailing.IsProperSubsetOf(tiltedFailing)
            || (straightFailing.SetEquals(tiltedFailing) && straight.FailingFieldsCertainty > tilted.FailingFieldsCertainty);
    }

    /// <summary>A side read again straightened (<see cref="Straighten"/>); the verification disposes its image unless the side takes it.</summary>
    private sealed record StraightRead(DecodedImage Image, MrzReading Reading, bool ReadMrz);

    /// <summary>
    /// The side turned straight, cut to the text found, and read: the page then fills the detector's input as a straight
    /// photo's would, rather than shrinking inside the corners a turned frame adds (a 12° passport on a desk read no MRZ
    /// uncut). Read once per side and kept: the printed reading of a side whose straightened MRZ reading was not taken
    /// uses it again. The straightened page fills its image, so where the full bound finds no MRZ the document's own bound
    /// (<paramref name="bound"/>) is tried: the detector can miss an MRZ at one scale and find it at another (a passport
    /// turned 15° on a desk, straightened: its second line not found at 960 px, read whole at 640, 800 and 1,280).
    /// </summary>
    private StraightRead Straighten(DocumentCapture capture, bool readMrz, Dictionary<MrzReading, StraightRead> straightReads, int bound,
        TimingLog timings, CancellationToken token)
    {
        var tilted = capture.Reading!;
        if (straightReads.TryGetValue(tilted, out var done) && done.ReadMrz == readMrz)
            return done;
        done?.Image.Dispose();
        var image = capture.Image!.Rotated(-tilted.TextAngle, tilted.TextCorners, TextMargin);
        var reading = _reader.Read(image.Bitmap, token, readMrz);
        timings.Add($"{capture.Side}_ocr_straightened", reading.DetectMs + reading.RecognizeMs + reading.ParseMs);
        if (readMrz && reading.Parse?.Success != true && bound < TextDetector.MaxSide)
        {
            var atBound = _reader.Read(image.Bitmap, token, readMrz, bound);
            timings.Add($"{capture.Side}_ocr_straightened_bound", atBound.DetectMs + atBound.RecognizeMs + atBound.ParseMs);
            if (atBound.Parse?.Success == true)
                reading = atBound;
        }
        return straightReads[tilted] = new StraightRead(image, reading, readMrz);
    }

    /// <summary>
    /// Text tilted less than this is read as it is: the decision set's pages turned 2–6° pass without it, and a
    /// reading straightened by a fraction of a degree would cost a second read for nothing.
    /// </summary>
    private const float MinSkewDegrees = 3f;

    /// <summary>
    /// Text tilted by at least <paramref name="least"/> and at most <see cref="MaxSkewDegrees"/>: a page turned further
    /// (sideways text reads ±90°) is a quarter turn, which <see cref="RetryTurned"/> tries.
    /// </summary>
    private static bool Tilted(float angle, float least) => Math.Abs(angle) >= least && Math.Abs(angle) <= MaxSkewDegrees;

    private const float MaxSkewDegrees = 30f;

    /// <summary>
    /// Printed text tilted this much is read from a straightened copy even when the MRZ read tilted: the detector's boxes
    /// on the small print of a page turned 8–15° drift off the text's angle or take two rows in one, so a genuine card
    /// turned 11° read its expiry cut short (<c>07.03.20</c>) and a passport turned 14° lost its number (the type
    /// <c>P</c> compared in its place), and one turned 20° read a confident contradiction. Pages turned 2–6° (a photo
    /// taken square) are read as they are, at no further cost.
    /// </summary>
    private const float PrintedSkewDegrees = 7f;

    /// <summary>The margin kept around the text of a straightened page, a share of its size: the portrait's edge and the MRZ's ends found only in pieces.</summary>
    private const float TextMargin = 0.1f;

    /// <summary>
    /// Phone photos are often taken upside down, or sideways without an EXIF orientation: when no side gave an MRZ whose
    /// check digits all agree, nor a barcode, each side with text is read again turned: 90° and 270° when its text runs
    /// up or down the picture; else 180°, and, when it stands taller than wide (a landscape page photographed sideways),
    /// 90° and 270° too. Each turned copy is read as an upload is (<see cref="MrzSearch"/>): read at the full bound only, a
    /// sideways passport whose MRZ the document's bound reads whole lost it. The first turn that finds an MRZ whose
    /// checks agree is kept. Failing that, when no side as it came gave an MRZ, the turned reading that found one failing
    /// the fewest checks: a tampered page photographed sideways is judged on its MRZ read upright. A quarter-turned
    /// reading can only find an MRZ in text that then runs level: text running up or down is never read as one
    /// (<see cref="MrzReader"/>), so a level page turned sideways gives none.
    /// </summary>
    private void RetryTurned(List<DocumentCapture> captures, int bound, TimingLog timings, CancellationToken token)
    {
        var anyMrz = captures.Any(c => c.Reading?.Parse?.Success == true);
        (int Index, DecodedImage Image, MrzReading Reading, int Degrees)? unverified = null;
        for (var i = 0; i < captures.Count; i++)
        {
            var capture = captures[i];
            if (capture.Image is null || capture.Reading is not { RegionCount: > 0 })
                continue;
            var turns = TextSkew.RunsSideways(capture.Reading.TextAngle) ? new[] { 90, 270 }
                : capture.Image.Bitmap.Height > capture.Image.Bitmap.Width ? [180, 90, 270] : [180];
            foreach (var degrees in turns)
            {
                var turned = capture.Image.Turned(degrees);
                var reading = MrzSearch.Read(_reader, turned.Bitmap, bound, token);
                timings.Add($"{capture.Side}_ocr_turned_{degrees}", reading.DetectMs + reading.RecognizeMs + reading.ParseMs);
                if (Verified(reading))
                {
                    unverified?.Image.Dispose();
                    Keep(captures, i, turned, reading, degrees);
                    return;
                }
                if (!anyMrz && reading.Parse?.Mrz is not null && (unverified is not { } best || FailsFewer(reading, best.Reading)))
                {
                    unverified?.Image.Dispose();
                    unverified = (i, turned, reading, degrees);
                }
                else
                    turned.Dispose();
            }
        }
        if (unverified is { } kept)
            Keep(captures, kept.Index, kept.Image, kept.Reading, kept.Degrees);
    }

    /// <summary>Of two readings that found an MRZ, the first fails fewer checks, or as many read more confidently: the turn that reads the page upright.</summary>
    private static bool FailsFewer(MrzReading reading, MrzReading other)
    {
        var (failing, otherFailing) = (Failing(reading.Parse!.Mrz!).Count, Failing(other.Parse!.Mrz!).Count);
        return failing < otherFailing || (failing == otherFailing && reading.Confidence > other.Confidence);
    }

    private static void Keep(List<DocumentCapture> captures, int index, DecodedImage turned, MrzReading reading, int degrees)
    {
        captures[index].Image!.Dispose();
        captures[index] = captures[index] with { Image = turned, Reading = reading, TurnedDegrees = degrees };
    }

    /// <summary>
    /// A page photographed small among other things (on a desk, by a receipt, a pen and a phone) is cut out where its MRZ
    /// puts it (<see cref="PageOutline"/>), straightened, and read again: the detector then sees the page's print at the
    /// scale it needs instead of shrunk with the whole frame (the printed values were not found), and the portrait and
    /// the screen-grid measure look at the document, not at the desk (a receipt's rows of print read as a screen's grid).
    /// Only a page under <see cref="MaxPageShare"/> of its frame. The cut-out is kept when its MRZ reads in the same
    /// format and fails no check the whole frame's reading passed; else the side stays as it was.
    /// </summary>
    private void CutOutSmallPages(List<DocumentCapture> captures, int bound, TimingLog timings, CancellationToken token)
    {
        for (var i = 0; i < captures.Count; i++)
        {
            var capture = captures[i];
            if (capture.Image is not { } image || capture.Reading is not { Parse.Mrz: { } whole } reading
                || PageOutline.FromMrz(reading.MrzBoxes, whole.Format) is not { } page || page.ShareOf(image.Bitmap.Width, image.Bitmap.Height) > MaxPageShare)
                continue;
            var clock = Stopwatch.StartNew();
            var cut = image.Rotated(-page.Angle, page.Corners, PageMargin);
            var cutReading = _reader.Read(cut.Bitmap, token);
            // The cut-out page fills its image, as the document's own bound assumes: a card's back cut out small on a desk
            // (770 px wide, 20 px per MRZ character) gave no MRZ with its 770 px detected at 960, and read whole at 576 and 640.
            if (cutReading.Parse?.Success != true && bound < TextDetector.MaxSide
                && _reader.Read(cut.Bitmap, token, detectorMaxSide: bound) is { Parse.Success: true } atBound)
                cutReading = atBound;
            if (cutReading.Parse?.Mrz is not { } again || again.Format != whole.Format || !Failing(again).IsSubsetOf(Failing(whole)))
            {
                cut.Dispose();
                timings.Add($"{capture.Side}_cut_out", clock.Elapsed.TotalMilliseconds);
                continue;
            }
            var recapture = capture.Recapture is null ? null : ScreenRecapture.Measure(cut.Bitmap) ?? capture.Recapture;
            timings.Add($"{capture.Side}_cut_out", clock.Elapsed.TotalMilliseconds);
            image.Dispose();
            // A side already straightened is cut out of its straightened copy: the two turns add up.
            captures[i] = capture with { Image = cut, Reading = cutReading, Recapture = recapture, StraightenedDegrees = capture.StraightenedDegrees - page.Angle };
        }
    }

    private static HashSet<string> Failing(MrzResult mrz) => mrz.Checks.Where(c => !c.Ok).Select(c => c.Field).ToHashSet();

    /// <summary>
    /// A page taking less of its frame than this is cut out: a page photographed small on a desk takes 10–20 % of it, one
    /// photographed filling the frame 40 % and more (the 70 % of the width the decision set's desk photos give it).
    /// </summary>
    private const float MaxPageShare = 0.3f;

    /// <summary>The desk kept around a cut-out page, a share of its size: the outline from the MRZ is good to a few millimetres.</summary>
    private const float PageMargin = 0.08f;

    private static bool Verified(MrzReading? reading) => reading?.Parse is { Success: true, Mrz.ChecksValid: true };

    /// <summary>
    /// The printed text only serves the comparison with the MRZ, so it is read once the MRZ is known: on the MRZ's side,
    /// and for a TD1 card on both sides, the other side first (the holder's data is printed on the front, the MRZ is on
    /// the back); reading stops once every MRZ value has been found on the sides read so far.
    /// </summary>
    private void ReadPrinted(List<DocumentCapture> captures, Dictionary<MrzReading, StraightRead> straightReads, int bound, DateOnly today,
        TimingLog timings, CancellationToken token)
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
            var (page, regions) = (capture.Image.Bitmap, capture.Reading.OtherRegions);
            if (Tilted(capture.Reading.TextAngle, PrintedSkewDegrees) && capture.StraightenedDegrees == 0 && capture.Reading.TextCorners.Count > 0)
            {
                // The MRZ is read again on its side only so that its lines are told apart from the printed text.
                var straight = Straighten(capture, readMrz: capture == mrzSide, straightReads, bound, timings, token);
                (page, regions) = (straight.Image.Bitmap, straight.Reading.OtherRegions);
            }
            var lines = _printed.Read(page, regions,
                read => pooled.Count + read.Count >= 3 && PrintedFieldMatcher.FoundAll([.. pooled, .. read], data),
                read => PrintedFieldMatcher.MissingLengths([.. pooled, .. read], data), token);
            timings.Add($"{capture.Side}_ocr_printed", clock.Elapsed.TotalMilliseconds);
            captures[i] = capture with { Reading = capture.Reading with { PrintedText = lines } };
            if (capture != mrzSide && !PrintedFieldMatcher.FoundAll([.. pooled, .. lines.Select(l => l.Text)], data))
                captures[i] = ReadAsPhotographed(captures[i], mrzSide, pooled, data, mrz.NameTruncation, timings, token);
            pooled.AddRange(captures[i].Reading!.PrintedText.Select(l => l.Text));
        }
    }

    /// <summary>
    /// A card's side without the MRZ whose printed values were not all found as it came, read again the ways it may have
    /// been photographed (<see cref="Views"/>); the view that finds the most MRZ values, agreeing or not, is kept, the
    /// side as it came unless one finds more. A value found contradicting is kept too: it is what the comparison with the
    /// MRZ looks for (a forger's edit printed on the front was only "not found" on a card photographed small).
    /// </summary>
    private DocumentCapture ReadAsPhotographed(DocumentCapture capture, DocumentCapture mrzSide, IReadOnlyList<string> pooled, ExtractedData data,
        NameTruncation nameTruncation, TimingLog timings, CancellationToken token)
    {
        var best = capture;
        var bestFound = Found(capture, data, nameTruncation);
        foreach (var view in Views(capture, mrzSide))
        {
            var clock = Stopwatch.StartNew();
            var image = view.Area is { } area
                ? capture.Image!.Rotated(-capture.Reading!.TextAngle, area.Corners, CardMargin)
                : capture.Image!.Turned(view.Turn);
            var reading = _reader.Read(image.Bitmap, token, readMrz: false);
            var lines = _printed.Read(image.Bitmap, reading.OtherRegions,
                read => pooled.Count + read.Count >= 3 && PrintedFieldMatcher.FoundAll([.. pooled, .. read], data),
                read => PrintedFieldMatcher.MissingLengths([.. pooled, .. read], data), token);
            timings.Add($"{capture.Side}_ocr_printed_{view.Stage}", clock.Elapsed.TotalMilliseconds);
            var candidate = view.Area is null
                ? capture with { Image = image, Reading = reading with { PrintedText = lines }, TurnedDegrees = view.Turn }
                : capture with
                {
                    Image = image,
                    Reading = reading with { PrintedText = lines },
                    Recapture = capture.Recapture is null ? null : ScreenRecapture.Measure(image.Bitmap) ?? capture.Recapture,
                    StraightenedDegrees = capture.StraightenedDegrees - capture.Reading!.TextAngle,
                };
            var found = Found(candidate, data, nameTruncation);
            if (found <= bestFound)
            {
                image.Dispose();
                continue;
            }
            if (best != capture)
                best.Image!.Dispose();
            (best, bestFound) = (candidate, found);
            if (PrintedFieldMatcher.FoundAll([.. pooled, .. lines.Select(l => l.Text)], data))
                break;
        }
        if (best != capture)
            capture.Image!.Dispose();
        return best;
    }

    /// <summary>
    /// The ways a card's side may have been photographed that the reading as it came misses. Turned as its MRZ side had
    /// to be (<see cref="RetryTurned"/>): a customer holds the phone the same way for both sides, mostly. A quarter turn
    /// either way when its text runs up or down the picture: the front may have been photographed the other way round
    /// from the back, or the back needed no turn, and printed text read sideways gives none of the MRZ's values. Cut out
    /// where its print lies (<see cref="PrintedArea"/>) when that is under <see cref="MaxPrintedShare"/> of the frame: a
    /// card photographed small on a desk was detected shrunk with the whole frame, its print a few pixels high, and no
    /// value was found (the MRZ side is cut out by its MRZ, <see cref="CutOutSmallPages"/>).
    /// </summary>
    private static IEnumerable<(string Stage, int Turn, PrintedArea? Area)> Views(DocumentCapture capture, DocumentCapture mrzSide)
    {
        var reading = capture.Reading!;
        var sideways = TextSkew.RunsSideways(reading.TextAngle);
        if (capture.TurnedDegrees == 0)
        {
            var turns = new List<int>();
            if (mrzSide.TurnedDegrees != 0)
                turns.Add(mrzSide.TurnedDegrees);
            if (sideways)
                turns.AddRange([90, 270]);
            foreach (var degrees in turns.Distinct())
                yield return ($"turned_{degrees}", degrees, null);
        }
        var image = capture.Image!.Bitmap;
        if (Math.Abs(reading.TextAngle) <= MaxSkewDegrees && PrintedArea.Largest(reading.OtherRegions, reading.TextAngle) is { } area
            && area.ShareOf(image.Width, image.Height) < MaxPrintedShare)
            yield return ("cut_out", 0, area);
    }

    /// <summary>
    /// Print spanning less of its frame's longer side than this is cut out: a card's print spans 60–90 % of its width, and a
    /// card photographed small on a desk takes 30–45 % of the frame's width, one filling the frame 60 % and more.
    /// </summary>
    private const float MaxPrintedShare = 0.5f;

    /// <summary>
    /// The desk kept around a card's print when it is cut out, a share of the print's size: enough for the portrait beside
    /// the print and the card's edge, since print found by the detector at the whole frame's scale may miss a line or two.
    /// </summary>
    private const float CardMargin = 0.3f;

    /// <summary>How many of the MRZ's values a side's printed lines show, agreeing or not.</summary>
    private static int Found(DocumentCapture capture, ExtractedData data, NameTruncation nameTruncation) =>
        PrintedFieldComparison.Compare(capture.Reading!.PrintedText.Select(l => new PrintedText(capture.Side, l)).ToList(), data, nameTruncation)
            .Count(f => f.Found);

    /// <summary>PDF417 on the back (then the front) when the document is declared a driving licence, or has no MRZ and is not declared a passport.</summary>
    private AamvaReading? ReadBarcode(List<DocumentCapture> captures, string? declaredType, TimingLog timings)
    {
        var hasMrz = captures.Any(c => c.Reading?.Parse?.Success == true);
        // No passport carries one: a passport photographed sideways, its MRZ not read until turned, spent seconds searching one.
        if ((hasMrz && declaredType != "driving_licence") || declaredType == "passport")
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
        var face = !TextSkew.RunsSideways(front.Reading.TextAngle)
            ? _portraits.Find(front.Image.Bitmap, (float)_options.PortraitMinScore)
            : FindTurned(front.Image, 90) ?? FindTurned(front.Image, 270);
        timings.Add("portrait", clock.Elapsed.TotalMilliseconds);
        return face;
    }

    /// <summary>
    /// A page whose text runs up or down (the photo taken with the phone turned and no EXIF orientation, and left as it
    /// came: a card's front that read no better turned) is looked at a quarter turn turned: squeezed as it stands into the
    /// detector's 320×240 landscape input, a sideways portrait came out half as wide as tall and was not found (6 of 20
    /// sideways pages of seed 840, when their MRZ was read where it stood).
    /// </summary>
    private PortraitFace? FindTurned(DecodedImage page, int degrees)
    {
        using var turned = page.Turned(degrees);
        return _portraits.Find(turned.Bitmap, (float)_options.PortraitMinScore);
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
