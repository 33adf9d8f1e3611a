using System.Diagnostics;
using Ekyc.Verification.Documents.Glyphs;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Ocr;
using SkiaSharp;

namespace Ekyc.Verification.Documents;

/// <summary>
/// Finds and reads the MRZ of a document image: detect text, group regions into lines, recognise the long lines at
/// the MRZ's proportions with the MRZ alphabet, keep the ones dominated by MRZ characters, repair their length at
/// filler runs and parse them with the OCR fix-up. The other regions are kept for <see cref="PrintedTextReader"/>.
/// With OCR-B <paramref name="glyphs"/>, look-alikes that the check digits cannot settle are read again by their shapes.
/// </summary>
public sealed class MrzReader(TextDetector detector, TextRecognizer recognizer, OcrBGlyphs? glyphs = null)
{
    private static readonly int[] MrzLengths = [30, 36, 44];
    private const float MinMrzShare = 0.85f;
    /// <summary>An alternative this unlikely is noise: the parser's look-alike table decides instead.</summary>
    private const float MinAlternativeProbability = 0.001f;

    /// <summary>
    /// Reads the MRZ of <paramref name="image"/> (with <paramref name="readMrz"/> false, only detects the text for the
    /// printed reading), detecting text at most <paramref name="detectorMaxSide"/> px on the image's longer side, in the
    /// image's luma with <paramref name="lumaDetection"/> (the recogniser still reads the colours).
    /// </summary>
    public MrzReading Read(SKBitmap image, CancellationToken cancellationToken = default, bool readMrz = true, int detectorMaxSide = TextDetector.MaxSide,
        bool lumaDetection = false)
    {
        var clock = Stopwatch.StartNew();
        var regions = detector.Detect(image, detectorMaxSide, lumaDetection);
        var detectMs = clock.Elapsed.TotalMilliseconds;
        cancellationToken.ThrowIfCancellationRequested();

        clock.Restart();
        // Text running up or down the picture is not read as an MRZ where it stands: the detector gives each region's
        // axis, not its direction, and a line a degree either side of upright turns the other way, so one MRZ's lines
        // were read in opposite directions and out of order, a garbage MRZ that parsed and failed its check digits past
        // any repair (a genuine passport photographed sideways, rejected). Such a page is read turned a quarter turn.
        var angle = TextSkew.Of(regions);
        var candidates = readMrz && !TextSkew.RunsSideways(angle) ? CandidateLines(TextLine.Group(regions)) : [];
        var recognised = new List<MrzCandidate>();
        var rereads = 0;
        foreach (var line in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (candidate, asDetected) = ReadFitted(image, line);
            rereads += asDetected ? 1 : 0;
            recognised.Add(candidate);
            // Two lines of 36 or 44 characters are a whole TD2/TD3/visa MRZ: the third line is not needed.
            if (MrzLikeInOrder(recognised) is [var first, var second] && NearestLength(first.Text.Length) > 30 && NearestLength(second.Text.Length) > 30)
                break;
        }
        var read = MrzLikeInOrder(recognised);

        var recognizeMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var (mrzLines, parse) = Interpret(image, read, cancellationToken);
        var clean = ReadCleanly(parse);
        if ((!clean || mrzLines.Any(l => l.Confidence < MinConfidentLine)) && read.Count > 0)
        {
            // Failure path: the candidate lines (also those too garbled to look like MRZ lines, once one line does) read
            // again in refitted boxes, each kept at its most confident reading; of a reading whose checks hold, only
            // its unsure lines, and the second box only when the first does not confirm it. A reading that already
            // holds together is only given up for another that does (a surer line is not always a truer one).
            var unsure = mrzLines.Where(l => l.Confidence < MinConfidentLine).Select(l => l.Line.Regions).ToList();
            var again = recognised.Select(r => ReadAgain(clean, unsure.Any(regions => ReferenceEquals(regions, r.Line.Regions)))).ToList();
            var first = recognised.Select((r, i) => again[i] ? Refit(image, r, RefitShifts[0], cancellationToken) : r).ToList();
            rereads += again.Count(a => a);
            var refitted = recognised.Select((r, i) => MoreConfident(r, first[i])).ToList();
            if (!clean || !Confirmed(mrzLines.Select(l => l.Text).ToList(), ConfirmingReading(image, first, again, cancellationToken)))
            {
                refitted = refitted.Select((r, i) => again[i] ? MoreConfident(r, Refit(image, recognised[i], RefitShifts[1], cancellationToken)) : r).ToList();
                rereads += again.Count(a => a);
            }
            if (refitted.Where((r, i) => !ReferenceEquals(r, recognised[i])).Any())
            {
                var reread = MrzLikeInOrder(refitted);
                var (lines2, parse2) = Interpret(image, reread, cancellationToken);
                if (clean ? ReadCleanly(parse2) : parse2?.Success == true || parse?.Success != true)
                    (read, mrzLines, parse) = (reread, lines2, parse2);
            }
        }
        var likelihood = Likelihood(mrzLines);
        IReadOnlyList<string> ruledOut = [];
        IReadOnlyList<GlyphVerdict> verdicts = [];
        if (ReadLookAlikesByGlyph(image, mrzLines, parse) is { } byGlyph)
            (mrzLines, parse, likelihood, ruledOut, verdicts) = byGlyph;
        if (ReadCountryCodesByGlyph(image, mrzLines, parse, likelihood) is { } codes)
            (mrzLines, parse, likelihood, verdicts) = (codes.Lines, codes.Parse, codes.Likelihood, [.. verdicts, .. codes.Verdicts]);
        if (ReadNameFillersByGlyph(image, mrzLines, parse, likelihood) is { } names)
            (mrzLines, parse, likelihood, verdicts) = (names.Lines, names.Parse, names.Likelihood, [.. verdicts, .. names.Verdicts]);
        var parseMs = clock.Elapsed.TotalMilliseconds;
        var certainty = parse?.Mrz is { } mrz ? FailingFieldsCertainty(mrz, likelihood) : null;
        var repair = parse?.Mrz is { } parsed ? RepairLikelihood(parsed, mrzLines, likelihood) : null;
        var invalid = parse?.Mrz is { FieldErrors.Count: > 0 } malformed ? InvalidFieldsCertainty(malformed, likelihood) : (float?)null;
        return new MrzReading
        {
            RawLines = mrzLines.Select(l => l.Text).ToList(),
            Parse = parse,
            PixelsPerChar = mrzLines.Count == 0 ? 0 : mrzLines.Average(l => l.Line.Box.Width / l.Text.Length),
            MrzWidth = mrzLines.Count == 0 ? 0 : mrzLines.Max(l => l.Line.Box.Width),
            MrzBoxes = mrzLines.Select(l => l.Line.Box).ToList(),
            Confidence = mrzLines.Count == 0 ? 0 : mrzLines.Min(l => l.Confidence),
            FailingFieldsCertainty = certainty,
            RepairLikelihood = repair,
            InvalidFieldsCertainty = invalid,
            Likelihood = mrzLines.Count == 0 ? null : likelihood,
            LookAlikesRuledOut = ruledOut,
            GlyphVerdicts = verdicts,
            NameDoubts = parse?.Mrz is { } named ? NameDoubts(named, likelihood) : (0, 0),
            NumberDoubts = parse?.Mrz is { } numbered ? NumberDoubts(numbered, likelihood) : 0,
            RereadRecognitions = rereads,
            RegionCount = regions.Count,
            TextAngle = angle,
            TextCorners = [.. regions.SelectMany(r => r.Box.Corners())],
            OtherRegions = regions.Where(r => !read.Any(m => m.Line.Regions.Contains(r))).ToList(),
            DetectMs = detectMs,
            RecognizeMs = recognizeMs,
            ParseMs = parseMs,
        };
    }

