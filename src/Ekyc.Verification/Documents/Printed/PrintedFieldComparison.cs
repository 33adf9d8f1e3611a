using Ekyc.Core.Checks;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Ocr;

namespace Ekyc.Verification.Documents.Printed;

/// <summary>A printed text line and the side it was read on.</summary>
public sealed record PrintedText(string Side, RecognizedLine Line);

/// <summary>
/// One printed field against its MRZ value: whether it was found, what is printed, whether it agrees (null: found but
/// not comparable, e.g. a nationality printed as a word), the recogniser's confidence in the printed text, and how it
/// was found — <c>value</c> (the MRZ value appears in the printed text), <c>label</c> (the text under the field's label) or
/// <c>name_line</c> (the surname of a one-line name whose given names are the MRZ's).
/// </summary>
public sealed record PrintedFieldResult(string Field, string Mrz, bool Found, string? Printed = null, bool? Agrees = null,
    double? Confidence = null, string? Side = null, string? FoundBy = null);

/// <summary>
/// Compares the printed (visual zone) fields with the MRZ, field by field. A field agrees when its MRZ value appears
/// in some printed line (names as whole words, names and numbers folded, OCR-B look-alikes taken as one character, one OCR substitution
/// tolerated from six characters, ICAO transliteration of Ä Ö Ü ß Å Ø Æ accepted; dates in any printed form). Otherwise the value printed under the field's
/// label is taken, or, on cards that print the label beside its value, the value after it on its row: a different value
/// there is a contradiction (under a label of both names, <c>SURNAME, GIVEN NAMES</c>, the field's part of it; the surname
/// also when that label was not read but the line's given names are the MRZ's); no label, or a label with nothing
/// readable under or beside it, is "not found".
/// </summary>
public static class PrintedFieldComparison
{
    /// <summary>A value sits below its label within this many label heights (one row down on the specimens is ~3).</summary>
    private const float MaxValueDrop = 2.6f;
    /// <summary>A value beside its label starts within this many label heights of the label's end.</summary>
    private const float MaxValueGap = 12f;
    /// <summary>Parts whose drops below a label differ by less than this many label heights lie on one row (rows are ~3 apart).</summary>
    private const float SameRow = 0.5f;

    /// <param name="nameTruncation">Whether the MRZ's name field may have been cut to fit (<see cref="MrzResult.NameTruncation"/>).</param>
    public static IReadOnlyList<PrintedFieldResult> Compare(IReadOnlyList<PrintedText> printed, ExtractedData mrz,
        NameTruncation nameTruncation = NameTruncation.None)
    {
        var results = new List<PrintedFieldResult>();
        foreach (var (field, value) in Values(mrz))
        {
            var agreeing = printed.FirstOrDefault(p => Agrees(field, p.Line.Text, mrz));
            if (agreeing is not null)
            {
                results.Add(new PrintedFieldResult(field, value, true, agreeing.Line.Text, true, Math.Round(agreeing.Line.Confidence, 3), agreeing.Side, "value"));
                continue;
            }
            var labelled = (UnderLabel(field, printed, mrz) ?? BesideLabel(field, printed, mrz)) is { } l ? (l.Side, l.Part, FoundBy: "label")
                : OnNameLine(field, printed, mrz) is { } n ? (n.Side, n.Part, FoundBy: "name_line")
                : default((string Side, RecognizedLine Part, string FoundBy)?);
            results.Add(labelled is { } v
                ? new PrintedFieldResult(field, value, true, v.Part.Text, Comparable(field, v.Part.Text, mrz, nameTruncation), Math.Round(v.Part.Confidence, 3), v.Side, v.FoundBy)
                : new PrintedFieldResult(field, value, false));
        }
        return results;
    }

    /// <summary>Edit distance between two values, compared folded (letters and digits only).</summary>
    public static int Differences(string printed, string mrz) =>
        EditDistance.Between(PrintedFieldMatcher.Normalise(printed), PrintedFieldMatcher.Normalise(mrz));

    /// <summary>The MRZ values compared, by field.</summary>
    private static IEnumerable<(string Field, string Value)> Values(ExtractedData mrz)
    {
        if (mrz.Surname is { Length: > 0 } surname)
            yield return (PrintedFields.Surname, surname);
        if (mrz.GivenNames is { Length: > 0 } given)
            yield return (PrintedFields.GivenNames, given);
        if (mrz.DocumentNumber is { Length: > 0 } number)
            yield return (PrintedFields.DocumentNumber, number);
        if (mrz.DateOfBirth is { } birth)
            yield return (PrintedFields.DateOfBirth, birth.ToString("yyyy-MM-dd"));
        if (mrz.ExpiryDate is { } expiry)
            yield return (PrintedFields.ExpiryDate, expiry.ToString("yyyy-MM-dd"));
        if (mrz.Sex is { Length: > 0 } sex)
            yield return (PrintedFields.Sex, sex);
        if (mrz.Nationality is { Length: > 0 } nationality)
            yield return (PrintedFields.Nationality, nationality);
    }

