using System.Globalization;
using System.Text;
using Ekyc.Core.Checks;
using Ekyc.Verification.Documents.Printed;

namespace Ekyc.Verification.Documents;

/// <summary>
/// Looks for MRZ values among printed text lines: names and numbers compared without spaces or punctuation and
/// with diacritics folded or transliterated as ICAO 9303 does (MÜLLER is MUELLER in the MRZ; one OCR error tolerated
/// when the value is long enough), dates in the usual printed forms (<see cref="PrintedDates"/>).
/// </summary>
public static class PrintedFieldMatcher
{
    /// <summary>Every value the MRZ has (surname, given names, number, birth and expiry dates) is in the printed lines.</summary>
    public static bool FoundAll(IReadOnlyList<string> printed, ExtractedData data) =>
        (data.Surname is null || ContainsText(printed, data.Surname))
        && (data.GivenNames is null || ContainsText(printed, data.GivenNames))
        && (data.DocumentNumber is null || ContainsText(printed, data.DocumentNumber))
        && (data.DateOfBirth is not { } birth || ContainsDate(printed, birth))
        && (data.ExpiryDate is not { } expiry || ContainsDate(printed, expiry));

    /// <summary>A printed date's length in characters, as in <c>12 NOV 2031</c> (<c>12.11.2031</c> is within its tolerance).</summary>
    private const int PrintedDateLength = 11;

    /// <summary>
    /// The lengths, in characters, of the values <see cref="FoundAll"/> looks for that are not in the printed lines yet:
    /// what the printed reading looks for next.
    /// </summary>
    public static IReadOnlyCollection<int> MissingLengths(IReadOnlyList<string> printed, ExtractedData data)
    {
        var lengths = new List<int>();
        foreach (var text in new[] { data.Surname, data.GivenNames, data.DocumentNumber })
            if (text is not null && !ContainsText(printed, text))
                lengths.Add(text.Length);
        foreach (var date in new[] { data.DateOfBirth, data.ExpiryDate })
            if (date is { } value && !ContainsDate(printed, value))
                lengths.Add(PrintedDateLength);
        return lengths;
    }

    /// <summary>
    /// Whether a line shows the value. With <paramref name="lookAlikes"/>, OCR-B look-alikes (0/O/D/Q, 1/I/L, 2/Z, 5/S,
    /// 6/G, 8/B, 4/A, 7/T) count as one character on both sides: either reading may be the wrong one, and a
    /// difference only in look-alikes cannot be told from a misreading.
    /// </summary>
    public static bool ContainsText(IEnumerable<string> lines, string value, bool lookAlikes = false)
    {
        if (Sought(value, lookAlikes) is not var (wanted, tolerance))
            return false;
        return lines.SelectMany(l => new[] { Normalise(l), Normalise(Transliterate(l)) })
            .Select(line => lookAlikes ? FoldLookAlikes(line) : line)
            .Any(line => line.Contains(wanted, StringComparison.Ordinal) || WithinEdits(line, wanted, tolerance));
    }

    /// <summary>
    /// Whether a line shows the name as whole words: as <see cref="ContainsText"/>, but the match must start and end at
    /// a word boundary that is not a hyphen. <c>LAMBERT</c> is not in <c>LAMBERTINI</c>, nor <c>PEREIRA</c> in
    /// <c>PEREIRA-CARVALHO</c>: a printed name that goes on is another name.
    /// </summary>
    public static bool ContainsName(string line, string value, bool lookAlikes = false)
    {
        if (Sought(value, lookAlikes) is not var (wanted, tolerance))
            return false;
        foreach (var variant in new[] { line, Transliterate(line) })
        {
            var words = NameWords(FoldCase(variant), lookAlikes);
            for (var first = 0; first < words.Count; first++)
            {
                if (first > 0 && words[first].Hyphenated)
                    continue;
                var span = new StringBuilder();
                for (var last = first; last < words.Count && span.Length <= wanted.Length + tolerance; last++)
                {
                    span.Append(words[last].Text);
                    var endsWord = last + 1 == words.Count || !words[last + 1].Hyphenated;
                    if (endsWord && EditDistance.Between(span.ToString(), wanted) <= tolerance)
                        return true;
                }
            }
        }
        return false;
    }