    /// <summary>The lines that may be the MRZ's, lowest first: MRZ lines are the longest of the page and 25–30 times as wide as high.</summary>
    internal static List<TextLine> CandidateLines(IReadOnlyList<TextLine> lines)
    {
        var widest = lines.Count == 0 ? 0 : lines.Max(l => l.Box.Width);
        return lines
            .Where(l => l.Box.Width >= 0.6f * widest && l.Box.Width >= 12 * l.Box.Height)
            .OrderByDescending(l => l.Box.CenterY)
            .Take(3)
            .ToList();
    }

    /// <summary>
    /// A candidate line read in its box fitted to the ink (<see cref="FitToInk"/>), kept when that reading is a sure
    /// MRZ-like one at <see cref="MinFittedPixelsPerChar"/> or more; else read in the detector's box, and everything after
    /// goes as without the fit (<paramref name="line"/>'s box is what the re-read path refits). Kept unsure, the fitted
    /// readings of blurred TD3 pages at 10–15 px per character let the re-read path lose a quarter of their characters.
    /// </summary>
    private (MrzCandidate Candidate, bool AsDetected) ReadFitted(SKBitmap image, TextLine line)
    {
        var fitted = FitToInk(image, line.Box);
        if (fitted != line.Box)
        {
            var text = recognizer.Recognize(image, fitted, MrzLengths);
            if (IsMrzLike(text) && text.MrzConfidence >= MinConfidentLine && fitted.Width / text.MrzText.Length >= MinFittedPixelsPerChar)
                return (new MrzCandidate(line with { Box = fitted }, text.MrzText, text.MrzConfidence, text.MrzAlternatives), false);
        }
        var read = recognizer.Recognize(image, line.Box, MrzLengths);
        return (new MrzCandidate(line, read.MrzText, read.MrzConfidence, read.MrzAlternatives, IsMrzLike(read)), fitted != line.Box);
    }

    /// <summary>
    /// On blurred or low-resolution captures the detector's MRZ boxes come out too tall for their text, centred on it
    /// (<c>bench … mrz-boxes</c>: 1.5–1.6 × the ink band on 150 dpi phone photos, 1.1–1.3 × on scans), and the recogniser,
    /// given the text at two thirds of its height, reads it unsure (line confidences 0.45–0.70 on 150 dpi ID cards) and
    /// the re-read path runs. A box over <see cref="MaxHeightPerInk"/> × its ink band is cut to <see cref="FittedHeightPerInk"/>
    /// × the band, centred on it, but never so low that its crop would be squeezed along the line
    /// (<see cref="TextRecognizer.MaxMrzWidth"/>). Only lines as long as a TD1's (30 characters, 30–32 ink heights; a TD3's
    /// 44 are 43–46: fitted, TD3 pages at 11–12 px per character read worse) and of at least
    /// <see cref="MinFittedPixelsPerChar"/> at a TD1's 30 characters: below 13 px per character a fitted box reads surely
    /// and wrongly where the detector's taller one read unsure and went through the refits (<c>documents-accuracy</c>).
    /// </summary>
    internal static RotatedBox FitToInk(SKBitmap image, RotatedBox box)
    {
        if (box.Width / Td1Length < MinFittedPixelsPerChar)
            return box;
        if (InkBand.Measure(image, box) is not { } band || box.Height <= MaxHeightPerInk * band.Height || box.Width > MaxFittedLength * band.Height)
            return box;
        var unsqueezed = box.Width * TextRecognizer.Height / TextRecognizer.MaxMrzWidth;
        var fitted = band.Centre(box, FittedHeightPerInk);
        return fitted.Height >= unsqueezed ? fitted
            : unsqueezed < box.Height ? band.Centre(box, unsqueezed / band.Height)
            : box;
    }

    private const float MaxHeightPerInk = 1.4f;
    private const float FittedHeightPerInk = 1.15f;
    /// <summary>Longest line fitted, in ink heights: TD1 lines, not TD3 (TD2, 36 characters, sits at the bound).</summary>
    private const float MaxFittedLength = 36f;
    private const int Td1Length = 30;
    /// <summary>
    /// The finest MRZ fitted, in box pixels per character read (the detector's box, a little wider than the ink): fitted,
    /// TD1 pages lost characters and gained silent misreads at 10–12 px per character, none at 13 or more.
    /// </summary>
    internal const float MinFittedPixelsPerChar = 14f;

