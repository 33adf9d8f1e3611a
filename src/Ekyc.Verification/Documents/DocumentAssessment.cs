using System.Text.Json;
using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Verification.Documents.Aamva;
using Ekyc.Verification.Documents.Forensics;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Printed;

namespace Ekyc.Verification.Documents;

/// <summary>
/// Turns the measurements of one verification into signals and the outcome: any <c>fail</c> signal fails the
/// document, else any <c>review</c> signal sends it to review, else it passes.
/// </summary>
internal sealed class DocumentAssessment
{
    private readonly List<DocumentSignal> _signals = [];
    private readonly Dictionary<string, object?> _evidence = [];
    private ExtractedData? _extracted;
    private double _readConfidence;
    private bool _guessedByCheckDigit;
    /// <summary>Set when every check digit agreed as read (before any fix-up by this assessment); see <see cref="DocumentOptions.VerifiedReadConfidence"/>.</summary>
    private double? _verifiedRead;

    public static DocumentAssessment Assess(IReadOnlyList<DocumentCapture> captures, AamvaReading? barcode, PortraitFace? portrait,
        string? declaredType, DateOnly today, DocumentOptions options)
    {
        var a = new DocumentAssessment();
        foreach (var capture in captures)
            a._evidence[capture.Side] = SideEvidence(capture);

        var front = captures[0];
        if (front.Image is null)
        {
            a._signals.Add(DocumentSignal.Failed("front_image", front.Rejection!.Reason, front.Rejection.Detail));
            return a;
        }
        foreach (var capture in captures.Where(c => c.Image is null))
            a._signals.Add(DocumentSignal.ToReview($"{capture.Side}_image", capture.Rejection!.Reason, capture.Rejection.Detail));
        foreach (var capture in captures.Where(c => c.Quality is not null))
        {
            var spread = Math.Round(capture.Quality!.LumaStdDev, 1);
            a._signals.Add(spread < options.MinLumaStdDev
                ? DocumentSignal.Failed($"{capture.Side}_content", "blank_image", spread, options.MinLumaStdDev)
                : DocumentSignal.Passed($"{capture.Side}_content", spread, options.MinLumaStdDev));
        }

        var mrzSide = captures.FirstOrDefault(c => c.Reading?.Parse?.Success == true);
        if (mrzSide is not null)
            a.AssessMrz(mrzSide, captures, declaredType, today, options);
        else if (barcode is not null)
            a.AssessBarcode(barcode, declaredType, today, options);
        else
            a.NothingRead(captures);

        a.AssessQuality(captures, mrzSide, options);
        a.AssessMetadata(captures);
        a.AssessRecapture(captures, options);
        a.AssessPortrait(portrait, front, options);
        return a;
    }

    private void NothingRead(IReadOnlyList<DocumentCapture> captures)
    {
        var regions = captures.Sum(c => c.Reading?.RegionCount ?? 0);
        var rejected = captures.FirstOrDefault(c => c.Reading?.Parse is { Success: false });
        if (captures.All(c => c.Reading is null))
            return; // blank or undecodable: already failed above
        _signals.Add(regions == 0
            ? DocumentSignal.Failed("document_read", "no_document_found", regions)
            : DocumentSignal.ToReview("document_read", "mrz_not_found", rejected?.Reading?.Parse?.Error ?? $"{regions} text regions, no MRZ or barcode"));
    }

