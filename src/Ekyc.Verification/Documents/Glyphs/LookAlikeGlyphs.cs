using Ekyc.Verification.Documents.Mrz;

namespace Ekyc.Verification.Documents.Glyphs;

/// <summary>What the glyph of one MRZ character looks like most among the character read and its look-alikes.</summary>
internal sealed record GlyphVerdict(int Line, int Column, char Read, char Glyph, float Margin, IReadOnlyList<char> Compared)
{
    /// <summary>
    /// The glyph matched best at least this far ahead of the next look-alike. Measured on 8,000 look-alike cells of
    /// the decision set (seeds 41–44, every capture): the true character's glyph never lost to a look-alike's, and led
    /// 0 over O by 0.035 at the least (150 dpi phone photos), O over 0 by 0.12, every other pair by 0.13 or more.
    /// </summary>
    public const float SureMargin = 0.05f;

    public bool Sure => Margin >= SureMargin;
}

/// <summary>
/// A second reading of the characters a check digit cannot tell apart: in the alphanumeric fields of a failing check
/// (or of one the parser fixed by a look-alike swap), each character is compared with the glyphs of its OCR-B
/// look-alikes (0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B…) and of the filler, which these fields allow. OCR-B draws them
/// differently (O wider and rounder than 0), so the shape settles what the check digits cannot, independently of them.
/// </summary>
internal static class LookAlikeGlyphs
{
    /// <summary>
    /// The characters the glyph at a column of class <paramref name="cls"/> read as <paramref name="read"/> is compared
    /// with (itself first): its OCR-B look-alikes and the filler where the field allows them, and every character of the
    /// field's class the recogniser found at least <see cref="PlausibleAlternative"/> likely there (a tampered 3 to
    /// which it gave 2 % for the issued 2 must not be explained away by that 2 %).
    /// </summary>
    public static IReadOnlyList<char> Candidates(char read, MrzCharClass cls, Func<char, float> recognised)
    {
        IEnumerable<char> lookAlikes = cls switch
        {
            MrzCharClass.AlphaNumeric => [.. MrzConfusables.AlternativesOf(read), Filler(read)],
            MrzCharClass.NumericOrFiller => [Filler(read)],
            _ => [],
        };
        var allowed = cls switch
        {
            MrzCharClass.AlphaNumeric => CheckDigit.Alphabet,
            MrzCharClass.NumericOrFiller => Digits + "<",
            MrzCharClass.Numeric => Digits,
            _ => "",
        };
        return [read, .. lookAlikes.Concat(allowed.Where(c => recognised(c) >= PlausibleAlternative)).Where(c => c != read).Distinct()];
    }

    /// <summary>
    /// The characters a letter of a country code read as <paramref name="read"/> is compared with (itself first): its
    /// letter look-alikes (I/L, O/D/Q), the filler (codes shorter than three letters are padded with it), and every
    /// letter the recogniser found at least <see cref="PlausibleAlternative"/> likely there.
    /// </summary>
    public static IReadOnlyList<char> CodeCandidates(char read, Func<char, float> recognised) =>
        [read, .. MrzConfusables.AlternativesOf(read).Where(char.IsAsciiLetterUpper).Append('<')
            .Concat(Letters.Where(c => recognised(c) >= PlausibleAlternative)).Where(c => c != read).Distinct()];

    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>
    /// The characters a letter of a name field read as <paramref name="read"/> is compared with (itself first): the
    /// filler when the letter is a K (a chevron with a stroke beside it: a filler crossed by print behind the MRZ) or the
    /// recogniser found a filler at least <see cref="PlausibleAlternative"/> likely there. Fillers and other letters: none.
    /// </summary>
    public static IReadOnlyList<char> NameCandidates(char read, Func<char, float> recognised) =>
        char.IsAsciiLetterUpper(read) && (read == 'K' || recognised('<') >= PlausibleAlternative) ? [read, '<'] : [read];

    /// <summary>
    /// Undoubted look-alikes are read by their glyphs from this many box pixels per character: on a blurred TD1 page at
    /// 13 px (`documents-accuracy`) the glyph overturned a character the recogniser had read right, and the page's check
    /// failed. The verifier asks for 14 px anyway (<see cref="DocumentOptions.MinPixelsPerMrzChar"/>).
    /// </summary>
    private const float MinUndoubtedGlyphPixelsPerChar = 14f;

