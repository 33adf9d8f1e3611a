namespace Ekyc.Verification.Documents.Mrz;

/// <summary>Syntax rules a check digit cannot see: dates that exist, a known sex marker, letters in codes.</summary>
internal static class MrzFieldRules
{
    public static List<string> Validate(MrzResult mrz)
    {
        var errors = new List<string>();
        if (mrz.DocumentCode.Length == 0 || !char.IsAsciiLetterUpper(mrz.DocumentCode[0]))
            errors.Add("documentCode: must start with a letter");
        if (!IsCode(mrz.IssuingState))
            errors.Add("issuingState: not a letter code");
        if (mrz.Nationality is { } nationality && !IsCode(nationality))
            errors.Add("nationality: not a letter code");
        if (!IsDate(mrz.BirthDate))
            errors.Add("birthDate: not a calendar date");
        if (mrz.ExpiryDate is { } expiry && !IsDate(expiry))
            errors.Add("expiryDate: not a calendar date");
        if (mrz.Sex is not ("M" or "F" or "X" or "<"))
            errors.Add("sex: not M, F, X or <");
        return errors;
    }

    private static bool IsCode(string code) => code.Length is >= 1 and <= 3 && code.All(char.IsAsciiLetterUpper);

    /// <summary>YYMMDD with a real month and a day that exists in that month (29 February in any year: the century is unknown).</summary>
    public static bool IsDate(string yymmdd)
    {
        if (yymmdd.Length != 6 || !yymmdd.All(char.IsAsciiDigit))
            return false;
        var month = int.Parse(yymmdd.AsSpan(2, 2));
        var day = int.Parse(yymmdd.AsSpan(4, 2));
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month);
    }
}
