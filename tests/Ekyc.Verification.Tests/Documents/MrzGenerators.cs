using Ekyc.Verification.Documents.Mrz;
using FsCheck;
using FsCheck.Fluent;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>FsCheck generators of valid MRZ field sets (TD1, TD2, TD3) and of single-character edits.</summary>
internal static class MrzGenerators
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    public const string MrzChars = Letters + Digits + "<";

    private static Gen<string> Text(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
        select new string(chars);

    private static Gen<string> Date() =>
        from year in Gen.Choose(0, 99)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, DateTime.DaysInMonth(2000, month))
        select $"{year:00}{month:00}{day:00}";

    private static Gen<string> Name() =>
        from first in Text(Letters, 1, 8)
        from second in Gen.OneOf(Gen.Constant(""), Text(Letters, 1, 6).Select(s => " " + s))
        select first + second;

    public static Gen<MrzFields> Fields() =>
        from format in Gen.Elements(MrzFormat.Td1, MrzFormat.Td2, MrzFormat.Td3)
        from state in Gen.Elements("GBR", "FRA", "D", "UTO", "NLD", "USA", "XXA", "UNO")
        from nationality in Gen.Elements("GBR", "FRA", "D", "CHE", "XXA", "UNA")
        from surname in Name()
        from given in Name()
        from number in Text(Letters + Digits, 6, format == MrzFormat.Td1 ? 12 : 9)
        from birth in Date()
        from expiry in Date()
        from sex in Gen.Elements('M', 'F', 'X', '<')
        from optional in Text(Letters + Digits, 0, format == MrzFormat.Td2 ? 7 : format == MrzFormat.Td3 ? 14 : 3)
        select new MrzFields(format, format == MrzFormat.Td3 ? "P" : "I", state, surname, given, number,
            nationality, birth, sex, expiry, optional);

    /// <summary>A valid MRZ and one position covered by a check digit, changed to another MRZ character.</summary>
    public static Gen<(MrzFields Fields, IReadOnlyList<string> Lines, int Line, int Column, char To)> SingleEdit() =>
        from fields in Fields()
        let lines = MrzWriter.Write(fields)
        let covered = CoveredPositions(fields.Format)
        from position in Gen.Elements(covered.ToArray())
        from to in Gen.Elements(MrzChars.ToCharArray())
        where to != lines[position.Line][position.Column]
        select (fields, lines, position.Line, position.Column, to);

    /// <summary>Positions inside a check-digit-covered field or on a check digit.</summary>
    private static IEnumerable<(int Line, int Column)> CoveredPositions(MrzFormat format) => format switch
    {
        MrzFormat.Td1 => Enumerable.Range(5, 25).Select(c => (0, c))
            .Concat(Enumerable.Range(0, 15).Select(c => (1, c)).Where(p => p.c != 7))
            .Concat(Enumerable.Range(18, 12).Select(c => (1, c))),
        MrzFormat.Td2 => Enumerable.Range(0, 36).Where(c => c is < 10 or (>= 13 and < 20) or >= 21).Select(c => (1, c)),
        _ => Enumerable.Range(0, 44).Where(c => c is < 10 or (>= 13 and < 20) or >= 21).Select(c => (1, c)),
    };
}
