namespace Ekyc.Verification.Documents.Mrz;

/// <summary>
/// ICAO 9303 MRZ parser for TD1, TD2, TD3, MRV-A, MRV-B and the pre-2021 French ID card. With
/// <c>autocorrect</c> it repairs OCR confusions: by field type first (a letter in a date becomes its look-alike
/// digit), then inside alphanumeric fields where exactly one look-alike swap makes a failing check digit agree (or,
/// given the recogniser's <see cref="MrzLikelihood"/>, where one such swap is far more probable than the others).
/// </summary>
public static class MrzParser
{
    /// <summary>Of several swaps that fix a check digit, the likeliest is taken only this far ahead of the next.</summary>
    private const float LikelihoodMargin = 10f;
    private const float MinSwapLikelihood = 0.01f;

    public static MrzParseResult Parse(IReadOnlyList<string> rawLines, bool autocorrect = false, MrzLikelihood? likelihood = null)
    {
        var lines = rawLines.Select(l => l.Trim().Replace(" ", "").ToUpperInvariant()).Where(l => l.Length > 0).ToList();
        var format = DetectFormat(lines, autocorrect);
        if (format is null)
            return MrzParseResult.Fail(
                $"unrecognised MRZ shape: {lines.Count} line(s) of {string.Join("/", lines.Select(l => l.Length))} characters " +
                "(expected 3×30, 2×36 or 2×44)");

        var layout = MrzLayout.For(format.Value);
        var buffer = lines.Select(l => l.ToCharArray()).ToList();
        var corrections = new List<MrzCorrection>();
        var unsettled = new HashSet<string>();
        if (autocorrect)
            FixByFieldClass(layout, buffer, corrections);

        var fields = new MrzFieldReader(layout, buffer);
        var checks = new List<MrzCheck>();
        string? td1Number = null;
        var longNumber = false;
        string? optional1 = null;
        if (format == MrzFormat.Td1)
            td1Number = Td1DocumentNumber(buffer, checks, autocorrect, corrections, likelihood, unsettled, out longNumber, out optional1);

        foreach (var spec in layout.Checks)
        {
            var check = Evaluate(spec, buffer);
            if (!check.Ok && autocorrect && TrySwapFix(layout, spec, buffer, corrections, likelihood, unsettled))
                check = Evaluate(spec, buffer);
            checks.Add(check);
        }
        // A swap made for a later check may have changed what an earlier one covers: re-evaluate them all.
        if (corrections.Count > 0)
            checks = RecomputeChecks(layout, buffer, checks);

        var mrz = Build(layout, fields, buffer, checks, corrections, td1Number, longNumber, optional1);
        var stillFailing = checks.Where(c => !c.Ok).Select(c => c.Field).ToHashSet();
        return new MrzParseResult(mrz with
        {
            FieldErrors = MrzFieldRules.Validate(mrz),
            UnsettledLookAlikes = unsettled.Where(stillFailing.Contains).ToList(),
        }, null);
    }

    internal static MrzFormat? DetectFormat(List<string> lines, bool autocorrect)
    {
        if (lines.Count == 3 && lines.All(l => l.Length == 30))
            return MrzFormat.Td1;
        if (lines.Count != 2 || lines[0].Length != lines[1].Length)
            return null;
        var head = lines[0].Length >= 5 ? lines[0][..5] : lines[0];
        if (autocorrect)
            head = new string(head.Select(c => MrzConfusables.FixForClass(c, MrzCharClass.Alpha)).ToArray());
        return lines[0].Length switch
        {
            44 => head[0] == 'V' ? MrzFormat.MrvA : MrzFormat.Td3,
            36 when head == "IDFRA" => MrzFormat.FrenchNationalId,
            36 => head[0] == 'V' ? MrzFormat.MrvB : MrzFormat.Td2,
            _ => null,
        };
    }

    private static void FixByFieldClass(MrzLayout layout, List<char[]> lines, List<MrzCorrection> corrections)
    {
        foreach (var field in layout.Fields)
        {
            for (var i = field.Span.Start; i < field.Span.Start + field.Span.Length; i++)
            {
                var line = lines[field.Span.Line];
                var fixedChar = MrzConfusables.FixForClass(line[i], field.Class);
                if (fixedChar == line[i])
                    continue;
                corrections.Add(new(field.Span.Line, i, line[i], fixedChar, $"{field.Name}: {field.Class}"));
                line[i] = fixedChar;
            }
        }
    }

    private static MrzCheck Evaluate(MrzCheckSpec spec, List<char[]> lines)
    {
        var over = string.Concat(spec.Over.Select(s => s.Read(lines)));
        var printed = lines[spec.Digit.Line][spec.Digit.Start];
        var computed = CheckDigit.Compute(over);
        // ICAO 9303 Part 4: an all-filler personal number may carry '<' (or 0) as its check digit.
        var emptyWithFiller = spec.FillerWhenEmpty && printed == '<' && over.All(c => c == '<');
        return new MrzCheck(spec.Field, over, printed, computed, emptyWithFiller || computed == printed);
    }

