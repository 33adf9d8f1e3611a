using Ekyc.Verification.Documents.Mrz;

namespace Ekyc.Verification.Documents.Printed;

/// <summary>
/// Settles an MRZ document number whose check digit fails on OCR-B look-alikes (0/O, 1/I, 8/B…) with the number
/// printed in the visual zone. The parser's own fix-up swaps a look-alike only when exactly one swap makes the check
/// agree; with several (a 0 and an O in the same number) it cannot choose. The printed number is a second, independent
/// reading: a printed number equal to the MRZ's up to look-alikes, with which every check digit (the composite too)
/// agrees, is what the MRZ holds. A forger gains nothing here: the printed and encoded numbers must already agree but
/// for look-alikes, and a digit changed in both still breaks the check.
/// </summary>
internal static class PrintedNumberSettlement
{
    public const string Reason = "look-alike settled by the printed document number and the check digits";

    /// <param name="likelihood">The recogniser's probabilities for the MRZ: a change it found implausible (under
    /// <paramref name="minLikelihood"/>) is not made, so that the print misread into the one look-alike that fits the
    /// issued check digit cannot repair a number changed on the document.</param>
    /// <returns>The MRZ re-parsed with the printed number, every check agreeing; null when no printed number settles it.</returns>
    public static MrzResult? Settle(MrzResult mrz, IEnumerable<string> printedLines, MrzLikelihood? likelihood = null, double minLikelihood = 0.01)
    {
        if (mrz.ChecksValid || mrz.LongDocumentNumber || mrz.Format is not (MrzFormat.Td1 or MrzFormat.Td2 or MrzFormat.Td3)
            || !mrz.FailingFieldChecks.Contains("documentNumber"))
            return null;
        var span = MrzLayout.For(mrz.Format).Field("documentNumber").Span;
        var number = mrz.Lines[span.Line].Substring(span.Start, span.Length).TrimEnd('<');
        if (number.Length < 2 || number.Contains('<'))
            return null;
        var folded = PrintedFieldMatcher.FoldLookAlikes(number);
        foreach (var line in printedLines)
        {
            var text = PrintedFieldMatcher.Normalise(line);
            for (var start = 0; start + number.Length <= text.Length; start++)
            {
                var printed = text.Substring(start, number.Length);
                if (printed == number || PrintedFieldMatcher.FoldLookAlikes(printed) != folded || !Plausible(number, printed))
                    continue;
                var lines = mrz.Lines.ToArray();
                lines[span.Line] = lines[span.Line][..span.Start] + printed + lines[span.Line][(span.Start + number.Length)..];
                if (MrzParser.Parse(lines).Mrz is not { ChecksValid: true } settled)
                    continue;
                var corrections = Enumerable.Range(0, number.Length).Where(i => number[i] != printed[i])
                    .Select(i => new MrzCorrection(span.Line, span.Start + i, number[i], printed[i], Reason));
                return settled with { Corrections = [.. mrz.Corrections, .. corrections] };
            }
        }
        return null;

        // A line without probabilities (its length was repaired) gives 0 to every character: no evidence either way.
        bool Plausible(string read, string printed) => likelihood is null || Enumerable.Range(0, read.Length).All(i =>
            read[i] == printed[i] || likelihood(span.Line, span.Start + i, read[i]) == 0 || likelihood(span.Line, span.Start + i, printed[i]) >= minLikelihood);
    }
}