    /// <summary>The MRZ among the lines read: selected, repaired to length, letters and digits chosen by field, parsed.</summary>
    private (List<MrzCandidate> Lines, MrzParseResult? Parse) Interpret(SKBitmap image, List<MrzCandidate> read, CancellationToken cancellationToken)
    {
        var selected = SelectMrz(read);
        if (selected.Count == 0 && read.Count >= 2)
            foreach (var exact in ExactLengths(read))
            {
                selected = SelectMrz(RereadAtPartnerLength(image, read, exact, cancellationToken));
                if (selected.Count > 0)
                    break;
            }
        if (IsShortPassport(selected) && SelectMrz(RereadLengthened(image, selected, cancellationToken)) is { Count: 2 } passport)
            selected = passport;
        var lines = ChooseByFieldClass(selected);
        var parse = lines.Count == 0 ? null : MrzParser.Parse(lines.Select(l => l.Text).ToList(), autocorrect: true, Likelihood(lines));
        if (parse?.Mrz is { } mrz && RepairConfirmed(mrz, selected))
        {
            // The repaired lines get their characters' probabilities back, through the repair.
            lines = ChooseByFieldClass(selected.Select(l => l.Repaired is { } repaired ? l with { Alternatives = repaired.Alternatives, Repaired = null } : l).ToList());
            parse = MrzParser.Parse(lines.Select(l => l.Text).ToList(), autocorrect: true, Likelihood(lines));
        }
        return (lines, parse);
    }

    /// <summary>
    /// A line read a character short or long was repaired in its longest filler run (<see cref="FitLength"/>); its
    /// characters up to there are where they were read when every check digit lying wholly before the repair agrees
    /// (a character lost before the run shifts them all), and the characters after it keep their order, so the
    /// recogniser's probabilities hold for every character read. Measured on 150 dpi phone photos of passports: the
    /// second line read at 43 characters, a filler lost in the personal number's run, and without probabilities its
    /// nationality (DEU read as 0E0) and the fillers read as 2 or 5 could be settled neither by the recogniser's doubt
    /// nor by the glyphs.
    /// </summary>
    private static bool RepairConfirmed(MrzResult mrz, List<MrzCandidate> selected)
    {
        var layout = MrzLayout.For(mrz.Format);
        return selected.Any(l => l.Repaired is not null) && selected.Select((line, index) => (line, index)).Where(l => l.line.Repaired is not null).All(l =>
        {
            var before = layout.Checks.Where(c => c.Over.Append(c.Digit).All(span => span.Line == l.index && span.Start + span.Length <= l.line.Repaired!.Value.From))
                .Select(c => c.Field).ToList();
            return before.Count > 0 && before.All(field => mrz.Checks.Any(c => c.Field == field && c.Ok));
        });
    }

    private const int PassportLength = 44;

    /// <summary>
    /// Two 36-character lines of a document coded P: no such MRZ exists (ICAO 9303 Part 5 codes TD2 documents A, C or I;
    /// passports are TD3), but a blurred passport whose filler runs lost eight characters each reads that way, and its
    /// composite check digit then lands on a filler: a false contradiction.
    /// </summary>
    private static bool IsShortPassport(List<MrzCandidate> selected) =>
        selected is [var first, _] && first.Text.Length == 36 && first.Text.StartsWith('P');

    /// <summary>
    /// A line read with a mean character probability under this is read again in refitted boxes even when its check
    /// digits agree: the 7-3-1 weights cannot see the same misreading twice in a row (NN read as 22 keeps the check
    /// digit), and on 150 dpi phone photos of ID cards such readings came with line confidences of 0.45–0.70 where
    /// well-fitted lines read at 0.83–0.95.
    /// </summary>
    private const float MinConfidentLine = 0.8f;

    /// <summary>
    /// Whether a candidate line is read again in refitted boxes: every line when the reading does not hold together;
    /// when it does, only a line read unsure (<see cref="MinConfidentLine"/>) — a sure line of a clean reading is
    /// trusted as a whole clean reading of sure lines is.
    /// </summary>
    internal static bool ReadAgain(bool clean, bool unsure) => !clean || unsure;

    /// <summary>Every check digit agrees, every field is well formed and both country codes exist.</summary>
    private static bool ReadCleanly(MrzParseResult? parse) => parse?.Mrz is { ChecksValid: true, FieldErrors.Count: 0, CharsetValid: true } mrz
        && MrzCountryCodes.IsKnown(mrz.IssuingState) && (mrz.Nationality is null || MrzCountryCodes.IsKnown(mrz.Nationality));

    /// <summary>
    /// The detector's box can fit the line badly across the text (on 150 dpi phone photos centred within 5 % of its
    /// height but 1.5–1.6 × as tall as the ink, <c>bench … mrz-boxes</c>), and the recogniser
    /// then misreads whole runs (RH read as 92, CAN as 0AN). The refits: the box shifted up and down by this share of its
    /// height, and narrowed to <see cref="RefitHeight"/>.
    /// </summary>
    private static readonly float[] RefitShifts = [-0.15f, 0.15f];
    private const float RefitHeight = 0.85f;

    /// <summary>
    /// The line recognised again in its box shifted across by <paramref name="shift"/> of its height and narrowed to
    /// <see cref="RefitHeight"/>.
    /// </summary>
    private MrzCandidate Refit(SKBitmap image, MrzCandidate candidate, float shift, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (ux, uy) = candidate.Line.Box.Along;
        var box = candidate.Line.Box;
        var across = shift * box.Height;
        box = box with { CenterX = box.CenterX - uy * across, CenterY = box.CenterY + ux * across, Height = box.Height * RefitHeight };
        var text = recognizer.Recognize(image, box, MrzLengths);
        return new MrzCandidate(candidate.Line with { Box = box }, text.MrzText, text.MrzConfidence, text.MrzAlternatives, IsMrzLike(text));
    }

    /// <summary>
    /// Of a line's reading so far and a refit's, the one with the higher mean character probability (the reading so far
    /// when it stays ahead). Chosen by the recogniser's own confidence, never by the check digits, so a digit altered on
    /// the document is read more surely, not explained away.
    /// </summary>
    private static MrzCandidate MoreConfident(MrzCandidate best, MrzCandidate refit) =>
        !ReferenceEquals(best, refit) && refit.MrzLike && (!best.MrzLike || refit.Confidence > best.Confidence) ? refit : best;

    /// <summary>
    /// The MRZ read from the first refits alone (every re-read line in its box shifted up, the others as read), when it
    /// holds together (<see cref="ReadCleanly"/>); null when it does not or a refit does not look like an MRZ line.
    /// </summary>
    private List<string>? ConfirmingReading(SKBitmap image, List<MrzCandidate> refits, List<bool> refitted, CancellationToken cancellationToken)
    {
        if (refits.Where((r, i) => refitted[i]).Any(r => !r.MrzLike))
            return null;
        var (lines, parse) = Interpret(image, MrzLikeInOrder(refits), cancellationToken);
        return ReadCleanly(parse) ? lines.Select(l => l.Text).ToList() : null;
    }

