using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Ekyc.Verification.Screening.Model;

/// <summary>
/// Resolves country names, demonyms and ISO/ICAO codes to lower-case ISO 3166 alpha-2 codes. The table is
/// built from the platform's ICU region data plus the spellings sanctions lists use that ICU does not know.
/// </summary>
public static class Countries
{
    // Spellings used by OFAC, the UN and ICAO 9303 (D for Germany, GBD/GBN… for British nationals).
    private static readonly (string Alias, string Code)[] Aliases =
    [
        ("D", "de"), ("GBD", "gb"), ("GBN", "gb"), ("GBO", "gb"), ("GBS", "gb"), ("GBP", "gb"), ("UNK", "xk"), ("RKS", "xk"),
        ("Russia", "ru"), ("Russian Federation", "ru"), ("Russian", "ru"), ("Iran", "ir"), ("Iran (Islamic Republic of)", "ir"), ("Iranian", "ir"),
        ("Syria", "sy"), ("Syrian Arab Republic", "sy"), ("Syrian", "sy"), ("North Korea", "kp"), ("Korea, North", "kp"),
        ("Democratic People's Republic of Korea", "kp"), ("Korea (Democratic People's Republic of)", "kp"), ("South Korea", "kr"),
        ("Korea, South", "kr"), ("Republic of Korea", "kr"), ("Palestinian", "ps"), ("Palestine", "ps"), ("State of Palestine", "ps"),
        ("West Bank", "ps"), ("Gaza", "ps"), ("Burma", "mm"), ("Myanmar", "mm"), ("Congo, Democratic Republic of the", "cd"),
        ("Democratic Republic of the Congo", "cd"), ("Congo", "cg"), ("Republic of the Congo", "cg"), ("Congo, Republic of the", "cg"), ("Ivory Coast", "ci"),
        ("Cote d'Ivoire", "ci"), ("Côte d'Ivoire", "ci"), ("Venezuela", "ve"), ("Bolivia", "bo"), ("Tanzania", "tz"),
        ("United Republic of Tanzania", "tz"), ("Vietnam", "vn"), ("Viet Nam", "vn"), ("Laos", "la"), ("Lao People's Democratic Republic", "la"),
        ("Moldova", "md"), ("Republic of Moldova", "md"), ("Turkey", "tr"), ("Türkiye", "tr"), ("Czech Republic", "cz"), ("Czechia", "cz"),
        ("United States", "us"), ("United States of America", "us"), ("USA", "us"), ("American", "us"), ("United Kingdom", "gb"),
        ("United Kingdom of Great Britain and Northern Ireland", "gb"), ("British", "gb"), ("UK", "gb"), ("Afghan", "af"),
        ("Iraqi", "iq"), ("Saudi", "sa"), ("Saudi Arabian", "sa"), ("Egyptian", "eg"), ("Jordanian", "jo"), ("Lebanese", "lb"),
        ("Yemeni", "ye"), ("Libyan", "ly"), ("Sudanese", "sd"), ("Somali", "so"), ("Pakistani", "pk"), ("Kuwaiti", "kw"),
        ("Algerian", "dz"), ("Tunisian", "tn"), ("Moroccan", "ma"), ("Chinese", "cn"), ("Cuban", "cu"), ("Mexican", "mx"),
        ("Colombian", "co"), ("Venezuelan", "ve"), ("Ukrainian", "ua"), ("Belarusian", "by"), ("German", "de"), ("French", "fr"),
        ("Indonesian", "id"), ("Filipino", "ph"), ("Philippine", "ph"), ("Malaysian", "my"), ("Nigerian", "ng"), ("Kenyan", "ke"),
        ("Ethiopian", "et"), ("Eritrean", "er"), ("Qatari", "qa"), ("Emirati", "ae"), ("Bahraini", "bh"), ("Omani", "om"),
        ("Turkish", "tr"), ("Indian", "in"), ("Bangladeshi", "bd"), ("Sri Lankan", "lk"), ("Uzbek", "uz"), ("Tajik", "tj"),
        ("Kazakh", "kz"), ("Kyrgyz", "kg"), ("Azerbaijani", "az"), ("Georgian", "ge"), ("Armenian", "am"), ("Israeli", "il"),
        ("Macedonia", "mk"), ("North Macedonia", "mk"), ("Kosovo", "xk"), ("Micronesia", "fm"), ("Holy See", "va"), ("Vatican", "va"),
        ("Brunei", "bn"), ("Cape Verde", "cv"), ("Cabo Verde", "cv"), ("Swaziland", "sz"), ("Eswatini", "sz"), ("East Timor", "tl"),
        ("Timor-Leste", "tl"), ("Hong Kong", "hk"), ("Macau", "mo"), ("Macao", "mo"), ("Taiwan", "tw"),
    ];

    // Declared after the aliases: static fields initialise in textual order.
    private static readonly FrozenDictionary<string, string> Lookup = Build();

    /// <summary>The alpha-2 code for a name or code, or null when unknown.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var key = Key(text);
        return Lookup.TryGetValue(key, out var code) ? code : null;
    }

    // "Saint Kitts and Nevis" and ICU's "St. Kitts & Nevis", "Sao Tome" and "São Tomé" give one key.
    private static string Key(string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        if (lower.Length <= 3 && lower.All(char.IsAsciiLetterLower))
        {
            return lower;
        }
        var plain = Ascii.IsValid(lower) ? lower : new string(lower.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
        return string.Join(' ', plain.Replace("&", " and ").Split([' ', ',', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w != "the").Select(w => w == "st" ? "saint" : w));
    }

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }
            if (region.TwoLetterISORegionName.Length != 2 || !char.IsLetter(region.TwoLetterISORegionName[0]))
            {
                continue;
            }
            var code = region.TwoLetterISORegionName.ToLowerInvariant();
            map.TryAdd(code, code);
            map.TryAdd(region.ThreeLetterISORegionName.ToLowerInvariant(), code);
            map.TryAdd(Key(region.EnglishName), code);
        }
        foreach (var (alias, code) in Aliases)
        {
            map[Key(alias)] = code;
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
