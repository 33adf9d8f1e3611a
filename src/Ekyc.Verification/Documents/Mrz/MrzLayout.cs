namespace Ekyc.Verification.Documents.Mrz;

/// <summary>A run of characters on one MRZ line (0-based).</summary>
internal readonly record struct MrzSpan(int Line, int Start, int Length)
{
    public string Read(IReadOnlyList<char[]> lines) => new(lines[Line], Start, Length);
}

/// <summary>A named field of a layout and the characters it may hold.</summary>
internal sealed record MrzFieldSpec(string Name, MrzSpan Span, MrzCharClass Class);

/// <summary>A check digit: the spans it covers, where it is printed, and whether <c>&lt;</c> stands for an empty field.</summary>
internal sealed record MrzCheckSpec(string Field, MrzSpan[] Over, MrzSpan Digit, bool FillerWhenEmpty = false);

/// <summary>Where each field and check digit sits in one MRZ format (ICAO 9303 Parts 4–7).</summary>
internal sealed record MrzLayout(MrzFormat Format, int LineCount, int LineLength, MrzFieldSpec[] Fields, MrzCheckSpec[] Checks)
{
    public MrzFieldSpec Field(string name) => Fields.First(f => f.Name == name);

    public static MrzLayout For(MrzFormat format) => format switch
    {
        MrzFormat.Td1 => Td1,
        MrzFormat.Td2 => TwoLine(MrzFormat.Td2, 36, composite: true),
        MrzFormat.Td3 => TwoLine(MrzFormat.Td3, 44, composite: true),
        MrzFormat.MrvA => TwoLine(MrzFormat.MrvA, 44, composite: false),
        MrzFormat.MrvB => TwoLine(MrzFormat.MrvB, 36, composite: false),
        MrzFormat.FrenchNationalId => French,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>
    /// The TD1 document number's check when the number fits its nine characters; the parser resolves it (a longer number
    /// overflows into the optional data, its check digit after it), so it is not among the layout's checks.
    /// </summary>
    public static readonly MrzCheckSpec Td1ShortNumberCheck = new("documentNumber", [new(0, 5, 9)], new(0, 14, 1));

    private static readonly MrzLayout Td1 = new(MrzFormat.Td1, 3, 30,
    [
        new("documentCode", new(0, 0, 2), MrzCharClass.Alpha),
        new("issuingState", new(0, 2, 3), MrzCharClass.Alpha),
        new("documentNumber", new(0, 5, 9), MrzCharClass.AlphaNumeric),
        new("documentNumberCheck", new(0, 14, 1), MrzCharClass.NumericOrFiller),
        new("optional1", new(0, 15, 15), MrzCharClass.AlphaNumeric),
        new("birthDate", new(1, 0, 6), MrzCharClass.Numeric),
        new("birthDateCheck", new(1, 6, 1), MrzCharClass.Numeric),
        new("sex", new(1, 7, 1), MrzCharClass.Sex),
        new("expiryDate", new(1, 8, 6), MrzCharClass.Numeric),
        new("expiryDateCheck", new(1, 14, 1), MrzCharClass.Numeric),
        new("nationality", new(1, 15, 3), MrzCharClass.Alpha),
        new("optional2", new(1, 18, 11), MrzCharClass.AlphaNumeric),
        new("compositeCheck", new(1, 29, 1), MrzCharClass.Numeric),
        new("names", new(2, 0, 30), MrzCharClass.Alpha),
    ],
    [
        // The document number check of TD1 is resolved by the parser (long numbers overflow into optional1).
        new("birthDate", [new(1, 0, 6)], new(1, 6, 1)),
        new("expiryDate", [new(1, 8, 6)], new(1, 14, 1)),
        new("composite", [new(0, 5, 25), new(1, 0, 7), new(1, 8, 7), new(1, 18, 11)], new(1, 29, 1)),
    ]);

    private static readonly MrzLayout French = new(MrzFormat.FrenchNationalId, 2, 36,
    [
        new("documentCode", new(0, 0, 2), MrzCharClass.Alpha),
        new("issuingState", new(0, 2, 3), MrzCharClass.Alpha),
        new("surname", new(0, 5, 25), MrzCharClass.Alpha),
        new("administrativeCode", new(0, 30, 6), MrzCharClass.AlphaNumeric),
        new("issueDate", new(1, 0, 4), MrzCharClass.Numeric),
        new("office", new(1, 4, 3), MrzCharClass.AlphaNumeric),
        new("sequence", new(1, 7, 5), MrzCharClass.Numeric),
        new("documentNumberCheck", new(1, 12, 1), MrzCharClass.Numeric),
        new("givenNames", new(1, 13, 14), MrzCharClass.Alpha),
        new("birthDate", new(1, 27, 6), MrzCharClass.Numeric),
        new("birthDateCheck", new(1, 33, 1), MrzCharClass.Numeric),
        new("sex", new(1, 34, 1), MrzCharClass.Sex),
        new("compositeCheck", new(1, 35, 1), MrzCharClass.Numeric),
    ],
    [
        new("documentNumber", [new(1, 0, 12)], new(1, 12, 1)),
        new("birthDate", [new(1, 27, 6)], new(1, 33, 1)),
        new("composite", [new(0, 0, 36), new(1, 0, 35)], new(1, 35, 1)),
    ]);

    /// <summary>TD2, TD3 and both visas share line 2 up to the expiry check digit; they differ in the tail.</summary>
    private static MrzLayout TwoLine(MrzFormat format, int length, bool composite)
    {
        var tail = format == MrzFormat.Td3 ? 14 : length - 28 - (composite ? 1 : 0);
        var fields = new List<MrzFieldSpec>
        {
            new("documentCode", new(0, 0, 2), MrzCharClass.Alpha),
            new("issuingState", new(0, 2, 3), MrzCharClass.Alpha),
            new("names", new(0, 5, length - 5), MrzCharClass.Alpha),
            new("documentNumber", new(1, 0, 9), MrzCharClass.AlphaNumeric),
            new("documentNumberCheck", new(1, 9, 1), MrzCharClass.Numeric),
            new("nationality", new(1, 10, 3), MrzCharClass.Alpha),
            new("birthDate", new(1, 13, 6), MrzCharClass.Numeric),
            new("birthDateCheck", new(1, 19, 1), MrzCharClass.Numeric),
            new("sex", new(1, 20, 1), MrzCharClass.Sex),
            new("expiryDate", new(1, 21, 6), MrzCharClass.Numeric),
            new("expiryDateCheck", new(1, 27, 1), MrzCharClass.Numeric),
            new(format == MrzFormat.Td3 ? "personalNumber" : "optionalData", new(1, 28, tail), MrzCharClass.AlphaNumeric),
        };
        var checks = new List<MrzCheckSpec>
        {
            new("documentNumber", [new(1, 0, 9)], new(1, 9, 1)),
            new("birthDate", [new(1, 13, 6)], new(1, 19, 1)),
            new("expiryDate", [new(1, 21, 6)], new(1, 27, 1)),
        };
        if (format == MrzFormat.Td3)
        {
            fields.Add(new("personalNumberCheck", new(1, 42, 1), MrzCharClass.NumericOrFiller));
            checks.Add(new("personalNumber", [new(1, 28, 14)], new(1, 42, 1), FillerWhenEmpty: true));
        }
        if (composite)
        {
            fields.Add(new("compositeCheck", new(1, length - 1, 1), MrzCharClass.Numeric));
            checks.Add(new("composite", [new(1, 0, 10), new(1, 13, 7), new(1, 21, length - 22)], new(1, length - 1, 1)));
        }
        return new MrzLayout(format, 2, length, [.. fields], [.. checks]);
    }
}