    private static List<MrzCheck> RecomputeChecks(MrzLayout layout, List<char[]> lines, List<MrzCheck> previous)
    {
        var byName = layout.Checks.ToDictionary(c => c.Field);
        return previous.Select(c => byName.TryGetValue(c.Field, out var spec) ? Evaluate(spec, lines) : c).ToList();
    }

    /// <summary>
    /// Tries look-alike swaps inside the alphanumeric fields a failing check covers; applies the change only when
    /// exactly one candidate makes this check (and the composite, if any) agree, or when the recogniser found one of
    /// several candidates far more probable than the rest.
    /// </summary>
    private static bool TrySwapFix(MrzLayout layout, MrzCheckSpec spec, List<char[]> lines, List<MrzCorrection> corrections,
        MrzLikelihood? likelihood, HashSet<string> unsettled)
    {
        var positions = layout.Fields
            .Where(f => f.Class == MrzCharClass.AlphaNumeric && spec.Over.Any(o => Overlaps(o, f.Span)))
            .SelectMany(f => Enumerable.Range(f.Span.Start, f.Span.Length).Select(i => (f.Span.Line, Column: i)))
            .Where(p => spec.Over.Any(o => o.Line == p.Line && p.Column >= o.Start && p.Column < o.Start + o.Length))
            .ToList();
        var others = layout.Checks.Where(c => c != spec).Select(c => (Spec: c, WasOk: Evaluate(c, lines).Ok)).ToList();
        var composite = others.FirstOrDefault(o => o.Spec.Field == "composite").Spec;

        var found = new List<(int Line, int Column, char To, bool CompositeOk)>();
        foreach (var (line, column) in positions)
        {
            var original = lines[line][column];
            foreach (var alt in MrzConfusables.AlternativesOf(original))
            {
                lines[line][column] = alt;
                // A swap may not break a check that agreed before it.
                if (Evaluate(spec, lines).Ok && others.All(o => !o.WasOk || Evaluate(o.Spec, lines).Ok))
                    found.Add((line, column, alt, composite is null || Evaluate(composite, lines).Ok));
                lines[line][column] = original;
            }
        }
        // Several candidates: the composite check digit, when there is one, picks between them.
        if (found.Count > 1)
            found = found.Where(f => f.CompositeOk).ToList();
        var reason = $"{spec.Field}: check digit";
        if (found.Count > 1 && likelihood is not null)
        {
            var ranked = found.Select(f => (Swap: f, P: likelihood(f.Line, f.Column, f.To))).OrderByDescending(r => r.P).ToList();
            if (ranked[0].P < MinSwapLikelihood || ranked[0].P < LikelihoodMargin * ranked[1].P)
            {
                unsettled.Add(spec.Field);
                return false;
            }
            found = [ranked[0].Swap];
            reason = $"{spec.Field}: check digit, likeliest of {ranked.Count} swaps";
        }
        if (found.Count > 1)
            unsettled.Add(spec.Field);
        if (found.Count != 1)
            return false;
        var (l, col, to, _) = found[0];
        // One candidate is still a guess. Read from an image, it is taken only if the recogniser finds it plausible: a
        // digit changed on the document can be fitted to the issued check digit by a look-alike (0 taken for O) and
        // would pass "repaired". Implausible to the recogniser, the swap is left unsettled (review): OCR-B's O and 0
        // are so alike that a genuine O read as 0 gets as little probability, so this cannot fail the document either.
        // Lines without probabilities keep the guess.
        if (likelihood is not null && likelihood(l, col, lines[l][col]) > 0 && likelihood(l, col, to) < MinSwapLikelihood)
        {
            unsettled.Add(spec.Field);
            return false;
        }
        corrections.Add(new(l, col, lines[l][col], to, reason));
        lines[l][col] = to;
        return true;
    }

    private static bool Overlaps(MrzSpan a, MrzSpan b) =>
        a.Line == b.Line && a.Start < b.Start + b.Length && b.Start < a.Start + a.Length;