    /// <summary>
    /// Whether a reading whose checks hold is confirmed by the same MRZ read cleanly again with its unsure lines in other
    /// boxes (<paramref name="refitted"/>, null when that reading does not hold): the box shifted down, another 1,232 px
    /// recognition per line, could then only pick another whole clean reading. On the realistic 150 dpi passport photos
    /// (clean first readings, 1–2 lines at 0.64–0.77) the box shifted up read the same MRZ at 0.78–0.88 and the box
    /// shifted down each line less surely (0.66–0.80). A repeated misreading the 7-3-1 weights miss (NN read as 22)
    /// would have to come out the same in two boxes.
    /// </summary>
    internal static bool Confirmed(IReadOnlyList<string> first, IReadOnlyList<string>? refitted) =>
        refitted is not null && first.SequenceEqual(refitted);

    /// <summary>
    /// At least 25 characters read, and the unrestricted reading mostly in the MRZ alphabet (the Chinese dictionary
    /// sometimes reads a filler as « or く; spaces, which it puts between groups of digits, do not count).
    /// </summary>
    private static bool IsMrzLike(RecognizedText text)
    {
        if (text.MrzText.Length < 25)
            return false;
        var mrzChars = text.Text.Count(c => CheckDigit.IsMrzChar(char.ToUpperInvariant(c)) || c is '«' or 'く');
        return mrzChars >= MinMrzShare * text.Text.Count(c => c != ' ');
    }

    /// <summary>
    /// Blur lets the CTC blank swallow characters, so one line of an MRZ can come out at another MRZ length (36 for
    /// 44) and the lines no longer form an MRZ. When some line has an exact MRZ length, the others are recognised
    /// again aiming at that length, over their partner's extent (failure path only: one more recognition per line).
    /// </summary>
    private List<MrzCandidate> RereadAtPartnerLength(SKBitmap image, List<MrzCandidate> read, int exact, CancellationToken cancellationToken) =>
        read.Select(r =>
        {
            if (r.Text.Length == exact)
                return r;
            cancellationToken.ThrowIfCancellationRequested();
            var line = r.Line with { Box = PartnerExtent(r.Line.Box, read.Select(p => p.Line.Box)) };
            var text = recognizer.Recognize(image, line.Box, [exact]);
            return new MrzCandidate(line, text.MrzText, text.MrzConfidence, text.MrzAlternatives);
        }).ToList();

