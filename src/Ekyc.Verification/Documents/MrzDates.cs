namespace Ekyc.Verification.Documents;

/// <summary>Turns two-digit MRZ years into dates: a birth date is never in the future, an expiry lies within 50 years of today.</summary>
public static class MrzDates
{
    public static DateOnly? Birth(string yymmdd, DateOnly today)
    {
        if (!TryParts(yymmdd, out var yy, out var month, out var day))
            return null;
        var date = Make(2000 + yy, month, day);
        return date is { } d && d > today ? Make(1900 + yy, month, day) : date;
    }

    public static DateOnly? Expiry(string yymmdd, DateOnly today)
    {
        if (!TryParts(yymmdd, out var yy, out var month, out var day))
            return null;
        var year = 2000 + yy > today.Year + 50 ? 1900 + yy : 2000 + yy;
        return Make(year, month, day);
    }

    private static bool TryParts(string yymmdd, out int yy, out int month, out int day)
    {
        yy = month = day = 0;
        return yymmdd.Length == 6 && yymmdd.All(char.IsAsciiDigit)
            && int.TryParse(yymmdd[..2], out yy) && int.TryParse(yymmdd[2..4], out month) && int.TryParse(yymmdd[4..], out day);
    }

    private static DateOnly? Make(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}
