using System.Globalization;
using System.Text.RegularExpressions;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Loaders;

/// <summary>
/// Birth dates as OFAC writes them in Remarks and the CSL in its column: <c>14 Jun 1975</c>, <c>Jun 1975</c>,
/// <c>1975</c>, <c>circa 1970</c>, <c>1984 to 1986</c>, <c>01 Jan 1961 to 31 Dec 1963</c>, ISO prefixes.
/// </summary>
internal static partial class OfacDateParser
{
    public static BirthDate? Parse(string text)
    {
        var value = text.Trim().TrimEnd('.').Trim();
        var approximate = false;
        if (value.StartsWith("circa ", StringComparison.OrdinalIgnoreCase))
        {
            approximate = true;
            value = value[6..].Trim();
        }
        var range = value.Split(" to ", 2, StringSplitOptions.TrimEntries);
        var start = ParseSingle(range[0]);
        if (start is null)
        {
            return null;
        }
        if (range.Length == 2 && ParseSingle(range[1]) is { } to && to.Year >= start.Year)
        {
            // A span of whole years is a year range; the day/month bounds add nothing.
            return to.Year == start.Year ? new BirthDate(start.Year, Approximate: approximate) : new BirthDate(start.Year, ToYear: to.Year, Approximate: approximate);
        }
        return start with { Approximate = approximate };
    }

    private static BirthDate? ParseSingle(string text)
    {
        if (BirthDate.ParseIso(text) is { } iso && IsoShape().IsMatch(text))
        {
            return iso;
        }
        string[] formats = ["dd MMM yyyy", "d MMM yyyy", "MMM yyyy"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && BirthDate.IsPlausibleYear(date.Year))
        {
            return char.IsDigit(text[0]) ? new BirthDate(date.Year, date.Month, date.Day) : new BirthDate(date.Year, date.Month);
        }
        return null;
    }

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex IsoShape();
}