    /// <summary>Half the least recogniser probability that lets a one-character repair explain a failing check (<see cref="DocumentOptions.MinCheckDigitRepairLikelihood"/>).</summary>
    private const float PlausibleAlternative = 0.005f;

    /// <summary>
    /// A filler may stand wherever these fields allow one, and blurred on a phone photo it reads as 2 or 5 (its chevron
    /// and their diagonals); a character read as a filler is compared with 2.
    /// </summary>
    private static char Filler(char read) => read == '<' ? '2' : '<';

    /// <summary>
    /// The checks whose characters are read again: failing ones and those a look-alike swap made agree, every column;
    /// agreeing ones only at the look-alikes (or, in dates and check digits, other digits) the recogniser found plausible
    /// there (<see cref="Doubted"/>),
    /// <c>DoubtedOnly</c>. A check digit agrees by chance one time in ten, so one misread look-alike can hide a digit
    /// altered on the document: the number OH2908810 altered to OH2908818 under its issued check digit, its O read as 0
    /// (p(O) 0.07), agrees. The recogniser can also be sure of the wrong look-alike, so an agreeing check over an
    /// alphanumeric field is read again at its undoubted look-alikes too (<see cref="UndoubtedLookAlikes"/>). Only those
    /// columns: a reading that lost characters (a passport line read at 36) fits its cells badly, and glyphs compared in
    /// misfitted cells must not overturn a reading whose checks hold.
    /// </summary>
    /// <param name="pixelsPerChar">Each line's box pixels per character read (<see cref="UndoubtedLookAlikes"/>).</param>
    public static IReadOnlyList<(MrzCheckSpec Check, bool DoubtedOnly)> Checks(MrzResult mrz, IReadOnlyList<string> lines, MrzLikelihood recognised,
        IReadOnlyList<float> pixelsPerChar)
    {
        var layout = MrzLayout.For(mrz.Format);
        var specs = layout.Checks.ToList();
        // The TD1 document number check is resolved by the parser (it may overflow into the optional data).
        if (mrz.Format == MrzFormat.Td1 && !mrz.LongDocumentNumber)
            specs.Add(MrzLayout.Td1ShortNumberCheck);
        var swapped = mrz.Corrections.Where(c => c.Reason.Contains("check digit", StringComparison.Ordinal)).Select(c => c.Reason[..c.Reason.IndexOf(':')]).ToHashSet();
        var failing = mrz.Checks.Where(c => !c.Ok).Select(c => c.Field).ToHashSet();
        return specs.Select(s => (Check: s, DoubtedOnly: !failing.Contains(s.Field) && !swapped.Contains(s.Field)))
            .Where(s => !s.DoubtedOnly || Columns(layout, s.Check, lines, recognised, doubtedOnly: true).Any() || UndoubtedLookAlikes(layout, s.Check, lines, recognised, pixelsPerChar).Any())
            .ToList();
    }

    /// <summary>
    /// The least probability the recogniser gives a look-alike of the character read for it to count as a doubt in an
    /// agreeing check: the probability from which a one-character repair explains a failing one (<see cref="DocumentOptions.MinCheckDigitRepairLikelihood"/>).
    /// </summary>
    private const float DoubtedAlternative = 0.01f;

    /// <summary>The columns of <paramref name="check"/> with characters to compare, and those characters (<see cref="Candidates"/>).</summary>
    /// <param name="doubtedOnly">Only the columns whose character has a look-alike the recogniser found plausible (<see cref="DoubtedAlternative"/>).</param>
    public static IEnumerable<(int Line, int Column, IReadOnlyList<char> Candidates)> Columns(MrzLayout layout, MrzCheckSpec check, IReadOnlyList<string> lines,
        MrzLikelihood recognised, bool doubtedOnly = false)
    {
        foreach (var span in check.Over.Append(check.Digit))
            for (var column = span.Start; column < span.Start + span.Length; column++)
            {
                var field = layout.Fields.FirstOrDefault(f => f.Span.Line == span.Line && column >= f.Span.Start && column < f.Span.Start + f.Span.Length);
                if (field is null)
                    continue;
                var read = lines[span.Line][column];
                if (doubtedOnly && !Doubted(field.Class, read, c => recognised(span.Line, column, c)))
                    continue;
                var candidates = Candidates(read, field.Class, c => recognised(span.Line, column, c));
                if (candidates.Count > 1)
                    yield return (span.Line, column, candidates);
            }
    }

