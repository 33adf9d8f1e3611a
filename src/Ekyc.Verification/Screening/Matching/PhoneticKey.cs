using System.Text;

namespace Ekyc.Verification.Screening.Matching;

/// <summary>
/// A coarse sound key for romanised names, so that spellings from different transliteration systems meet
/// (<c>khaled</c>/<c>haled</c>, <c>yousef</c>/<c>jusuf</c>, <c>tchaikovsky</c>/<c>chaykovskiy</c>): digraphs folded,
/// voiced/unvoiced pairs merged, vowels dropped after the first letter, repeats collapsed.
/// </summary>
internal static class PhoneticKey
{
    private static readonly (string From, string To)[] Digraphs =
    [
        ("tch", "c"), ("sch", "s"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"), ("dh", "d"), ("sh", "s"), ("ch", "c"),
        ("zh", "j"), ("ck", "k"), ("ts", "c"), ("tz", "c"), ("dj", "j"), ("dzh", "j"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
    ];

    public static string Of(string token)
    {
        if (token.Length == 0)
        {
            return token;
        }
        var text = token;
        foreach (var (from, to) in Digraphs)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        var builder = new StringBuilder(text.Length);
        var last = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var mapped = Map(text[i]);
            var vowel = mapped is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' or 'h';
            if (i == 0)
            {
                mapped = vowel ? 'a' : mapped;
            }
            else if (vowel || mapped == last)
            {
                last = vowel ? last : mapped;
                continue;
            }
            builder.Append(mapped);
            last = mapped;
        }
        return builder.ToString();
    }

    private static char Map(char c) => c switch
    {
        'b' or 'p' => 'p',
        'd' or 't' => 't',
        'g' or 'k' or 'q' or 'c' => 'k',
        'v' or 'f' => 'f',
        'z' or 's' or 'x' => 's',
        'j' => 'j',
        _ => c,
    };
}
