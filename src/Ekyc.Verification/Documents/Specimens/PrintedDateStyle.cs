namespace Ekyc.Verification.Documents.Specimens;

/// <summary>How a specimen prints its dates in the visual zone (the forms seen on real documents).</summary>
public enum PrintedDateStyle
{
    /// <summary><c>12 APR 1989</c> (ICAO's recommended form, most passports).</summary>
    DayMonthNameYear,
    /// <summary><c>12 APR/AVR 89</c>: bilingual month, two-digit year (Canadian, French and Swiss passports).</summary>
    BilingualMonthShortYear,
    /// <summary><c>17 05 1990</c> (German, Dutch ID cards).</summary>
    DigitsSpaced,
    /// <summary><c>17.05.1990</c> (French, Belgian, Swiss ID cards).</summary>
    DigitsDotted,
}