    private void AssessMrz(DocumentCapture side, IReadOnlyList<DocumentCapture> captures, string? declaredType, DateOnly today, DocumentOptions options)
    {
        var reading = side.Reading!;
        var mrz = reading.Parse!.Mrz!;
        // Look-alikes in the number that the check digit alone cannot choose between: the printed number may settle them.
        var printedLines = captures.SelectMany(c => c.Reading?.PrintedText ?? []).Select(l => l.Text);
        if (PrintedNumberSettlement.Settle(mrz, printedLines, reading.Likelihood, options.MinCheckDigitRepairLikelihood) is { } settled)
            mrz = settled;
        _readConfidence = reading.Confidence;
        _verifiedRead = reading.Parse.Mrz!.ChecksValid ? options.VerifiedReadConfidence : null;
        // A look-alike swap chosen by a check digit is a good guess, not a reading: it lowers the confidence.
        _guessedByCheckDigit = mrz.Corrections.Any(c => c.Reason.Contains("check digit", StringComparison.Ordinal));
        _extracted = ExtractedDataMapper.FromMrz(mrz, today);
        _signals.Add(DocumentSignal.Passed("document_read", $"{mrz.Format.ToWire()} MRZ on {side.Side}"));

        var failing = mrz.Checks.Where(c => !c.Ok).Select(c => c.Field).ToList();
        if (failing.Count == 0)
            _signals.Add(DocumentSignal.Passed("check_digits", mrz.Checks.Count));
        else
        {
            var certainty = reading.FailingFieldsCertainty is { } c ? Math.Round(c, 3) : (double?)null;
            var repair = reading.RepairLikelihood is { } r ? Math.Round(r, 4) : (double?)null;
            _signals.Add(CheckFailureMayBeTheOcrs(reading, options)
                ? DocumentSignal.ToReview("check_digits", "mrz_read_uncertain",
                    new { fields = failing, repair_likelihood = repair, certainty, look_alikes = mrz.UnsettledLookAlikes }, options.MinCheckDigitRepairLikelihood)
                : DocumentSignal.Failed("check_digits", "check_digit_mismatch", new { fields = failing, repair_likelihood = repair, certainty }, options.MinCheckDigitRepairLikelihood));
        }
        var syntax = SyntaxSignal(mrz, reading, options);
        _signals.Add(syntax);
        AssessDates(_extracted.DateOfBirth, _extracted.ExpiryDate, IssueDate(mrz, today), mrz.ExpiryDate is not null, today, options,
            unreadableIsOcr: syntax.Status == DocumentSignal.Review);
        AssessCodes([mrz.IssuingState, mrz.Nationality ?? mrz.IssuingState]);
        if (mrz.DocumentCode.StartsWith('V'))
            _signals.Add(DocumentSignal.ToReview("document_kind", "visa_not_identity_document", mrz.DocumentCode));
        AssessDeclaredType(_extracted.DocumentType, declaredType);

        var numberCheck = mrz.Checks.FirstOrDefault(c => c.Field == "documentNumber" && c.Ok);
        AssessPrinted(captures, _extracted, mrz.NameTruncation, numberCheck, (reading.NameDoubts.Surname, reading.NameDoubts.GivenNames, reading.NumberDoubts), options);

        _evidence["mrz"] = new Dictionary<string, object?>
        {
            ["side"] = side.Side,
            ["format"] = mrz.Format.ToWire(),
            ["document_code"] = mrz.DocumentCode,
            ["lines"] = mrz.Lines,
            ["check_digits"] = mrz.Checks.Select(c => new { field = JsonNamingPolicy.SnakeCaseLower.ConvertName(c.Field), printed = c.Printed.ToString(), computed = c.Computed?.ToString(), c.Ok, c.Variant }),
            ["field_errors"] = mrz.FieldErrors,
            ["corrections"] = mrz.Corrections.Select(c => new { c.Line, c.Column, from = c.From.ToString(), to = c.To.ToString(), c.Reason }).ToList(),
            ["glyph_look_alikes"] = reading.GlyphVerdicts.Count == 0 ? null
                : reading.GlyphVerdicts.Select(v => new { v.Line, v.Column, read = v.Read.ToString(), glyph = v.Glyph.ToString(), margin = Math.Round(v.Margin, 3), v.Sure }).ToList(),
            ["ocr_confidence"] = Math.Round(reading.Confidence, 3),
            ["pixels_per_char"] = Math.Round(reading.PixelsPerChar, 1),
        };
    }

