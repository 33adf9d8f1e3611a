using FsCheck;
using FsCheck.Fluent;

namespace Ekyc.Fuzz.Mutations;

/// <summary>
/// Mutations of text inputs (MRZ lines, AAMVA payloads, list files): characters from the format's own alphabet and from
/// the places parsers trip (separators, control characters, non-ASCII digits and whitespace, lone surrogates), lines
/// dropped, repeated, swapped or cut, and wholly random lines.
/// </summary>
public static class TextMutations
{
    /// <summary>Characters that look like structure to some parser.</summary>
    private static readonly char[] Hostile =
    [
        '\0', '\t', '\n', '\r', '\u001e', '\u001c', '\u001d', '\u001a', '|', ',', ';', '"', '\'', '<', '>', '&', '{', '}', '[', ']',
        ':', '-', ' ', '\u00a0', '\u2003', '\u0663', '\u0967', '\uff11', '\u00bd', '\u0130', '\u00df', '\ufb00', '\ud800', '\udc00',
        '\ufeff', '\u202e', '\u00ff', '\u0085', '\u2028',
    ];

    public static Gen<string> Once(string text, string alphabet, IReadOnlyList<string> donors)
    {
        var pool = (alphabet + new string(Hostile)).ToCharArray();
        var ch = Gen.Elements(pool);
        if (text.Length == 0)
            return Gen.ArrayOf(ch).Select(c => new string(c));
        var lines = text.Split('\n');
        return Gen.Frequency(
            (4, from at in Gen.Choose(0, text.Length - 1) from c in ch select text[..at] + c + text[(at + 1)..]),
            (3, from at in Gen.Choose(0, text.Length) from s in Gen.ArrayOf(ch, 8) select text[..at] + new string(s) + text[at..]),
            (2, from at in Gen.Choose(0, text.Length - 1) from n in Gen.Choose(1, 16) select text[..at] + text[Math.Min(text.Length, at + n)..]),
            (2, Gen.Choose(0, text.Length - 1).Select(n => text[..n])),
            (2, from i in Gen.Choose(0, lines.Length - 1) select string.Join('\n', lines.Where((_, k) => k != i))),
            (2, from i in Gen.Choose(0, lines.Length - 1) select string.Join('\n', lines.Take(i + 1).Append(lines[i]).Concat(lines.Skip(i + 1)))),
            (1, from i in Gen.Choose(0, lines.Length - 1) from j in Gen.Choose(0, lines.Length - 1) select string.Join('\n', Swap(lines, i, j))),
            (1, from i in Gen.Choose(0, lines.Length - 1) from n in Gen.Choose(0, 80) from s in Gen.ArrayOf(ch, n)
                select string.Join('\n', lines.Select((l, k) => k == i ? new string(s) : l))),
            (1, from donor in Gen.Elements(donors.DefaultIfEmpty(text)) from cut in Gen.Choose(0, text.Length) from at in Gen.Choose(0, donor.Length)
                select text[..cut] + donor[at..]));
    }

    private static string[] Swap(string[] lines, int i, int j)
    {
        var copy = (string[])lines.Clone();
        (copy[i], copy[j]) = (copy[j], copy[i]);
        return copy;
    }
}