    /// <summary>
    /// A short-read passport's lines recognised again at 44 characters in boxes lengthened from their left edge, where
    /// every MRZ line starts: the detector's box can end inside the filler run it lost, by an unknown share of it. Each
    /// line keeps its most confident 44-character reading among boxes lengthened by 0.9–1.2 of the full 44/36 (a box
    /// that ends inside the last character misreads it: a final 2 read as 9), else the full lengthening's reading.
    /// </summary>
    private List<MrzCandidate> RereadLengthened(SKBitmap image, List<MrzCandidate> lines, CancellationToken cancellationToken) =>
        lines.Select(r =>
        {
            var box = r.Line.Box;
            var (ux, uy) = box.Along;
            var full = (float)PassportLength / r.Text.Length - 1;
            return Lengthenings.Select(share =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var grow = box.Width * full * share;
                var line = r.Line with { Box = box with { CenterX = box.CenterX + ux * grow / 2, CenterY = box.CenterY + uy * grow / 2, Width = box.Width + grow } };
                var text = recognizer.Recognize(image, line.Box, [PassportLength]);
                return new MrzCandidate(line, text.MrzText, text.MrzConfidence, text.MrzAlternatives);
            }).ToList() is var readings && readings.Where(c => c.Text.Length == PassportLength).MaxBy(c => c.Confidence) is { } best
                ? best
                : readings[Array.IndexOf(Lengthenings, 1f)];
        }).ToList();

    /// <summary>Shares of the full lengthening tried (a rare path: a passport read short on both lines).</summary>
    private static readonly float[] Lengthenings = [0.9f, 1f, 1.1f, 1.2f];

    /// <summary>
    /// The lines of one MRZ hold as many characters at the same pitch, so they are as wide. The detector can lose the
    /// end of a line's filler run (the name line of a passport page framed at 82–86 % of a 720 px frame's height),
    /// leaving a box too short for the line's characters: such a box is stretched along its own axis over the extent
    /// of the widest line within three line heights of it.
    /// </summary>
    internal static RotatedBox PartnerExtent(RotatedBox box, IEnumerable<RotatedBox> lines)
    {
        var partner = lines.Where(b => MathF.Abs(b.CenterY - box.CenterY) <= 3 * b.Height).MaxBy(b => b.Width);
        if (partner.Width < box.Width * 1.03f)
            return box;
        // The partner's centre projected onto this line's axis: the stretched box keeps this line's height and angle.
        var (ux, uy) = box.Along;
        var shift = (partner.CenterX - box.CenterX) * ux + (partner.CenterY - box.CenterY) * uy;
        return box with { CenterX = box.CenterX + shift * ux, CenterY = box.CenterY + shift * uy, Width = partner.Width };
    }

    /// <summary>
    /// The MRZ lengths some line was read at, the most frequent first (a tie between a TD1 line at 30 and a misread one
    /// at 36 is tried both ways).
    /// </summary>
    private static IEnumerable<int> ExactLengths(List<MrzCandidate> read) => read.Select(r => r.Text.Length)
        .Where(MrzLengths.Contains)
        .GroupBy(length => length)
        .OrderByDescending(g => g.Count())
        .ThenByDescending(g => g.Key)
        .Select(g => g.Key);

    /// <summary>Three consecutive lines near 30 characters (TD1), else the last two lines near 36 or 44, repaired to length.</summary>
    private static List<MrzCandidate> SelectMrz(List<MrzCandidate> read)
    {
        foreach (var (count, length) in new[] { (3, 30), (2, 44), (2, 36) })
        {
            for (var start = read.Count - count; start >= 0; start--)
            {
                var window = read.Skip(start).Take(count).ToList();
                if (window.All(r => Math.Abs(r.Text.Length - length) <= 3 && NearestLength(r.Text.Length) == length))
                    // Alternatives follow the characters as read: a line whose length was repaired keeps them aside (see Repaired).
                    return window.Select(r => r.Text.Length == length ? r : Repaired(r, length)).ToList();
            }
        }
        return [];
    }

    /// <summary>
    /// The line repaired to <paramref name="length"/>; its probabilities are set aside with the columns they map to, for
    /// when the repair is confirmed (<see cref="RepairConfirmed"/>).
    /// </summary>
    private static MrzCandidate Repaired(MrzCandidate line, int length)
    {
        var (text, source) = FitLengthMapped(line.Text, length);
        var from = Enumerable.Range(0, length).FirstOrDefault(k => source[k] != k, length);
        return line with { Text = text, Alternatives = null, Repaired = HasProbabilities(line) ? (line.Alternatives!.Select(source), from) : null };
    }

    /// <summary>
    /// Where a field allows only letters (names, codes) or only digits (dates, check digits) and the reading has the
    /// other kind, takes the recogniser's most probable character of the allowed kind at that step — better than a
    /// fixed look-alike table (a blurred U read as 0 becomes U, not O). The sex marker likewise takes the likeliest of
    /// the four it may be, and an unknown country code the known one the recogniser clearly prefers (<see cref="MrzCountryCodes.Settle"/>).
    /// </summary>
    private static List<MrzCandidate> ChooseByFieldClass(List<MrzCandidate> lines)
    {
        if (lines.Count == 0 || MrzParser.DetectFormat(lines.Select(l => l.Text).ToList(), autocorrect: true) is not { } format)
            return lines;
        var layout = MrzLayout.For(format);
        return lines.Select((line, index) =>
        {
            if (line.Alternatives is not { } alternatives || alternatives.Count != line.Text.Length)
                return line;
            var chars = line.Text.ToCharArray();
            foreach (var field in layout.Fields.Where(f => f.Span.Line == index))
            {
                for (var i = field.Span.Start; i < field.Span.Start + field.Span.Length; i++)
                {
                    Func<char, bool>? allowed = field.Class switch
                    {
                        MrzCharClass.Alpha when char.IsAsciiDigit(chars[i]) => c => char.IsAsciiLetterUpper(c) || c == '<',
                        MrzCharClass.Numeric or MrzCharClass.NumericOrFiller when char.IsAsciiLetterUpper(chars[i]) => char.IsAsciiDigit,
                        // A sex marker read as another letter (a blurred M as H or N): the likeliest of M, F, X and filler.
                        MrzCharClass.Sex when chars[i] is not ('M' or 'F' or 'X' or '<') => c => c is 'M' or 'F' or 'X' or '<',
                        _ => null,
                    };
                    if (allowed is not null && alternatives.Best(i, allowed) is { Probability: >= MinAlternativeProbability } best)
                        chars[i] = best.Char;
                }
                if (field.Name == "names")
                    RestoreNameSeparator(chars, field.Span, alternatives);
                if (field.Name is "issuingState" or "nationality"
                    && MrzCountryCodes.Settle(new string(chars, field.Span.Start, field.Span.Length), (k, c) => alternatives.Probability(field.Span.Start + k, c)) is { } code)
                    code.CopyTo(0, chars, field.Span.Start, code.Length);
            }
            return line with { Text = new string(chars) };
        }).ToList();
    }

    /// <summary>
    /// A names field holds its surname and given names apart with a double filler; one filler of it read as a letter
    /// (`SCHONHAUSEN<<RAFA` as `SCHONHAUSENK<RAFA`) joins the given names to the surname, and the printed surname then
    /// contradicts the MRZ by a whole given name, more than the one doubtful letter could explain. In a field with no
    /// double filler, the doubtful letter beside a filler that the recogniser also sees as a filler becomes one. A name
    /// that fills the whole field, its letters read surely, is left alone.
    /// </summary>
    internal static void RestoreNameSeparator(char[] chars, MrzSpan span, CtcAlternatives alternatives)
    {
        if (new string(chars, span.Start, span.Length).Contains("<<", StringComparison.Ordinal))
            return;
        var restored = Enumerable.Range(span.Start, span.Length)
            .Where(i => chars[i] != '<' && alternatives.Probability(i, chars[i]) < DoubtfulLetter
                        && ((i > span.Start && chars[i - 1] == '<') || (i + 1 < span.Start + span.Length && chars[i + 1] == '<')))
            .Select(i => (Column: i, Filler: alternatives.Probability(i, '<')))
            .Where(c => c.Filler >= MinAlternativeProbability)
            .OrderByDescending(c => c.Filler)
            .FirstOrDefault();
        if (restored.Filler > 0)
            chars[restored.Column] = '<';
    }

    /// <summary>A look-alike the glyph chose surely counts as read with at least this probability.</summary>
    private const float GlyphReadProbability = 0.9f;
    /// <summary>The probability left to a look-alike the glyph ruled out: too little for any swap or repair to choose it.</summary>
    private const float GlyphRuledOutProbability = 1e-6f;

    /// <summary>
    /// Where a check fails (or agreed only through a look-alike swap, or over a character the recogniser doubted; see
    /// <see cref="LookAlikeGlyphs.Checks"/>), its look-alike characters read again by their
    /// OCR-B glyphs (<see cref="LookAlikeGlyphs"/>): each glyph sure of its character sets it, whatever the check digits
    /// say, and the lines are parsed again with the look-alikes it ruled out made implausible, so no swap can bring them
    /// back. A digit altered on the document is read as printed, its check still fails, and the checks whose every
    /// look-alike the glyphs settled are named (<see cref="MrzReading.LookAlikesRuledOut"/>): look-alikes no longer
    /// explain the failure. Null when nothing is to be read again or no line could be aligned.
    /// </summary>
    private (List<MrzCandidate> Lines, MrzParseResult Parse, MrzLikelihood Likelihood, IReadOnlyList<string> RuledOut, IReadOnlyList<GlyphVerdict> Verdicts)?
        ReadLookAlikesByGlyph(SKBitmap image, List<MrzCandidate> lines, MrzParseResult? parse)
    {
        var read = lines.Select(l => l.Text).ToList();
        var recognised = Likelihood(lines);
        var pixelsPerChar = lines.Select(l => l.Line.Box.Width / l.Text.Length).ToList();
        if (glyphs is null || parse?.Mrz is not { } mrz || LookAlikeGlyphs.Checks(mrz, read, recognised, pixelsPerChar) is not { Count: > 0 } checks)
            return null;
        var layout = MrzLayout.For(mrz.Format);
        var cells = new Dictionary<int, MrzLineCells?>();
        var verdicts = new Dictionary<(int Line, int Column), GlyphVerdict>();
        var ruledOut = new List<string>();
        MrzLineCells? Cells(int line)
        {
            if (!cells.TryGetValue(line, out var lineCells))
                cells[line] = lineCells = MrzLineCells.Fit(image, lines[line].Line.Box, read[line], lines[line].Alternatives, glyphs);
            return lineCells;
        }
        GlyphVerdict? Judge(int line, int column, IReadOnlyList<char> candidates) =>
            Cells(line) is { } lineCells ? LookAlikeGlyphs.Judge(lineCells, line, column, candidates) : null;
        // Whether every look-alike of the columns given was read surely by its glyph.
        bool Settle(IEnumerable<(int Line, int Column, IReadOnlyList<char> Candidates)> columns)
        {
            var settled = true;
            foreach (var (line, column, candidates) in columns)
            {
                if (!verdicts.TryGetValue((line, column), out var verdict) && Judge(line, column, candidates) is { } judged)
                    verdicts[(line, column)] = verdict = judged;
                settled &= verdict?.Sure == true;
            }
            return settled;
        }
        static bool Overturned(GlyphVerdict? verdict) => verdict is { Sure: true } && verdict.Glyph != verdict.Read;
        foreach (var (check, doubtedOnly) in checks)
        {
            var doubted = LookAlikeGlyphs.Columns(layout, check, read, recognised, doubtedOnly).ToList();
            var settled = Settle(doubted);
            // A look-alike the glyph overturned in a check that agreed: the whole check is read again, since its other
            // look-alikes may have been misread the same way (OO read as 00 keeps the check digit: 24·7 + 24·3 ≡ 0). The
            // undoubted ones judged only for that leave no verdict behind when the glyphs agree with them.
            var whole = !doubtedOnly || doubted.Any(c => Overturned(verdicts.GetValueOrDefault((c.Line, c.Column))))
                || LookAlikeGlyphs.UndoubtedLookAlikes(layout, check, read, recognised, pixelsPerChar)
                    .Any(c => Cells(c.Line) is { } lineCells && LookAlikeGlyphs.LeadsRead(lineCells, c.Column, c.Candidates) && Overturned(Judge(c.Line, c.Column, c.Candidates)));
            if (doubtedOnly && whole)
                settled = Settle(LookAlikeGlyphs.Columns(layout, check, read, recognised));
            if (settled && whole)
                ruledOut.Add(check.Field);
        }
        if (!verdicts.Values.Any(v => v.Sure))
            return null;
        var (reread, reparsed, likelihood) = ReadAsGlyphsSay(lines, verdicts.Values, recognised);
        return (reread, reparsed, likelihood, ruledOut, verdicts.Values.OrderBy(v => v.Line).ThenBy(v => v.Column).ToList());
    }

    /// <summary>
    /// An unknown country code (no check digit covers it) read again by its OCR-B glyphs: each letter compared with its
    /// look-alikes and the letters the recogniser found plausible there (<see cref="LookAlikeGlyphs.CodeCandidates"/>),
    /// and the code the sure glyphs spell taken when it is a known one — `NID` whose I is drawn as an L reads `NLD`. Never
    /// from or to the specimen code. Null when no code changed.
    /// </summary>
    private (List<MrzCandidate> Lines, MrzParseResult Parse, MrzLikelihood Likelihood, IReadOnlyList<GlyphVerdict> Verdicts)?
        ReadCountryCodesByGlyph(SKBitmap image, List<MrzCandidate> lines, MrzParseResult? parse, MrzLikelihood recognised)
    {
        if (glyphs is null || parse?.Mrz is not { } mrz || lines.Count != MrzLayout.For(mrz.Format).LineCount)
            return null;
        var verdicts = new List<GlyphVerdict>();
        foreach (var field in MrzLayout.For(mrz.Format).Fields.Where(f => f.Name is "issuingState" or "nationality"))
        {
            var (line, start, length) = (field.Span.Line, field.Span.Start, field.Span.Length);
            var code = lines[line].Text.Substring(start, length);
            if (MrzCountryCodes.IsKnown(MrzText.Clean(code)) || MrzCountryCodes.IsSpecimen(MrzText.Clean(code))
                || MrzLineCells.Fit(image, lines[line].Line.Box, lines[line].Text, lines[line].Alternatives, glyphs) is not { } cells)
                continue;
            var judged = Enumerable.Range(start, length)
                .Select(column => LookAlikeGlyphs.Judge(cells, line, column, LookAlikeGlyphs.CodeCandidates(code[column - start], c => recognised(line, column, c))))
                .ToList();
            var settled = MrzText.Clean(new string(judged.Select(v => v.Sure ? v.Glyph : v.Read).ToArray()));
            if (!MrzCountryCodes.IsKnown(settled) || MrzCountryCodes.IsSpecimen(settled))
                continue;
            verdicts.AddRange(judged);
        }
        if (verdicts.Count == 0)
            return null;
        var (reread, reparsed, likelihood) = ReadAsGlyphsSay(lines, verdicts, recognised);
        return (reread, reparsed, likelihood, verdicts);
    }

    /// <summary>
    /// The letters of the name fields that may be fillers read again by their OCR-B glyphs (no check digit covers a
    /// name): over a tinted MRZ band with its own guilloche, a filler's chevron and a wave crossing it read as K
    /// (`WAGNER<<KARL<HEINZ` as `WAGNERKKKARLKHEINZ`), and the printed name then cannot be compared. Each letter the
    /// glyphs read surely as a filler becomes one (<see cref="LookAlikeGlyphs.NameCandidates"/>); a K drawn as a K keeps
    /// its stem, which no filler has. Null when no letter changed.
    /// </summary>
    private (List<MrzCandidate> Lines, MrzParseResult Parse, MrzLikelihood Likelihood, IReadOnlyList<GlyphVerdict> Verdicts)?
        ReadNameFillersByGlyph(SKBitmap image, List<MrzCandidate> lines, MrzParseResult? parse, MrzLikelihood recognised)
    {
        if (glyphs is null || parse?.Mrz is not { } mrz || lines.Count != MrzLayout.For(mrz.Format).LineCount)
            return null;
        var verdicts = new List<GlyphVerdict>();
        foreach (var field in MrzLayout.For(mrz.Format).Fields.Where(f => f.Name is "names" or "surname" or "givenNames"))
        {
            var line = field.Span.Line;
            var columns = Enumerable.Range(field.Span.Start, field.Span.Length)
                .Select(column => (Column: column, Candidates: LookAlikeGlyphs.NameCandidates(lines[line].Text[column], c => recognised(line, column, c))))
                .Where(c => c.Candidates.Count > 1)
                .ToList();
            if (columns.Count == 0 || MrzLineCells.Fit(image, lines[line].Line.Box, lines[line].Text, lines[line].Alternatives, glyphs) is not { } cells)
                continue;
            verdicts.AddRange(columns.Select(c => LookAlikeGlyphs.Judge(cells, line, c.Column, c.Candidates)));
        }
        if (!verdicts.Any(v => v.Sure && v.Glyph != v.Read))
            return null;
        var (reread, reparsed, likelihood) = ReadAsGlyphsSay(lines, verdicts, recognised);
        return (reread, reparsed, likelihood, verdicts);
    }

    /// <summary>
    /// The lines with each sure verdict's glyph in place, parsed again with the glyphs' readings as likelihoods: the glyph
    /// read at least <see cref="GlyphReadProbability"/>, the look-alikes it ruled out <see cref="GlyphRuledOutProbability"/>.
    /// </summary>
    private static (List<MrzCandidate> Lines, MrzParseResult Parse, MrzLikelihood Likelihood) ReadAsGlyphsSay(List<MrzCandidate> lines,
        IEnumerable<GlyphVerdict> verdicts, MrzLikelihood recognised)
    {
        var sure = verdicts.Where(v => v.Sure).ToDictionary(v => (v.Line, v.Column));
        var text = lines.Select(l => l.Text.ToCharArray()).ToList();
        foreach (var verdict in sure.Values)
            text[verdict.Line][verdict.Column] = verdict.Glyph;
        MrzLikelihood likelihood = (line, column, c) => sure.TryGetValue((line, column), out var v) && v.Compared.Contains(c)
            ? c == v.Glyph ? Math.Max(recognised(line, column, c), GlyphReadProbability) : GlyphRuledOutProbability
            : recognised(line, column, c);
        var reread = lines.Select((l, i) => l with { Text = new string(text[i]) }).ToList();
        return (reread, MrzParser.Parse(reread.Select(l => l.Text).ToList(), autocorrect: true, likelihood), likelihood);
    }

    /// <summary>
    /// The recogniser's lowest probability for a character (as finally parsed, fillers aside) inside the fields of the
    /// failing check digits: a check digit that fails on a confident reading points at the document, on an unsure one
    /// at the OCR. A line whose length had to be repaired has no per-character probabilities: 0. Null when every check
    /// agrees.
    /// </summary>
    private static float? FailingFieldsCertainty(MrzResult mrz, MrzLikelihood likelihood)
    {
        var failing = mrz.FailingFieldChecks;
        if (failing.Count == 0)
            return null;
        var layout = MrzLayout.For(mrz.Format);
        var spans = layout.Checks.Where(c => failing.Contains(c.Field)).SelectMany(c => c.Over.Append(c.Digit)).ToList();
        // The TD1 document number is checked by the parser (it may overflow into the optional data): its whole run.
        if (mrz.Format == MrzFormat.Td1 && failing.Contains("documentNumber"))
            spans.Add(new MrzSpan(0, 5, 25));
        var lowest = 1f;
        foreach (var span in spans)
            for (var column = span.Start; column < span.Start + span.Length; column++)
            {
                // Fillers in runs are read with spread-out probabilities however clear they are.
                if (mrz.Lines[span.Line][column] != '<')
                    lowest = Math.Min(lowest, likelihood(span.Line, column, mrz.Lines[span.Line][column]));
            }
        return lowest;
    }

    /// <summary>
    /// The recogniser's lowest probability for a character of the fields that break a syntax rule (a code with a digit,
    /// an impossible date, an unknown sex marker): an impossible value read with certainty is on the document, one read
    /// unsure is the OCR's. A line whose length had to be repaired has no probabilities: 0.
    /// </summary>
    private static float InvalidFieldsCertainty(MrzResult mrz, MrzLikelihood likelihood)
    {
        var layout = MrzLayout.For(mrz.Format);
        var lowest = 1f;
        foreach (var error in mrz.FieldErrors)
        {
            var name = error[..Math.Max(0, error.IndexOf(':'))];
            if (layout.Fields.FirstOrDefault(f => f.Name == name) is not { } field)
                return 0f;
            for (var column = field.Span.Start; column < field.Span.Start + field.Span.Length; column++)
                if (mrz.Lines[field.Span.Line][column] != '<' || field.Class == MrzCharClass.Sex)
                    lowest = Math.Min(lowest, likelihood(field.Span.Line, column, mrz.Lines[field.Span.Line][column]));
        }
        return lowest;
    }

    /// <summary>
    /// How likely it is that the OCR, not the document, broke the failing checks: the recogniser's highest probability
    /// for a one-character change, inside a failing field or its check digit and to a character that field may hold,
    /// that makes that check agree. A misread
    /// character keeps real probability on the true one; a digit altered on the document is printed crisply, and the
    /// value that would agree gets next to none. A line whose length had to be repaired has no probabilities: 1.
    /// Null when every check agrees.
    /// </summary>
    private static float? RepairLikelihood(MrzResult mrz, List<MrzCandidate> lines, MrzLikelihood likelihood)
    {
        var failing = mrz.FailingFieldChecks;
        if (failing.Count == 0)
            return null;
        var layout = MrzLayout.For(mrz.Format);
        var specs = layout.Checks.Where(c => failing.Contains(c.Field)).ToList();
        // The TD1 document number check is resolved by the parser (it may overflow into the optional data).
        if (mrz.Format == MrzFormat.Td1 && failing.Contains("documentNumber"))
            specs.Add(MrzLayout.Td1ShortNumberCheck);
        var text = mrz.Lines.Select(l => l.ToCharArray()).ToList();
        var best = 0f;
        foreach (var spec in specs)
            foreach (var span in spec.Over.Append(spec.Digit))
                for (var column = span.Start; column < span.Start + span.Length; column++)
                {
                    var original = text[span.Line][column];
                    var field = layout.Fields.FirstOrDefault(f => f.Span.Line == span.Line && column >= f.Span.Start && column < f.Span.Start + f.Span.Length);
                    foreach (var candidate in CheckDigit.Alphabet)
                    {
                        // Only what the field may hold: a D "repairing" a birth date explains nothing, the parser reads it as 0.
                        if (candidate == original || field is not null && !MayHold(field.Class, candidate))
                            continue;
                        text[span.Line][column] = candidate;
                        if (Agrees(spec, text))
                            best = Math.Max(best, HasProbabilities(lines[span.Line]) ? likelihood(span.Line, column, candidate) : 1f);
                    }
                    text[span.Line][column] = original;
                }
        return best;
    }

    private static bool MayHold(MrzCharClass cls, char c) => cls switch
    {
        MrzCharClass.Numeric => char.IsAsciiDigit(c),
        MrzCharClass.NumericOrFiller => char.IsAsciiDigit(c) || c == '<',
        MrzCharClass.Alpha => char.IsAsciiLetterUpper(c) || c == '<',
        MrzCharClass.Sex => c is 'M' or 'F' or 'X' or '<',
        _ => true,
    };

    /// <summary>A letter read with less probability than this may be another letter.</summary>
    private const float DoubtfulLetter = 0.5f;

    /// <summary>
    /// How many letters of the surname and of the given names the recogniser read with probability under 0.5: no check
    /// digit covers the names, so these are the letters that may be wrong. Without probabilities every letter counts.
    /// </summary>
    private static (int Surname, int GivenNames) NameDoubts(MrzResult mrz, MrzLikelihood likelihood)
    {
        int surname = 0, given = 0;
        foreach (var field in MrzLayout.For(mrz.Format).Fields.Where(f => f.Name is "names" or "surname" or "givenNames"))
        {
            var text = mrz.Lines[field.Span.Line];
            // In a combined names field the surname ends at the first double filler.
            var split = field.Name == "names" ? text.IndexOf("<<", field.Span.Start, StringComparison.Ordinal) : -1;
            for (var column = field.Span.Start; column < field.Span.Start + field.Span.Length; column++)
            {
                if (text[column] == '<' || likelihood(field.Span.Line, column, text[column]) >= DoubtfulLetter)
                    continue;
                if (field.Name == "surname" || (field.Name == "names" && (split < 0 || column < split)))
                    surname++;
                else
                    given++;
            }
        }
        return (surname, given);
    }

    /// <summary>Characters of the document number (as parsed) the recogniser read with probability under 0.5; without probabilities, all.</summary>
    private static int NumberDoubts(MrzResult mrz, MrzLikelihood likelihood)
    {
        if (mrz.Format is not (MrzFormat.Td1 or MrzFormat.Td2 or MrzFormat.Td3) || mrz.LongDocumentNumber)
            return 0;
        var span = MrzLayout.For(mrz.Format).Field("documentNumber").Span;
        var text = mrz.Lines[span.Line];
        return Enumerable.Range(span.Start, span.Length)
            .Count(column => text[column] != '<' && likelihood(span.Line, column, text[column]) < DoubtfulLetter);
    }

    private static bool Agrees(MrzCheckSpec spec, List<char[]> lines) =>
        CheckDigit.Compute(string.Concat(spec.Over.Select(s => s.Read(lines)))) == lines[spec.Digit.Line][spec.Digit.Start];

    /// <summary>The recogniser's probabilities, for lines whose characters are still those it read.</summary>
    private static MrzLikelihood Likelihood(List<MrzCandidate> lines) => (line, column, c) =>
        HasProbabilities(lines[line]) ? lines[line].Alternatives!.Probability(column, c) : 0f;

    private static bool HasProbabilities(MrzCandidate line) => line.Alternatives is { } alternatives && alternatives.Count == line.Text.Length;

    private static int NearestLength(int length) => MrzLengths.MinBy(l => Math.Abs(l - length));

    /// <summary>Adds or removes fillers in the longest run of <c>&lt;</c> (where OCR most often miscounts), else at the end.</summary>
    internal static string FitLength(string line, int length) => FitLengthMapped(line, length).Text;

    /// <summary><see cref="FitLength"/>, with the column of the line read that each character comes from (an added filler: the run's first).</summary>
    private static (string Text, int[] Source) FitLengthMapped(string line, int length)
    {
        var source = Enumerable.Range(0, line.Length).ToList();
        while (line.Length != length)
        {
            var (start, run) = LongestFillerRun(line);
            if (line.Length < length)
            {
                source.Insert(run > 0 ? start : line.Length, source[run > 0 ? start : line.Length - 1]);
                line = run > 0 ? line.Insert(start, "<") : line + "<";
            }
            else if (run > 0)
            {
                source.RemoveAt(start);
                line = line.Remove(start, 1);
            }
            else
            {
                source.RemoveRange(length, source.Count - length);
                line = line[..length];
            }
        }
        return (line, [.. source]);
    }

    /// <summary>A recognised line that may be part of the MRZ (<paramref name="MrzLike"/>: read as one, see <see cref="IsMrzLike"/>).</summary>
    private sealed record MrzCandidate(TextLine Line, string Text, float Confidence, CtcAlternatives? Alternatives, bool MrzLike = true)
    {
        /// <summary>A line whose length was repaired: its probabilities through the repair, and the first column the repair moved.</summary>
        public (CtcAlternatives Alternatives, int From)? Repaired { get; init; }
    }

    private static List<MrzCandidate> MrzLikeInOrder(IEnumerable<MrzCandidate> lines) =>
        lines.Where(l => l.MrzLike).OrderBy(l => l.Line.Box.CenterY).ToList();

    private static (int Start, int Length) LongestFillerRun(string line)
    {
        var best = (Start: 0, Length: 0);
        for (var i = 0; i < line.Length;)
        {
            if (line[i] != '<')
            {
                i++;
                continue;
            }
            var j = i;
            while (j < line.Length && line[j] == '<')
                j++;
            if (j - i >= best.Length)
                best = (i, j - i);
            i = j;
        }
        return best;
    }
}
