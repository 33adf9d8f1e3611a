using System.Text.RegularExpressions;

namespace Ekyc.Verification.Documents.Printed;

/// <summary>A date as printed: the year has two digits in some forms (<c>12 APR/AVR 89</c>).</summary>
public readonly record struct PrintedDate(int Day, int Month, int Year, bool ShortYear, string Text)
{
    /// <summary>Same day as <paramref name="date"/>; a two-digit year is compared modulo 100.</summary>
    public bool Is(DateOnly date) =>
        Day == date.Day && Month == date.Month && (ShortYear ? Year == date.Year % 100 : Year == date.Year);
}

/// <summary>
/// Finds the dates of a printed line in the forms documents use: <c>12 APR 1989</c>, <c>12APR89</c>, <c>12 APR/AVR 89</c>
/// (bilingual month), <c>12 April 1989</c>, <c>12. März 1989</c> (full month names), <c>17 05 1990</c>, <c>17.05.1990</c>, <c>17/05/90</c>, <c>1990-05-17</c>, <c>17051990</c>, <c>1705 1990</c> (a spaced
/// form whose spaces the OCR lost); month abbreviations and names in
/// English, French, German, Spanish and Italian. The OCR's O, I and L between digits count as 0 and 1.
/// </summary>
public static partial class PrintedDates
{
    private static readonly Dictionary<string, int> MonthNames = new()
    {
        ["JAN"] = 1, ["JANV"] = 1, ["ENE"] = 1, ["GEN"] = 1,
        ["FEB"] = 2, ["FEV"] = 2, ["FEVR"] = 2,
        ["MAR"] = 3, ["MARS"] = 3, ["MRZ"] = 3,
        ["APR"] = 4, ["AVR"] = 4, ["ABR"] = 4,
        ["MAY"] = 5, ["MAI"] = 5, ["MAG"] = 5,
        ["JUN"] = 6, ["JUIN"] = 6, ["GIU"] = 6,
        ["JUL"] = 7, ["JUIL"] = 7, ["LUG"] = 7,
        ["AUG"] = 8, ["AOU"] = 8, ["AOUT"] = 8, ["AGO"] = 8,
        ["SEP"] = 9, ["SEPT"] = 9, ["SET"] = 9,
        ["OCT"] = 10, ["OKT"] = 10, ["OTT"] = 10,
        ["NOV"] = 11,
        ["DEC"] = 12, ["DEZ"] = 12, ["DIC"] = 12,
    };

    /// <summary>Full month names (<c>12 April 1989</c>, <c>12. März 1989</c>), folded, in the same five languages.</summary>
    private static readonly Dictionary<string, int> FullMonthNames = new()
    {
        ["JANUARY"] = 1, ["JANUAR"] = 1, ["JANVIER"] = 1, ["ENERO"] = 1, ["GENNAIO"] = 1,
        ["FEBRUARY"] = 2, ["FEBRUAR"] = 2, ["FEVRIER"] = 2, ["FEBRERO"] = 2, ["FEBBRAIO"] = 2,
        ["MARCH"] = 3, ["MARZ"] = 3, ["MAERZ"] = 3, ["MARZO"] = 3,
        ["APRIL"] = 4, ["AVRIL"] = 4, ["ABRIL"] = 4, ["APRILE"] = 4,
        ["MAYO"] = 5, ["MAGGIO"] = 5,
        ["JUNE"] = 6, ["JUNI"] = 6, ["JUNIO"] = 6, ["GIUGNO"] = 6,
        ["JULY"] = 7, ["JULI"] = 7, ["JUILLET"] = 7, ["JULIO"] = 7, ["LUGLIO"] = 7,
        ["AUGUST"] = 8, ["AGOSTO"] = 8,
        ["SEPTEMBER"] = 9, ["SEPTEMBRE"] = 9, ["SEPTIEMBRE"] = 9, ["SETIEMBRE"] = 9, ["SETTEMBRE"] = 9,
        ["OCTOBER"] = 10, ["OKTOBER"] = 10, ["OCTOBRE"] = 10, ["OCTUBRE"] = 10, ["OTTOBRE"] = 10,
        ["NOVEMBER"] = 11, ["NOVEMBRE"] = 11, ["NOVIEMBRE"] = 11,
        ["DECEMBER"] = 12, ["DEZEMBER"] = 12, ["DECEMBRE"] = 12, ["DICIEMBRE"] = 12, ["DICEMBRE"] = 12,
    };

