namespace Ekyc.Verification.Documents.Mrz;

/// <summary>The data an MRZ encodes, for writing specimen MRZs (synthetic test documents, benchmarks).</summary>
public sealed record MrzFields(
    MrzFormat Format,
    string DocumentCode,
    string IssuingState,
    string Surname,
    string GivenNames,
    string DocumentNumber,
    string Nationality,
    string BirthDate,
    char Sex,
    string ExpiryDate,
    string Optional = "",
    string Optional2 = "");

/// <summary>Writes ICAO 9303 TD1/TD2/TD3 lines with every check digit; the inverse of <see cref="MrzParser"/>.</summary>
public static class MrzWriter
{
    public static IReadOnlyList<string> Write(MrzFields f)
    {
        var names = Names(f.Surname, f.GivenNames);
        var birth = f.BirthDate + Digit(f.BirthDate);
        var expiry = f.ExpiryDate + Digit(f.ExpiryDate);
        switch (f.Format)
        {
            case MrzFormat.Td1:
            {
                var number = f.DocumentNumber.Length <= 9
                    ? Pad(f.DocumentNumber, 9) + Digit(Pad(f.DocumentNumber, 9)) + Pad(f.Optional, 15)
                    // Long numbers: nine characters, a filler, the rest and its check digit lead the optional data.
                    : f.DocumentNumber[..9] + "<" + Pad(f.DocumentNumber[9..] + Digit(f.DocumentNumber) + "<" + f.Optional, 15);
                var line1 = Pad(f.DocumentCode, 2) + Pad(f.IssuingState, 3) + number;
                var line2Head = birth + f.Sex + expiry + Pad(f.Nationality, 3) + Pad(f.Optional2, 11);
                var composite = Digit(line1[5..30] + line2Head[..7] + line2Head[8..15] + line2Head[18..29]);
                return [line1, line2Head + composite, Pad(names, 30)];
            }
            case MrzFormat.Td2 or MrzFormat.Td3:
            {
                var length = f.Format == MrzFormat.Td3 ? 44 : 36;
                var line1 = Pad(f.DocumentCode, 2) + Pad(f.IssuingState, 3) + Pad(names, length - 5);
                var number = Pad(f.DocumentNumber, 9) + Digit(Pad(f.DocumentNumber, 9));
                var tail = f.Format == MrzFormat.Td3
                    ? Pad(f.Optional, 14) + (f.Optional.Length == 0 ? "<" : Digit(Pad(f.Optional, 14)))
                    : Pad(f.Optional, 7);
                var line2Head = number + Pad(f.Nationality, 3) + birth + f.Sex + expiry + tail;
                var composite = Digit(line2Head[..10] + line2Head[13..20] + line2Head[21..]);
                return [line1, line2Head + composite];
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(f), f.Format, "only TD1, TD2 and TD3 are written");
        }
    }

    /// <summary>
    /// Surname and given names joined by <c>&lt;&lt;</c>, as ICAO 9303 Part 3 writes them: spaces and hyphens become
    /// single fillers, apostrophes are left out (O'SULLIVAN is OSULLIVAN); the line cuts the result to its field.
    /// </summary>
    public static string Names(string surname, string given) => Name(surname) + "<<" + Name(given);

    private static string Name(string name) => name.Replace("'", "").Replace('-', '<').Replace(' ', '<');

    private static string Pad(string value, int length) =>
        value.Length >= length ? value[..length] : value + new string('<', length - value.Length);

    private static string Digit(string over) =>
        CheckDigit.Compute(over)?.ToString() ?? throw new ArgumentException($"'{over}' holds a non-MRZ character");
}