    private void AssessBarcode(AamvaReading barcode, string? declaredType, DateOnly today, DocumentOptions options)
    {
        var result = barcode.Result;
        if (result.Licence is not { } licence)
        {
            _signals.Add(DocumentSignal.ToReview("document_read", "barcode_unparsable", result.Error));
            return;
        }
        _readConfidence = 0.95;
        _extracted = licence.ToExtractedData();
        _signals.Add(DocumentSignal.Passed("document_read", $"AAMVA PDF417 v{licence.Header.Version} on {barcode.Side}"));
        _signals.Add(licence.MissingMandatory.Count == 0
            ? DocumentSignal.Passed("barcode_fields")
            : DocumentSignal.ToReview("barcode_fields", "barcode_fields_missing", licence.MissingMandatory));
        AssessDates(licence.DateOfBirth, licence.ExpirationDate, licence.IssueDate, true, today, options);
        AssessDeclaredType(_extracted.DocumentType, declaredType);
        _evidence["barcode"] = new Dictionary<string, object?>
        {
            ["side"] = barcode.Side,
            ["iin"] = licence.Header.Iin,
            ["aamva_version"] = licence.Header.Version,
            ["jurisdiction"] = licence.JurisdictionCode,
            ["quirks"] = licence.Header.Quirks,
        };
    }

    /// <summary>
    /// A failing check digit is put down to the OCR when a one-character misreading that makes it agree is plausible
    /// to the recogniser (<see cref="MrzReading.RepairLikelihood"/> at least <see cref="DocumentOptions.MinCheckDigitRepairLikelihood"/>),
    /// or when every failing field check is a look-alike confusion neither the check digits nor the glyphs settled.
    /// </summary>
    internal static bool CheckFailureMayBeTheOcrs(MrzReading reading, DocumentOptions options)
    {
        if (reading.RepairLikelihood is { } repair && repair >= options.MinCheckDigitRepairLikelihood)
            return true;
        var mrz = reading.Parse!.Mrz!;
        return mrz.FailingFieldChecks.All(f => mrz.UnsettledLookAlikes.Contains(f) && !reading.LookAlikesRuledOut.Contains(f));
    }

    /// <summary>
    /// A field that breaks a syntax rule fails the document when it was read with certainty (an impossible value printed
    /// there); read unsure it is put down to the OCR (`mrz_read_uncertain`). Characters outside the MRZ alphabet fail.
    /// </summary>
    internal static DocumentSignal SyntaxSignal(MrzResult mrz, MrzReading reading, DocumentOptions options)
    {
        if (mrz.FieldErrors.Count == 0 && mrz.CharsetValid)
            return DocumentSignal.Passed("mrz_syntax");
        var certainty = reading.InvalidFieldsCertainty is { } c ? Math.Round(c, 3) : (double?)null;
        var value = new { errors = mrz.FieldErrors, certainty };
        return mrz.CharsetValid && certainty < options.MinInvalidFieldCertainty
            ? DocumentSignal.ToReview("mrz_syntax", "mrz_read_uncertain", value, options.MinInvalidFieldCertainty)
            : DocumentSignal.Failed("mrz_syntax", "mrz_field_invalid", value, options.MinInvalidFieldCertainty);
    }

    /// <param name="unreadableIsOcr">An impossible date was read unsure (see <see cref="SyntaxSignal"/>): review, not fail.</param>
    private void AssessDates(DateOnly? birth, DateOnly? expiry, DateOnly? issue, bool hasExpiry, DateOnly today, DocumentOptions options,
        bool unreadableIsOcr = false)
    {
        if (birth is not { } born)
            _signals.Add(unreadableIsOcr ? DocumentSignal.ToReview("birth_date", "mrz_read_uncertain") : DocumentSignal.Failed("birth_date", "birth_date_invalid"));
        else if (born > today)
            _signals.Add(DocumentSignal.Failed("birth_date", "birth_date_in_future", born, today));
        else
        {
            var age = today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0);
            _signals.Add(age > options.MaxAgeYears
                ? DocumentSignal.Failed("birth_date", "age_implausible", age, options.MaxAgeYears)
                : DocumentSignal.Passed("birth_date", age, options.MaxAgeYears));
        }