    /// <summary>The value as compared (folded; look-alikes as one) and the OCR errors tolerated in it; null when too short to look for.</summary>
    private static (string Wanted, int Tolerance)? Sought(string value, bool lookAlikes)
    {
        var wanted = Normalise(value);
        if (wanted.Length < 2)
            return null;
        if (lookAlikes)
            wanted = FoldLookAlikes(wanted);
        return (wanted, wanted.Length >= 6 ? 1 : 0);
    }

    /// <summary>The letters-and-digits runs of a folded line, each marked when a hyphen joins it to the previous one.</summary>
    private static List<(string Text, bool Hyphenated)> NameWords(string folded, bool lookAlikes)
    {
        var words = new List<(string, bool)>();
        var current = new StringBuilder();
        var hyphen = false;
        var joined = false;
        foreach (var c in folded + " ")
        {
            if (char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
            {
                if (current.Length == 0)
                    joined = hyphen;
                current.Append(c);
                continue;
            }
            if (current.Length > 0)
            {
                words.Add((lookAlikes ? FoldLookAlikes(current.ToString()) : current.ToString(), joined));
                current.Clear();
                hyphen = false;
            }
            hyphen |= c is '-' or '‐' or '‑';
        }
        return words;
    }

    internal static string FoldLookAlikes(string text) => new(text.Select(c => c switch
    {
        'O' or 'D' or 'Q' => '0',
        'I' or 'L' => '1',
        'Z' => '2',
        'S' => '5',
        'G' => '6',
        'B' => '8',
        'A' => '4',
        'T' => '7',
        _ => c,
    }).ToArray());

    public static bool ContainsDate(IEnumerable<string> lines, DateOnly date) => lines.Any(l => PrintedDates.Find(l).Any(d => d.Is(date)));

    /// <summary>Upper case, diacritics removed, only letters and digits kept.</summary>
    public static string Normalise(string text) => new(FoldCase(text).Where(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)).ToArray());

    /// <summary>
    /// Upper case with diacritics removed; everything else kept. Compatibility forms fold too: the recogniser's
    /// dictionary also holds full-width letters and digits (East Asian text), which it sometimes picks for a Latin one.
    /// </summary>
    public static string FoldCase(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToUpperInvariant(c));
        return builder.ToString();
    }

    /// <summary>The ICAO 9303 (Part 3) transliterations that are not a plain diacritic removal.</summary>
    private static string Transliterate(string text) => text.ToUpperInvariant()
        .Replace("Ä", "AE").Replace("Ö", "OE").Replace("Ü", "UE").Replace("ß", "SS")
        .Replace("Å", "AA").Replace("Ø", "OE").Replace("Æ", "AE").Replace("Þ", "TH").Replace("Ĳ", "IJ");

    /// <summary>
    /// Whether some substring of <paramref name="line"/> is within <paramref name="edits"/> edits of <paramref name="wanted"/>:
    /// substitutions (a misread letter), and a letter dropped or added (the recogniser loses one at a region's edge or
    /// reads a wide one twice). Edit distance with a free start and end in the line.
    /// </summary>
    internal static bool WithinEdits(string line, string wanted, int edits)
    {
        if (edits == 0 || line.Length < wanted.Length - edits)
            return false;
        // column[i]: fewest edits turning wanted[..i] into a substring of line that ends at the current position.
        var column = Enumerable.Range(0, wanted.Length + 1).ToArray();
        if (column[^1] <= edits)
            return true;
        foreach (var c in line)
        {
            var diagonal = column[0];
            column[0] = 0;
            for (var i = 1; i <= wanted.Length; i++)
            {
                var left = column[i];
                column[i] = Math.Min(Math.Min(column[i] + 1, column[i - 1] + 1), diagonal + (wanted[i - 1] == c ? 0 : 1));
                diagonal = left;
            }
            if (column[^1] <= edits)
                return true;
        }
        return false;
    }
}