    /// <summary>
    /// The letters and digits with an OCR-B look-alike in the alphanumeric fields of an agreeing check that the
    /// recogniser did not doubt, on lines read at their full length (whose cells fit). A confident look-alike misread can
    /// cancel an alteration as a doubted one can: the card number OL1344196 altered to OL1744196 under its issued check
    /// digit was read 0L1744196 without a doubt on the 0 (O → 0 takes 24·7 ≡ 8 off the sum, 3 → 7 adds 4·7 ≡ 8), and the
    /// check agreed. A glyph that surely overturns one of them has the whole check read again. Only on lines read at
    /// <see cref="MinUndoubtedGlyphPixelsPerChar"/> or more (<paramref name="pixelsPerChar"/>, per line).
    /// </summary>
    public static IEnumerable<(int Line, int Column, IReadOnlyList<char> Candidates)> UndoubtedLookAlikes(MrzLayout layout, MrzCheckSpec check,
        IReadOnlyList<string> lines, MrzLikelihood recognised, IReadOnlyList<float> pixelsPerChar) =>
        Columns(layout, check, lines, recognised).Where(c =>
            lines[c.Line].Length == layout.LineLength && pixelsPerChar[c.Line] >= MinUndoubtedGlyphPixelsPerChar && c.Candidates[0] != '<'
            && layout.Fields.Any(f => f.Class == MrzCharClass.AlphaNumeric && f.Span.Line == c.Line && c.Column >= f.Span.Start && c.Column < f.Span.Start + f.Span.Length)
            && MrzConfusables.AlternativesOf(c.Candidates[0]).Count > 0
            && !Doubted(MrzCharClass.AlphaNumeric, c.Candidates[0], ch => recognised(c.Line, c.Column, ch)));

    /// <summary>
    /// Whether the recogniser found another reading of a character in an agreeing check plausible: a look-alike in an
    /// alphanumeric field, another digit in a numeric one (a date digit misread can cancel a date altered under its
    /// issued check digit just as a look-alike can). Measured on 1,739 genuine date and check-digit cells of the
    /// decision set (seeds 41–44, every capture), each compared with all ten digit glyphs: the true digit's glyph led
    /// every other by at least 0.059 (150 dpi phone photos; scans 0.16), so no digit's glyph overturns a true one surely.
    /// </summary>
    private static bool Doubted(MrzCharClass cls, char read, Func<char, float> recognised) => cls switch
    {
        MrzCharClass.AlphaNumeric => MrzConfusables.AlternativesOf(read).Any(c => recognised(c) >= DoubtedAlternative),
        MrzCharClass.Numeric or MrzCharClass.NumericOrFiller => char.IsAsciiDigit(read) && Digits.Any(c => c != read && recognised(c) >= DoubtedAlternative),
        _ => false,
    };

    /// <summary>
    /// The glyph's verdict on one cell among <paramref name="candidates"/> (the character read first): the margin is the
    /// best one's lead over the next, and negative when a glyph outside them matches better still (the true character is
    /// then none of them: a filler read as 5 must not become S).
    /// </summary>
    public static GlyphVerdict Judge(MrzLineCells cells, int line, int column, IReadOnlyList<char> candidates)
    {
        var scores = candidates.Select(c => (Char: c, Score: cells.Score(column, c))).OrderByDescending(s => s.Score).ToList();
        var outside = CheckDigit.Alphabet.Where(c => !candidates.Contains(c)).Max(c => cells.Score(column, c));
        // A filler read in a code has no letter look-alike, so may be its own only candidate: judged against every other glyph.
        var margin = outside > scores[0].Score || scores.Count == 1 ? scores[0].Score - outside : scores[0].Score - scores[1].Score;
        return new GlyphVerdict(line, column, candidates[0], scores[0].Char, margin, candidates);
    }

    /// <summary>
    /// Whether another of <paramref name="candidates"/> matches the cell better than the character read (the first):
    /// only then can a verdict overturn it, so the comparison with every other glyph (<see cref="Judge"/>) is skipped otherwise.
    /// </summary>
    public static bool LeadsRead(MrzLineCells cells, int column, IReadOnlyList<char> candidates)
    {
        var read = cells.Score(column, candidates[0]);
        return candidates.Skip(1).Any(c => cells.Score(column, c) > read);
    }

    private const string Digits = "0123456789";
}
