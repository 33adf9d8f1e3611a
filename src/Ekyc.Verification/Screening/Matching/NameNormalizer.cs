using System.Text;
using AnyAscii;

namespace Ekyc.Verification.Screening.Matching;

/// <summary>
/// Turns a name in any script into lower-case ASCII tokens: Unicode NFKC, transliteration with AnyAscii,
/// apostrophes dropped (<c>CHO'NG</c> → <c>chong</c>), other punctuation split, titles removed and company
/// legal forms reduced to one canonical token (<c>Open Joint Stock Company</c> → <c>jsc</c>).
/// </summary>
public static class NameNormalizer
{
    public const int MaxLength = 300;

    /// <param name="name">The name as written.</param>
    /// <param name="organization">Reduce company legal forms (never done for people: <c>Ao</c> is also a surname).</param>
    public static NormalizedName Normalize(string? name, bool organization = false) => new(name ?? "", Tokens(name, organization));

    /// <summary>The tokens alone, for callers that build the name themselves (the index interns them).</summary>
    internal static List<string> Tokens(string? name, bool organization)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }
        // No real name is longer; the cap bounds the work an absurd input can cause.
        var text = name.Length > MaxLength ? name[..MaxLength] : name;
        var ascii = text.Normalize(NormalizationForm.FormKC).Transliterate();
        var builder = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c == '&')
            {
                builder.Append(" & ");
            }
            else if (c is not ('\'' or '`' or '"'))
            {
                builder.Append(' ');
            }
        }
        var tokens = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var kept = tokens.Where(t => !NameData.Stopwords.Contains(t)).ToList();
        var result = kept.Count > 0 ? kept : tokens;
        return organization ? ReplaceLegalForms(result) : result;
    }

    private static List<string> ReplaceLegalForms(List<string> tokens)
    {
        var result = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count;)
        {
            var replaced = false;
            foreach (var (phrase, canonical) in NameData.LegalFormPhrases)
            {
                if (phrase.Length > 0 && phrase[0] == tokens[i] && i + phrase.Length <= tokens.Count && Matches(tokens, i, phrase))
                {
                    result.Add(canonical);
                    i += phrase.Length;
                    replaced = true;
                    break;
                }
            }
            if (!replaced)
            {
                result.Add(tokens[i++]);
            }
        }
        return result;
    }

    private static bool Matches(List<string> tokens, int start, string[] phrase)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            if (tokens[start + k] != phrase[k])
            {
                return false;
            }
        }
        return true;
    }
}