        if (!hasExpiry)
            _signals.Add(DocumentSignal.Skipped("expiry_date", "format_has_no_expiry"));
        else if (expiry is not { } expires)
            _signals.Add(unreadableIsOcr ? DocumentSignal.ToReview("expiry_date", "mrz_read_uncertain") : DocumentSignal.Failed("expiry_date", "expiry_date_invalid"));
        else if (expires < today)
            _signals.Add(DocumentSignal.Failed("expiry_date", "document_expired", expires, today));
        else
            _signals.Add(DocumentSignal.Passed("expiry_date", expires, today));

        if (issue is { } issued)
        {
            if (issued > today)
                _signals.Add(DocumentSignal.Failed("issue_date", "issue_date_in_future", issued, today));
            else if (expiry is { } e && issued >= e)
                _signals.Add(DocumentSignal.Failed("issue_date", "expiry_before_issue", issued, e));
            else if (birth is { } b && issued < b)
                _signals.Add(DocumentSignal.Failed("issue_date", "issued_before_birth", issued, b));
            else
                _signals.Add(DocumentSignal.Passed("issue_date", issued));
        }
    }

    private void AssessCodes(IEnumerable<string> codes)
    {
        var list = codes.Distinct().ToList();
        if (list.Any(MrzCountryCodes.IsSpecimen))
            _signals.Add(DocumentSignal.Failed("country_codes", "specimen_document", list));
        else if (list.Any(c => !MrzCountryCodes.IsKnown(c)))
            _signals.Add(DocumentSignal.ToReview("country_codes", "unknown_country_code", list.Where(c => !MrzCountryCodes.IsKnown(c)).ToList()));
        else
            _signals.Add(DocumentSignal.Passed("country_codes", list));
    }

    private void AssessDeclaredType(string? read, string? declared)
    {
        if (declared is null || read is null)
            _signals.Add(DocumentSignal.Skipped("document_type", declared is null ? "type_not_declared" : "type_not_read"));
        else
            _signals.Add(read == declared
                ? DocumentSignal.Passed("document_type", read, declared)
                : DocumentSignal.ToReview("document_type", "document_type_mismatch", read, declared));
    }

    /// <summary>
    /// The printed fields against the MRZ (for a TD1 card, the printed lines of both sides together). A contradiction in
    /// a name or the document number fails the document when the printed value was read with confidence and differs
    /// by more than the MRZ's doubtful characters could explain (each MRZ character read under 0.5 may be one of the
    /// differences: the names have no check digit, and the number's cannot see one misreading repeated on neighbours,
    /// NN read as 22); a weaker one (an unsure reading,
    /// or a date, sex or nationality) goes to review. Without contradiction, enough agreeing fields, the surname among
    /// them, pass; another field not found does not count against the document.
    /// </summary>
    /// <param name="numberCheck">The MRZ document number's check, when its digit agrees: only then is the MRZ side of a
    /// number contradiction known to be what the document encodes (a misread or misaligned MRZ line is not), and only
    /// when the printed number fails that check digit — the 7-3-1 weights cannot see the same misreading on a 7-3 pair of
    /// neighbours (II read as TT: 18·7 + 18·3 ≡ 29·7 + 29·3 mod 10), so a printed number that satisfies it too is as
    /// verified as the MRZ's, and the check cannot tell which side was misread.</param>
    private void AssessPrinted(IReadOnlyList<DocumentCapture> captures, ExtractedData data, NameTruncation nameTruncation, MrzCheck? numberCheck,
        (int Surname, int GivenNames, int Number) mrzDoubts, DocumentOptions options)
    {
        if (!options.ReadPrintedFields)
        {
            _signals.Add(DocumentSignal.Skipped("printed_fields", "disabled"));
            return;
        }
        var printed = captures.Where(c => c.Reading is not null)
            .SelectMany(c => c.Reading!.PrintedText.Select(line => new PrintedText(c.Side, line))).ToList();
        if (printed.Count < 3)
        {
            _signals.Add(DocumentSignal.Skipped("printed_fields", "printed_text_not_readable"));
            return;
        }
        var fields = PrintedFieldComparison.Compare(printed, data, nameTruncation);
        _evidence["printed_fields"] = fields;
        var threshold = new Dictionary<string, object?>
        {
            ["min_agreeing"] = options.MinPrintedFieldsAgreeing,
            ["min_confidence"] = options.MinPrintedFieldConfidence,
        };
        var contradicted = fields.Where(f => f.Agrees == false).ToList();
        foreach (var field in contradicted)
        {
            var doubtful = field.Field switch
            {
                PrintedFields.Surname => mrzDoubts.Surname,
                PrintedFields.GivenNames => mrzDoubts.GivenNames,
                PrintedFields.DocumentNumber => mrzDoubts.Number,
                _ => 0,
            };
            var differences = PrintedFieldComparison.Differences(field.Printed!, field.Mrz);
            var value = new { printed = field.Printed, mrz = field.Mrz, ocr_confidence = field.Confidence, differences, mrz_doubtful_letters = doubtful, side = field.Side };
            var confident = PrintedFields.IsIdentity(field.Field) && field.Confidence >= options.MinPrintedFieldConfidence
                            && differences >= doubtful + 2 && (field.Field != PrintedFields.DocumentNumber || VerifiedAgainst(numberCheck, field.Printed!));
            _signals.Add(confident
                ? DocumentSignal.Failed($"printed_{field.Field}", "printed_mrz_mismatch", value, options.MinPrintedFieldConfidence)
                : DocumentSignal.ToReview($"printed_{field.Field}", "printed_mrz_mismatch", value, options.MinPrintedFieldConfidence));
        }
        var agreeing = fields.Where(f => f.Agrees == true).Select(f => f.Field).ToList();
        var summary = new { agreeing, contradicted = contradicted.Select(f => f.Field).ToList(), not_found = fields.Where(f => !f.Found).Select(f => f.Field).ToList() };
        // The surname must be seen agreeing: when it is not found, a printed name that differs from the MRZ's (the
        // forger's edit that no check digit covers) would pass on the other fields alone.
        var anchored = agreeing.Contains(PrintedFields.Surname);
        if (contradicted.Count > 0)
            _signals.Add(DocumentSignal.ToReview("printed_fields", "printed_mrz_mismatch", summary, threshold));
        else if (anchored && agreeing.Count >= options.MinPrintedFieldsAgreeing)
            _signals.Add(DocumentSignal.Passed("printed_fields", summary, threshold));
        else
            _signals.Add(DocumentSignal.ToReview("printed_fields", "printed_fields_not_found", summary, threshold));
    }

    /// <summary>Whether the MRZ number's agreeing check digit tells it from the printed number (which it does not fit).</summary>
    private static bool VerifiedAgainst(MrzCheck? numberCheck, string printed) =>
        numberCheck is not null && CheckDigit.Compute(PrintedFieldMatcher.Normalise(printed)) != numberCheck.Printed;

    private void AssessQuality(IReadOnlyList<DocumentCapture> captures, DocumentCapture? mrzSide, DocumentOptions options)
    {
        if (mrzSide?.Reading is { } reading)
        {
            // Measured on the decoded image; a huge upload decoded smaller is judged at its original resolution.
            var scale = mrzSide.Image!.Scale;
            var perChar = Math.Round(reading.PixelsPerChar / scale, 1);
            _signals.Add(perChar >= options.MinPixelsPerMrzChar
                ? DocumentSignal.Passed("mrz_resolution", perChar, options.MinPixelsPerMrzChar)
                : DocumentSignal.ToReview("mrz_resolution", "low_resolution", perChar, options.MinPixelsPerMrzChar));
            var width = Math.Round(reading.MrzWidth / scale);
            _signals.Add(width >= options.MinDocumentWidth
                ? DocumentSignal.Passed("document_width", width, options.MinDocumentWidth)
                : DocumentSignal.ToReview("document_width", "document_too_small", width, options.MinDocumentWidth));
        }
        foreach (var capture in captures.Where(c => c.Quality is not null && c.Reading is not null))
        {
            var sharpness = Math.Round(capture.Quality!.LaplacianVariance, 1);
            _signals.Add(sharpness >= options.MinSharpness
                ? DocumentSignal.Passed($"{capture.Side}_sharpness", sharpness, options.MinSharpness)
                : DocumentSignal.ToReview($"{capture.Side}_sharpness", "image_blurred", sharpness, options.MinSharpness));
            var glare = Math.Round(capture.Quality.GlareShare, 4);
            _signals.Add(glare <= options.MaxGlareShare
                ? DocumentSignal.Passed($"{capture.Side}_glare", glare, options.MaxGlareShare)
                : DocumentSignal.ToReview($"{capture.Side}_glare", "glare", glare, options.MaxGlareShare));
        }
    }

    private void AssessMetadata(IReadOnlyList<DocumentCapture> captures)
    {
        foreach (var capture in captures.Where(c => c.Metadata is not null))
        {
            var traces = capture.Metadata!;
            var code = $"{capture.Side}_metadata";
            // An editor named in what could be read still counts; otherwise a malformed block only loses this signal.
            _signals.Add(traces.Editor is not null ? DocumentSignal.ToReview(code, "edited_with_software", traces.Software ?? traces.CreatorTool)
                : traces.Unreadable is not null ? DocumentSignal.Skipped(code, "metadata_unreadable", traces.Unreadable)
                : DocumentSignal.Passed(code, traces.Software));
        }
    }

    /// <summary>
    /// A side goes to review when its spectrum shows a screen's grid: a luma or chroma peak over its threshold that
    /// enough tiles show on their own (one patch of fine print cannot), or a weaker luma peak that nearly every tile
    /// shows (<see cref="ScreenRecapture.GridEverywhere"/>). Statistical evidence: never a failure.
    /// </summary>
    private void AssessRecapture(IReadOnlyList<DocumentCapture> captures, DocumentOptions options)
    {
        if (!options.CheckScreenRecapture)
            return;
        foreach (var capture in captures.Where(c => c.Quality is not null && c.Quality.LumaStdDev >= options.MinLumaStdDev))
        {
            var code = $"{capture.Side}_recapture";
            if (capture.Recapture is not { } r)
            {
                _signals.Add(DocumentSignal.Skipped(code, "image_too_small"));
                continue;
            }
            var value = new Dictionary<string, object?>
            {
                ["luma_peak_db"] = Math.Round(r.Luma.Decibels, 1),
                ["luma_tiles"] = r.LumaTiles,
                ["luma_period_px"] = Math.Round(r.LumaPeriod, 2),
                ["luma_angle_deg"] = Math.Round(r.LumaAngle, 1),
                ["chroma_peak_db"] = Math.Round(r.Chroma.Decibels, 1),
                ["chroma_tiles"] = r.ChromaTiles,
                ["chroma_period_px"] = Math.Round(r.ChromaPeriod, 2),
                ["widespread_peak_db"] = Math.Round(r.Widespread.Decibels, 1),
                ["tiles"] = r.Tiles,
            };
            var threshold = new Dictionary<string, object?>
            {
                ["luma_peak_db"] = options.RecaptureLumaPeakDb,
                ["chroma_peak_db"] = options.RecaptureChromaPeakDb,
                ["min_tiles"] = options.RecaptureMinTiles,
                ["widespread_peak_db"] = options.RecaptureWidespreadPeakDb,
            };
            _signals.Add(r.Suspected(options) || r.GridEverywhere(options)
                ? DocumentSignal.ToReview(code, "screen_recapture_suspected", value, threshold)
                : DocumentSignal.Passed(code, value, threshold));
        }
    }

    private void AssessPortrait(PortraitFace? portrait, DocumentCapture front, DocumentOptions options)
    {
        if (!options.RequirePortrait)
            _signals.Add(DocumentSignal.Skipped("portrait", "disabled"));
        else if (front.Reading is null)
            _signals.Add(DocumentSignal.Skipped("portrait", "no_readable_front"));
        else if (portrait is null)
            _signals.Add(DocumentSignal.ToReview("portrait", "portrait_not_found", null, options.PortraitMinScore));
        else
            _signals.Add(DocumentSignal.Passed("portrait", Math.Round(portrait.Score, 3), options.PortraitMinScore));
    }

    /// <summary>The French ID's issue month (YYMM), as the first of that month; a year ahead of today is last century.</summary>
    private static DateOnly? IssueDate(MrzResult mrz, DateOnly today) =>
        mrz.IssueDate is { Length: 4 } yymm && int.TryParse(yymm[..2], out var yy) && int.TryParse(yymm[2..], out var mm) && mm is >= 1 and <= 12
            ? new DateOnly(2000 + yy > today.Year ? 1900 + yy : 2000 + yy, mm, 1)
            : null;

    private static Dictionary<string, object?> SideEvidence(DocumentCapture capture) => new()
    {
        ["width"] = capture.Image?.OriginalWidth,
        ["height"] = capture.Image?.OriginalHeight,
        ["format"] = capture.Image?.Format,
        ["exif_orientation"] = capture.Image?.Origin.ToString(),
        ["decode_scale"] = capture.Image is null ? null : Math.Round(capture.Image.Scale, 3),
        ["sharpness_laplacian_variance"] = capture.Quality is null ? null : Math.Round(capture.Quality.LaplacianVariance, 1),
        ["glare_share"] = capture.Quality is null ? null : Math.Round(capture.Quality.GlareShare, 4),
        ["luma_mean"] = capture.Quality is null ? null : Math.Round(capture.Quality.MeanLuma, 1),
        ["software"] = capture.Metadata?.Software ?? capture.Metadata?.CreatorTool,
        ["camera"] = capture.Metadata is { Make: not null } m ? $"{m.Make} {m.Model}".Trim() : null,
        ["text_regions"] = capture.Reading?.RegionCount,
        ["turned_degrees"] = capture.TurnedDegrees,
        ["straightened_degrees"] = Math.Round(capture.StraightenedDegrees, 1),
        ["printed_lines"] = capture.Reading?.PrintedText.Count,
    };

    /// <summary>
    /// The recogniser's mean character probability, raised to the measured accuracy of a verified reading when every
    /// check digit agreed and the printed fields agree with the MRZ (the pass then rests on both).
    /// </summary>
    private double ReadConfidence() =>
        _verifiedRead is { } verified && _signals.Any(s => s is { Code: "printed_fields", Status: DocumentSignal.Pass })
            ? Math.Max(_readConfidence, verified)
            : _readConfidence;

    public DocumentVerification ToVerification(string version, IReadOnlyList<StageTiming> timings)
    {
        var status = _signals.Any(s => s.Status == DocumentSignal.Fail) ? CheckStatus.Fail
            : _signals.Any(s => s.Status == DocumentSignal.Review) ? CheckStatus.Review
            : CheckStatus.Pass;
        var ran = _signals.Where(s => s.Status != DocumentSignal.NotRun).ToList();
        var reasons = _signals.Where(s => s.Reason is not null && s.Status is DocumentSignal.Fail or DocumentSignal.Review)
            .Select(s => s.Reason!).Distinct().ToList();
        _evidence["signals"] = _signals;
        return new DocumentVerification(new CheckResult
        {
            Name = CheckNames.DocumentAuthenticity,
            Status = status,
            Score = ran.Count == 0 ? 0 : Math.Round((double)ran.Count(s => s.Status == DocumentSignal.Pass) / ran.Count, 3),
            Threshold = 1.0,
            Confidence = status switch
            {
                // Failures rest on arithmetic (check digits, dates) or on an unreadable image: near certain.
                CheckStatus.Fail => 0.95,
                CheckStatus.Review => 0.5,
                _ => Math.Round(Math.Clamp(ReadConfidence() - (_guessedByCheckDigit ? 0.05 : 0), 0.5, 0.99), 3),
            },
            ReasonCodes = status == CheckStatus.Pass ? ["document_checks_passed"] : reasons,
            Evidence = _evidence,
            Version = version,
            Timings = timings,
        }, _extracted);
    }
}