    /// <summary>
    /// The month may hold a digit the OCR took for its look-alike letter: 180CT2030, 14N0V1965. An abbreviation is tried
    /// first; a full name ends with a letter, so that the digits of a year never end it.
    /// </summary>
    [GeneratedRegex(@"(?<!\d)(\d{1,2}) ?[ .\-/]? ?([A-Z0-9]{3,4}|[A-Z0-9]{4,9}[A-Z])(?: ?/ ?[A-Z0-9]{3,4})? ?[ .\-/]? ?(\d{4}|\d{2})(?!\d)")]
    private static partial Regex DayMonthNameYear();

    /// <summary>
    /// The separators may be lost, both or one: the recogniser reads <c>04 01 1983</c> as one word, <c>04011983</c>, or as
    /// <c>0401 1983</c>, and the detector, given the page at a lower resolution, splits it at the wider gap into
    /// <c>04</c> and <c>011983</c>, joined again as <c>04 011983</c>. Then day and month have two digits and the year four.
    /// </summary>
    [GeneratedRegex(@"(?<!\d)(\d{1,2}) ?[ .\-/] ?(\d{1,2}) ?[ .\-/] ?(\d{4}|\d{2})(?!\d)|(?<!\d)(\d{2}) ?[ .\-/]? ?(\d{2}) ?[ .\-/]? ?(\d{4})(?!\d)")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<!\d)(\d{4}) ?[ .\-/] ?(\d{1,2}) ?[ .\-/] ?(\d{1,2})(?!\d)")]
    private static partial Regex YearMonthDay();

    /// <summary>Every plausible date in <paramref name="line"/>; a numeric day/month that could be either is given both ways.</summary>
    public static IReadOnlyList<PrintedDate> Find(string line)
    {
        var text = Fold(line);
        var dates = new List<PrintedDate>();
        foreach (Match m in DayMonthNameYear().Matches(text))
            if (Month(m.Groups[2].Value.Replace('0', 'O').Replace('1', 'I')) is { } month)
                Add(dates, m.Groups[1].Value, month, m.Groups[3].Value, m.Value);
        foreach (Match m in DayMonthYear().Matches(text))
        {
            var g = m.Groups[1].Success ? 1 : 4; // separated, or eight digits with a separator or both lost
            var (day, month, year) = (m.Groups[g].Value, m.Groups[g + 1].Value, m.Groups[g + 2].Value);
            var (first, second) = (int.Parse(day), int.Parse(month));
            Add(dates, day, second, year, m.Value);
            // Month first in the United States (05/17/1990): both readings are kept when both are dates.
            if (first != second)
                Add(dates, month, first, year, m.Value);
        }
        foreach (Match m in YearMonthDay().Matches(text))
            Add(dates, m.Groups[3].Value, int.Parse(m.Groups[2].Value), m.Groups[1].Value, m.Value);
        return dates;
    }

    /// <summary>
    /// A month by its abbreviation or full name; a full name of six letters or more may hold one letter the OCR misread
    /// (<c>SEPTEMBFR</c>) when that leaves a single month: no two months' long names are one letter apart.
    /// </summary>
    private static int? Month(string word)
    {
        if (MonthNames.TryGetValue(word, out var month) || FullMonthNames.TryGetValue(word, out month))
            return month;
        if (word.Length < 6)
            return null;
        var near = FullMonthNames.Where(n => n.Key.Length >= 6 && EditDistance.Between(n.Key, word) <= 1).Select(n => n.Value).Distinct().ToList();
        return near.Count == 1 ? near[0] : null;
    }

    private static void Add(List<PrintedDate> dates, string day, int month, string year, string text)
    {
        var d = int.Parse(day);
        var y = int.Parse(year);
        var shortYear = year.Length == 2;
        if (month is < 1 or > 12 || d < 1 || d > (shortYear ? DateTime.DaysInMonth(2000, month) : DateTime.DaysInMonth(Math.Max(1, y), month)))
            return;
        dates.Add(new PrintedDate(d, month, y, shortYear, text));
    }

    /// <summary>Upper case, diacritics folded, runs of spaces collapsed; O, I, L next to a digit and no letter read as digits.</summary>
    private static string Fold(string line)
    {
        var folded = PrintedFieldMatcher.FoldCase(line);
        var chars = folded.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is not ('O' or 'I' or 'L'))
                continue;
            var before = i > 0 ? folded[i - 1] : ' ';
            var after = i + 1 < folded.Length ? folded[i + 1] : ' ';
            if (!char.IsAsciiLetter(before) && !char.IsAsciiLetter(after) && (char.IsAsciiDigit(before) || char.IsAsciiDigit(after)))
                chars[i] = chars[i] == 'O' ? '0' : '1';
        }
        return MultipleSpaces().Replace(new string(chars), " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex MultipleSpaces();
}