    /// <summary>Whether a printed line shows the field's MRZ value.</summary>
    internal static bool Agrees(string field, string line, ExtractedData mrz) => field switch
    {
        PrintedFields.Surname => PrintedFieldMatcher.ContainsName(line, mrz.Surname!, lookAlikes: true) || IsWholeNameRunTogether(line, mrz),
        PrintedFields.GivenNames => PrintedFieldMatcher.ContainsName(line, mrz.GivenNames!, lookAlikes: true) || IsWholeNameRunTogether(line, mrz),
        PrintedFields.DocumentNumber => PrintedFieldMatcher.ContainsText([line], mrz.DocumentNumber!, lookAlikes: true),
        PrintedFields.DateOfBirth => PrintedDates.Find(line).Any(d => d.Is(mrz.DateOfBirth!.Value)),
        PrintedFields.ExpiryDate => PrintedDates.Find(line).Any(d => d.Is(mrz.ExpiryDate!.Value)),
        // Sex and nationality (one letter, a three-letter code) are compared only as the whole value under their label.
        _ => false,
    };

    /// <summary>
    /// Whether the line is the whole name, surname and given names in either order, with the separators between them
    /// lost: a name printed on one line (<c>HOFFMANN, RAFAEL</c>) read at 150 dpi as <c>HOFFMANNRAFAEL</c>, whose words
    /// no longer stand apart. Only the whole line, so a longer name is still another name; one OCR error tolerated in
    /// six letters or more, as for a name found as whole words.
    /// </summary>
    internal static bool IsWholeNameRunTogether(string line, ExtractedData mrz)
    {
        var (printed, surname, given) = (Letters(line), Letters(mrz.Surname ?? ""), Letters(mrz.GivenNames ?? ""));
        if (surname.Length < 2 || given.Length < 2)
            return false;
        var tolerance = printed.Length >= 6 ? 1 : 0;
        return EditDistance.Between(printed, surname + given) <= tolerance || EditDistance.Between(printed, given + surname) <= tolerance;
    }

    /// <summary>A name's letters and digits, folded, look-alikes as one.</summary>
    private static string Letters(string text) => PrintedFieldMatcher.FoldLookAlikes(PrintedFieldMatcher.Normalise(text));

    /// <summary>
    /// The labelled value against the MRZ: false for a contradiction, true for agreement, null when it cannot be told
    /// (an unparsable date, a nationality printed as a word, a sex other than M/F/X).
    /// </summary>
    private static bool? Comparable(string field, string value, ExtractedData mrz, NameTruncation nameTruncation)
    {
        var folded = PrintedFieldMatcher.Normalise(value);
        switch (field)
        {
            case PrintedFields.DateOfBirth or PrintedFields.ExpiryDate:
                var dates = PrintedDates.Find(value);
                return dates.Count == 0 ? null : Agrees(field, value, mrz);
            case PrintedFields.Sex:
                return folded is "M" or "F" or "X" ? folded == (mrz.Sex == "<" ? "X" : mrz.Sex) : null;
            case PrintedFields.Nationality:
                return folded.Length == 3 && folded.All(char.IsAsciiLetterUpper) ? folded == mrz.Nationality : null;
            case PrintedFields.Surname or PrintedFields.GivenNames:
                var name = field == PrintedFields.Surname ? mrz.Surname! : mrz.GivenNames!;
                // ICAO 9303 cuts the given names down to initials before it cuts the surname.
                var mayBeCut = nameTruncation != NameTruncation.None && (field == PrintedFields.GivenNames || InitialsOnly(mrz.GivenNames));
                if (Agrees(field, value, mrz) || (mayBeCut && IsTruncationOf(value, name, lastWhole: nameTruncation == NameTruncation.AfterComponent)))
                    return true;
                // Whole components of the MRZ name (MAXIMILIAN of OLIVER MAXIMILIAN): the detector split the value and
                // only a piece lies under the label. Not a contradiction, not an agreement either.
                if (IsPartOf(value, name))
                    return null;
                return FillerMisread(field, folded, mrz) ? null : false;
            default:
                return Agrees(field, value, mrz);
        }
    }