    /// <summary>
    /// TD1 document number. When position 15 holds a filler and optional data follows, the number continues there and
    /// the last character of that run is its check digit; Belgium computes that digit with the filler included.
    /// </summary>
    private static string Td1DocumentNumber(List<char[]> lines, List<MrzCheck> checks, bool autocorrect,
        List<MrzCorrection> corrections, MrzLikelihood? likelihood, HashSet<string> unsettled, out bool longNumber, out string optional1)
    {
        var line = lines[0];
        var head = new string(line, 5, 9);
        var optional = new string(line, 15, 15);
        longNumber = line[14] == '<' && optional[0] != '<';
        if (!longNumber)
        {
            var spec = MrzLayout.Td1ShortNumberCheck;
            var check = Evaluate(spec, lines);
            if (!check.Ok && autocorrect && TrySwapFix(MrzLayout.For(MrzFormat.Td1), spec, lines, corrections, likelihood, unsettled))
                check = Evaluate(spec, lines);
            checks.Add(check);
            optional1 = MrzText.Clean(new string(line, 15, 15));
            return MrzText.Clean(new string(line, 5, 9));
        }

        var runLength = optional.IndexOf('<') is var end and >= 0 ? end : optional.Length;
        if (autocorrect)
        {
            // The run's last character is a check digit: fix it as a digit.
            var digitAt = 15 + runLength - 1;
            var fixedChar = MrzConfusables.FixForClass(line[digitAt], MrzCharClass.Numeric);
            if (fixedChar != line[digitAt])
            {
                corrections.Add(new(0, digitAt, line[digitAt], fixedChar, "documentNumber: check digit"));
                line[digitAt] = fixedChar;
            }
        }
        var run = new string(line, 15, runLength);
        var number = head.TrimEnd('<') + run[..^1];
        var printed = run[^1];
        var computed = CheckDigit.Compute(number);
        var withFiller = CheckDigit.Compute(head + "<" + run[..^1]);
        var ok = computed == printed || withFiller == printed;
        var variant = computed != printed && withFiller == printed ? "including-filler (issuer deviation, e.g. Belgium)" : null;
        checks.Add(new MrzCheck("documentNumber", number, printed, computed, ok, variant));
        optional1 = MrzText.Clean(new string(line, 15 + runLength, 15 - runLength));
        return number;
    }

    private static MrzResult Build(MrzLayout layout, MrzFieldReader fields, List<char[]> lines, List<MrzCheck> checks,
        List<MrzCorrection> corrections, string? td1Number, bool longNumber, string? optional1)
    {
        var text = lines.Select(l => new string(l)).ToList();
        var charsetValid = text.All(l => l.All(CheckDigit.IsMrzChar));
        if (layout.Format == MrzFormat.FrenchNationalId)
        {
            var docNumber = fields.Raw("issueDate") + fields.Raw("office") + fields.Raw("sequence");
            return new MrzResult
            {
                Format = layout.Format,
                Lines = text,
                DocumentCode = fields.Clean("documentCode"),
                IssuingState = fields.Clean("issuingState"),
                DocumentNumber = docNumber,
                PrimaryIdentifier = fields.Clean("surname"),
                SecondaryIdentifier = fields.Clean("givenNames"),
                Nationality = fields.Clean("issuingState"),
                BirthDate = fields.Raw("birthDate"),
                Sex = fields.Raw("sex"),
                AdministrativeCode = fields.Clean("administrativeCode"),
                IssueDate = fields.Raw("issueDate"),
                Checks = checks,
                CharsetValid = charsetValid,
                Corrections = corrections,
            };
        }

        var (primary, secondary) = MrzText.SplitNames(fields.Raw("names"));
        return new MrzResult
        {
            Format = layout.Format,
            Lines = text,
            DocumentCode = fields.Clean("documentCode"),
            IssuingState = fields.Clean("issuingState"),
            DocumentNumber = td1Number ?? fields.Clean("documentNumber"),
            LongDocumentNumber = longNumber,
            PrimaryIdentifier = primary,
            SecondaryIdentifier = secondary,
            NameTruncation = fields.Raw("names") switch
            {
                [.., not '<'] => NameTruncation.WithinComponent,
                [.., not '<', '<'] => NameTruncation.AfterComponent,
                _ => NameTruncation.None,
            },
            Nationality = fields.Clean("nationality"),
            BirthDate = fields.Raw("birthDate"),
            Sex = fields.Raw("sex"),
            ExpiryDate = fields.Raw("expiryDate"),
            PersonalNumber = fields.CleanOrNull("personalNumber"),
            Optional1 = layout.Format == MrzFormat.Td1 ? optional1 : null,
            Optional2 = fields.CleanOrNull("optional2"),
            OptionalData = fields.CleanOrNull("optionalData"),
            Checks = checks,
            CharsetValid = charsetValid,
            Corrections = corrections,
        };
    }

    /// <summary>Reads the named fields of a layout from the (possibly corrected) lines.</summary>
    private sealed class MrzFieldReader(MrzLayout layout, List<char[]> lines)
    {
        public string Raw(string name) => layout.Field(name).Span.Read(lines);

        public string Clean(string name) => MrzText.Clean(Raw(name));

        public string? CleanOrNull(string name) =>
            layout.Fields.Any(f => f.Name == name) ? Clean(name) : null;
    }
}

/// <summary>The recogniser's probability that the character at <paramref name="line"/>, <paramref name="column"/> is <paramref name="c"/>.</summary>
public delegate float MrzLikelihood(int line, int column, char c);
