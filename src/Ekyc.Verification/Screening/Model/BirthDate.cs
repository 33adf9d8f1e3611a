namespace Ekyc.Verification.Screening.Model;

/// <summary>
/// A listed birth date at the precision the list gives it: a year, a month or a day, optionally a range
/// of years (UN <c>BETWEEN</c>, OFAC <c>1960 to 1962</c>) or approximate (UN <c>APPROXIMATELY</c>, OFAC <c>circa</c>).
/// </summary>
public sealed record BirthDate(int Year, int? Month = null, int? Day = null, int? ToYear = null, bool Approximate = false)
{
    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>Parses ISO prefixes (<c>1972</c>, <c>1972-05</c>, <c>1972-05-03</c>); null when not a plausible date.</summary>
    public static BirthDate? ParseIso(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parts = text.Trim().Split('-');
        if (parts.Length is < 1 or > 3 || !int.TryParse(parts[0], out var year) || !IsPlausibleYear(year))
        {
            return null;
        }
        int? month = parts.Length > 1 && int.TryParse(parts[1], out var m) && m is >= 1 and <= 12 ? m : null;
        int? day = month is not null && parts.Length > 2 && int.TryParse(parts[2].AsSpan(0, Math.Min(2, parts[2].Length)), out var d)
            && d >= 1 && d <= DateTime.DaysInMonth(year, month.Value) ? d : null;
        return new BirthDate(year, month, day);
    }

    public static bool IsPlausibleYear(int year) => year is >= 1850 and <= 2100;

    public override string ToString()
    {
        var core = Precision switch
        {
            DatePrecision.Day => $"{Year:D4}-{Month:D2}-{Day:D2}",
            DatePrecision.Month => $"{Year:D4}-{Month:D2}",
            _ => $"{Year:D4}",
        };
        return (ToYear is not null ? $"{core}..{ToYear}" : core) + (Approximate ? "~" : "");
    }
}

/// <summary>How much of a birth date a list states.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
}