    /// <summary>
    /// Whether the MRZ's name field reads as if its &lt;&lt; separator were misread as K (<c>WAGNERKKKARLKHEINZ</c>,
    /// <c>OLIVEIRAK STEFAN</c>: filler chevrons over a tinted band): the printed surname followed by K starts the MRZ
    /// surname, or the printed given names end up inside it. The MRZ side of the comparison is then unknown: neither
    /// agreement nor contradiction.
    /// </summary>
    private static bool FillerMisread(string field, string folded, ExtractedData mrz)
    {
        var surname = PrintedFieldMatcher.Normalise(mrz.Surname ?? "");
        return folded.Length >= 2 && field switch
        {
            PrintedFields.Surname => surname.StartsWith(folded + "K", StringComparison.Ordinal),
            PrintedFields.GivenNames => surname.Length > folded.Length && surname.EndsWith(folded, StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>
    /// Whether the MRZ name is the printed one as ICAO 9303 truncates a name that does not fit: each MRZ component the
    /// start of the printed component in its place (cut short, down to an initial). Only for the value under the name's
    /// label, and only when the MRZ says it may have truncated: otherwise a printed name longer than the MRZ's is a
    /// contradiction. With <paramref name="lastWhole"/> (the cut fell after a component) the MRZ's last component is a whole
    /// printed one: KARLA HEINZ is no truncation to KARL.
    /// The recogniser may lose the space between two printed components (<c>ADRIANJEAN-BAPTISTE</c> under a keystoned
    /// photo, against the MRZ's <c>ADRIAN JEAN B</c>), so a component may also follow the previous one at once, as many
    /// times as the printed name shows fewer components than the MRZ.
    /// </summary>
    internal static bool IsTruncationOf(string printed, string mrzName, bool lastWhole = false)
    {
        var (printedWords, mrzWords) = (NameComponents(printed), NameComponents(mrzName));
        var letters = string.Concat(printedWords);
        var starts = printedWords.Select((_, i) => printedWords.Take(i).Sum(w => w.Length)).ToArray();
        // Only as many spaces lost as the printed name has components fewer than the MRZ's: JEAN B is no truncation of JEANBERT MARIE.
        bool From(int component, int at, int spacesLost)
        {
            var word = mrzWords[component];
            if (at + word.Length > letters.Length || string.CompareOrdinal(letters, at, word, 0, word.Length) != 0)
                return false;
            var end = at + word.Length;
            if (component + 1 == mrzWords.Length)
                return !lastWhole || end == letters.Length || starts.Contains(end);
            // The next component starts the next printed one (this one whole or cut short), or right here (the space lost).
            var next = starts.FirstOrDefault(s => s >= end, letters.Length);
            return (next < letters.Length && From(component + 1, next, spacesLost))
                || (next > end && spacesLost > 0 && From(component + 1, end, spacesLost - 1));
        }
        return mrzWords.Length > 0 && From(0, 0, Math.Max(0, mrzWords.Length - printedWords.Length));
    }

    private static bool InitialsOnly(string? givenNames) => NameComponents(givenNames ?? "").All(c => c.Length == 1);

    /// <summary>Whether the printed value is a run of whole components of the MRZ name (fewer than all of them).</summary>
    internal static bool IsPartOf(string printed, string mrzName)
    {
        var (part, whole) = (NameComponents(printed), NameComponents(mrzName));
        return part.Length > 0 && part.Length < whole.Length
            && Enumerable.Range(0, whole.Length - part.Length + 1).Any(start => part.SequenceEqual(whole.Skip(start).Take(part.Length)));
    }

    /// <summary>A name's components as the MRZ separates them (spaces and hyphens; apostrophes dropped), folded, look-alikes as one.</summary>
    private static string[] NameComponents(string name) => Words(name).Select(PrintedFieldMatcher.FoldLookAlikes).ToArray();

    /// <summary>A name's components folded to upper case, the look-alikes as printed.</summary>
    private static string[] Words(string name) =>
        new string(PrintedFieldMatcher.FoldCase(name.Replace("'", "").Replace("’", ""))
                .Select(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The text region just below a label of <paramref name="field"/> (starting near the label's left edge), on the
    /// label's side. A region that is itself a label, or that holds another field's MRZ value, is not taken: the field's
    /// own value was then missed and a neighbour's would be compared.
    /// </summary>
    private static (string Side, RecognizedLine Part)? UnderLabel(string field, IReadOnlyList<PrintedText> printed, ExtractedData mrz)
    {
        var parts = printed.SelectMany(p => p.Line.Parts.Select(part => (p.Side, Part: part))).ToList();
        var isName = field is PrintedFields.Surname or PrintedFields.GivenNames;
        var below = new List<(string Side, RecognizedLine Part, float Drop, float Left, bool Together)>();
        foreach (var label in parts.Where(p => PrintedFieldLabels.FieldOf(p.Part.Text) == field || (isName && PrintedFieldLabels.NamesTogether(p.Part.Text))))
        {
            var together = isName && PrintedFieldLabels.NamesTogether(label.Part.Text);
            var box = label.Part.Box;
            var (ux, uy) = box.Along;
            var labelLeft = -box.Width / 2;
            foreach (var candidate in parts.Where(p => p.Side == label.Side && !ReferenceEquals(p.Part, label.Part)))
            {
                var (dx, dy) = (candidate.Part.Box.CenterX - box.CenterX, candidate.Part.Box.CenterY - box.CenterY);
                var along = dx * ux + dy * uy;
                var drop = (-dx * uy + dy * ux) / box.Height;
                var left = along - candidate.Part.Box.Width / 2;
                if (drop is <= 0.4f or > MaxValueDrop || left < labelLeft - candidate.Part.Box.Height || left > box.Width / 2)
                    continue;
                // Where the part starts along the label's direction, in the image (not from this label: a bilingual label may be two parts).
                below.Add((candidate.Side, candidate.Part, drop, candidate.Part.Box.CenterX * ux + candidate.Part.Box.CenterY * uy - candidate.Part.Box.Width / 2, together));
            }
        }
        if (below.Count == 0)
            return null;
        // The nearest row below the label, and in it the part that starts first: the detector splits a value at its
        // spaces (STEFAN ADRIAN), and the part nearest by a hair of tilt may be a later word, not the value's start.
        var nearest = below.Min(b => b.Drop);
        var found = below.Where(b => b.Drop < nearest + SameRow).MinBy(b => b.Left);
        if (PrintedFieldLabels.IsLabel(found.Part.Text) || PrintedFieldMatcher.Normalise(found.Part.Text).Length == 0)
            return null;
        if (found.Together)
        {
            // Surname and given names under one label: only the field's own part of the value is compared.
            if (NamePart(field, found.Part.Text, mrz) is not { } part)
                return null;
            found.Part = found.Part with { Text = part, Parts = [] };
        }
        return HoldsAnotherValue(field, found.Part.Text, mrz) ? null : (found.Side, found.Part);
    }

    /// <summary>
    /// The surname or the given names out of a value printed under a label of both (<c>MUELLER, ANNA MARIA</c>): split at
    /// the comma. Without one (the OCR lost it), the MRZ's given names ending the value, or its surname starting it, mark
    /// the split; null when neither does (a value that cannot be split is not compared).
    /// </summary>
    internal static string? NamePart(string field, string value, ExtractedData mrz)
    {
        var comma = value.IndexOf(',');
        if (comma > 0)
        {
            var part = field == PrintedFields.Surname ? value[..comma] : value[(comma + 1)..];
            return PrintedFieldMatcher.Normalise(part).Length > 0 ? part.Trim() : null;
        }
        var printed = Words(value);
        var (words, surname, given) = (NameComponents(value), NameComponents(mrz.Surname ?? ""), NameComponents(mrz.GivenNames ?? ""));
        var split = given.Length > 0 && words.Length > given.Length && words[^given.Length..].SequenceEqual(given) ? words.Length - given.Length
            : surname.Length > 0 && words.Length > surname.Length && words[..surname.Length].SequenceEqual(surname) ? surname.Length
            : 0;
        return split == 0 ? null : string.Join(' ', field == PrintedFields.Surname ? printed[..split] : printed[split..]);
    }

    /// <summary>
    /// The surname of a name printed on one line, <c>SURNAME, GIVEN NAMES</c>, found without its label (at 150 dpi or
    /// turned, the label of both names is often read garbled): a line with one comma whose second half is exactly the
    /// MRZ's given names (one OCR error tolerated from six letters). Its first half is then the printed surname; a forged
    /// surname beside the genuine given names is a contradiction, not a field "not found". Not the given names beside
    /// the MRZ's surname: the MRZ cuts given names that do not fit, and a cut name read with its spaces lost
    /// (<c>MAXIMILIANTHOMAS</c> for <c>MAXIMILIAN TH</c>) failed a genuine passport.
    /// </summary>
    internal static (string Side, RecognizedLine Part)? OnNameLine(string field, IReadOnlyList<PrintedText> printed, ExtractedData mrz)
    {
        if (field != PrintedFields.Surname || mrz.GivenNames is not { } givenNames)
            return null;
        foreach (var line in printed)
        {
            var text = line.Line.Text;
            var comma = text.IndexOf(',');
            if (comma <= 0 || comma != text.LastIndexOf(','))
                continue;
            var surname = text[..comma];
            if (!IsWholeName(text[(comma + 1)..], givenNames) || PrintedFieldLabels.IsLabel(surname) || !ShapedLike(field, surname) || HoldsAnotherValue(field, surname, mrz))
                continue;
            return (line.Side, line.Line with { Text = surname.Trim(), Parts = [] });
        }
        return null;
    }

    /// <summary>Whether a printed text is the whole name, nothing more or less (one OCR error tolerated from six letters).</summary>
    private static bool IsWholeName(string printed, string mrzName)
    {
        var (text, name) = (Letters(printed), Letters(mrzName));
        return name.Length >= 2 && EditDistance.Between(text, name) <= (text.Length >= 6 ? 1 : 0);
    }

    /// <summary>
    /// The value on the label's own row, after it: in the same detected region (<c>Surname LINDBERG</c>) or the nearest
    /// region to its right. Only a value of the field's shape is taken (a number holds a digit, a name two letters): a
    /// bilingual label's second half (<c>Passport No. / No</c>) is no value.
    /// </summary>
    private static (string Side, RecognizedLine Part)? BesideLabel(string field, IReadOnlyList<PrintedText> printed, ExtractedData mrz)
    {
        var parts = printed.SelectMany(p => p.Line.Parts.Select(part => (p.Side, Part: part))).ToList();
        foreach (var label in parts.Where(p => PrintedFieldLabels.FieldOf(p.Part.Text) == field))
        {
            var value = AfterLabel(field, label.Part) ?? NextAlongRow(label.Part, parts.Where(p => p.Side == label.Side).Select(p => p.Part));
            if (value is null || !ShapedLike(field, value.Text))
                continue;
            if (!HoldsAnotherValue(field, value.Text, mrz))
                return (label.Side, value);
        }
        return null;
    }

    /// <summary>The words after the field's label in one region, when they are not a label themselves.</summary>
    private static RecognizedLine? AfterLabel(string field, RecognizedLine part)
    {
        var words = part.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length; i++)
        {
            var rest = string.Join(' ', words[i..]);
            if (PrintedFieldLabels.FieldOf(string.Join(' ', words[..i])) == field && !PrintedFieldLabels.IsLabel(rest))
                return part with { Text = rest, Parts = [] };
        }
        return null;
    }

    /// <summary>The nearest region starting right of the label on its row (centres within half a label height), unless it is a label.</summary>
    private static RecognizedLine? NextAlongRow(RecognizedLine label, IEnumerable<RecognizedLine> parts)
    {
        var box = label.Box;
        var (ux, uy) = box.Along;
        (RecognizedLine Part, float Gap)? nearest = null;
        foreach (var candidate in parts.Where(p => !ReferenceEquals(p, label)))
        {
            var (dx, dy) = (candidate.Box.CenterX - box.CenterX, candidate.Box.CenterY - box.CenterY);
            var along = dx * ux + dy * uy;
            var drop = (-dx * uy + dy * ux) / box.Height;
            var gap = (along - candidate.Box.Width / 2 - box.Width / 2) / box.Height;
            if (MathF.Abs(drop) > 0.6f || gap < -0.5f || gap > MaxValueGap)
                continue;
            if (nearest is null || gap < nearest.Value.Gap)
                nearest = (candidate, gap);
        }
        return nearest is { } found && !PrintedFieldLabels.IsLabel(found.Part.Text) ? found.Part : null;
    }

    /// <summary>
    /// Whether a text taken for <paramref name="field"/> shows another field's MRZ value: the field's own value was then
    /// missed and a neighbour's would be compared.
    /// </summary>
    private static bool HoldsAnotherValue(string field, string text, ExtractedData mrz) =>
        new[] { PrintedFields.Surname, PrintedFields.GivenNames, PrintedFields.DocumentNumber, PrintedFields.DateOfBirth, PrintedFields.ExpiryDate }
            .Where(f => f != field && Values(mrz).Any(v => v.Field == f))
            .Any(f => Agrees(f, text, mrz));

    /// <summary>Whether a text has the shape of the field's value.</summary>
    private static bool ShapedLike(string field, string text)
    {
        var folded = PrintedFieldMatcher.Normalise(text);
        return field switch
        {
            PrintedFields.DocumentNumber => folded.Length >= 5 && folded.Any(char.IsAsciiDigit),
            PrintedFields.Surname or PrintedFields.GivenNames => folded.Count(char.IsAsciiLetterUpper) >= 2,
            _ => folded.Length > 0,
        };
    }
}
