using System.Globalization;
using System.Text.RegularExpressions;

namespace Ekyc.Verification.Documents.Aamva;

/// <summary>
/// Lenient AAMVA DL/ID (PDF417) parser. Real payloads break the standard in many ways — a UTF-8 BOM, garbage before
/// the header, <c>AAMVA</c> instead of <c>ANSI </c>, missing or replaced separators, pipes instead of line feeds,
/// wrong subfile offsets — so it finds the header by its file type, ignores the offsets, finds the DL/ID subfile by
/// its first element and splits elements on any separator. Dates are MMDDCCYY in the USA from version 2 and
/// CCYYMMDD in version 1 and in Canada; when the expected order gives no date, the other is tried.
/// </summary>
public static partial class AamvaParser
{
    private static readonly HashSet<string> CanadianJurisdictions =
        ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"];

    public static AamvaParseResult Parse(string payload)
    {
        var quirks = new List<string>();
        if (payload.StartsWith('\uFEFF'))
            quirks.Add("utf8-bom");
        var header = HeaderPattern().Match(payload);
        if (!header.Success)
            return new AamvaParseResult(null, "no AAMVA header (\"ANSI \" or \"AAMVA\" followed by an issuer number)");
        if (header.Groups["type"].Value == "AAMVA")
            quirks.Add("file-type-AAMVA");
        if (payload.IndexOf('@') is var at && (at < 0 || payload[..at].Trim('\uFEFF').Length > 0))
            quirks.Add("leading-garbage");
        if (!payload.Contains('\u001e'))
            quirks.Add("record-separator-missing");
        if (payload.Contains('|'))
            quirks.Add("pipe-separators");

        var version = int.Parse(header.Groups["version"].Value, CultureInfo.InvariantCulture);
        var rest = header.Groups["rest"].Value;
        int? jurisdictionVersion = null, entries = null;
        if (version >= 2 && rest.Length >= 4 && rest[..4].All(char.IsAsciiDigit))
        {
            jurisdictionVersion = int.Parse(rest[..2], CultureInfo.InvariantCulture);
            entries = int.Parse(rest[2..4], CultureInfo.InvariantCulture);
        }
        else if (rest.Length >= 2 && rest[..2].All(char.IsAsciiDigit))
            entries = int.Parse(rest[..2], CultureInfo.InvariantCulture);
        var info = new AamvaHeader(header.Groups["type"].Value, header.Groups["iin"].Value, version, jurisdictionVersion, entries, quirks);

        var body = payload[(header.Groups["rest"].Index)..];
        // Data follows the subfile designators (type, offset, length); the offsets are too often wrong to use, and old
        // cards omit the type at the start of the data.
        var subfileType = "DL";
        int start;
        if (DesignatorPattern().Match(body) is { Success: true } designators)
        {
            subfileType = designators.Groups[1].Value;
            start = designators.Index + designators.Length;
            if (SubfilePattern().Match(body, start) is { Success: true } typed && typed.Index == start)
                start += 2;
            else
                quirks.Add("subfile-type-missing");
        }
        else if (SubfilePattern().Match(body) is { Success: true } subfile)
        {
            subfileType = subfile.Groups[1].Value;
            start = subfile.Index + 2;
            quirks.Add("designators-malformed");
        }
        else
            return new AamvaParseResult(null, "no DL or ID subfile");
        var elements = Elements(body[start..]);
        return new AamvaParseResult(Build(info, subfileType, elements), null);
    }

    /// <summary>Element identifier (three capitals) and value, one per separator-delimited token; the first occurrence wins.</summary>
    private static Dictionary<string, string> Elements(string data)
    {
        var elements = new Dictionary<string, string>();
        foreach (var token in Separators().Split(data))
        {
            if (token.Length < 3 || !token[..3].All(char.IsAsciiLetterUpper))
                continue;
            elements.TryAdd(token[..3], token[3..].Trim());
        }
        return elements;
    }

    private static AamvaLicence Build(AamvaHeader header, string subfileType, Dictionary<string, string> e)
    {
        string? Get(string id) => e.TryGetValue(id, out var v) && v.Trim(',', ' ') is { Length: > 0 } t ? t : null;

        var jurisdiction = Get("DAJ") ?? Get("DAO");
        var country = Get("DCG") switch
        {
            "CAN" => "Canada",
            "USA" => "Usa",
            _ => jurisdiction is not null && CanadianJurisdictions.Contains(jurisdiction) ? "Canada" : "Usa",
        };
        var (first, middle, last, suffix) = Names(Get);
        var yearFirst = header.Version == 1 || country == "Canada";
        var licence = new AamvaLicence
        {
            Header = header,
            SubfileType = subfileType,
            First = first,
            Middle = middle,
            Last = last,
            Suffix = suffix,
            // Version 1 cards may fill the residence address (DAL…DAP) instead of the mailing one (DAG…DAK).
            StreetLine1 = Get("DAG") ?? Get("DAL"),
            StreetLine2 = Get("DAH") ?? Get("DAM"),
            City = Get("DAI") ?? Get("DAN"),
            JurisdictionCode = jurisdiction,
            PostalCode = (Get("DAK") ?? Get("DAP")) is { } postal ? PostalCode(postal, country) : null,
            IdNumber = Get("DAQ"),
            VehicleClass = Get("DCA") ?? Get("DAR"),
            DateOfBirth = Date(Get("DBB"), yearFirst),
            IssueDate = Date(Get("DBD"), yearFirst),
            ExpirationDate = Date(Get("DBA"), yearFirst),
            RevisionDate = Date(Get("DDB"), yearFirst),
            Sex = Get("DBC") switch { "1" or "M" => "Male", "2" or "F" => "Female", _ => null },
            Country = country,
            ComplianceType = Get("DDA") switch
            {
                "F" => "FullyCompliant",
                "M" => "MateriallyCompliant",
                "N" => "NonCompliant",
                _ => null,
            },
            Elements = e,
        };
        var missing = new List<string>();
        if (licence.Last is null) missing.Add("last_name");
        if (licence.First is null) missing.Add("first_name");
        if (licence.IdNumber is null) missing.Add("id_number");
        if (licence.DateOfBirth is null) missing.Add("date_of_birth");
        if (licence.ExpirationDate is null) missing.Add("expiration_date");
        return licence with { MissingMandatory = missing };
    }

    /// <summary>
    /// Names by version: DCS/DAC/DAD (v3+), DCS/DCT "FIRST MIDDLE" (v2), DAB/DAC/DAD or DAA (v1) — DAA either
    /// "LAST,FIRST,MIDDLE,SUFFIX" or "FIRST MIDDLE… LAST" without commas.
    /// </summary>
    private static (string? First, string? Middle, string? Last, string? Suffix) Names(Func<string, string?> get)
    {
        var last = get("DCS") ?? get("DAB");
        var first = get("DAC");
        var middle = get("DAD");
        var suffix = get("DCU") ?? get("DAE");
        // A value of separators and other whitespace ("," + U+2003 + ",") splits into nothing: no given name.
        if (first is null && get("DCT")?.Split([',', ' '], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var firstGiven, .. var moreGiven])
        {
            first = firstGiven;
            middle ??= moreGiven is [var more] ? more.Replace(',', ' ') : null;
        }
        if ((first is null || last is null) && get("DAA") is { } full)
        {
            if (full.Contains(','))
            {
                var parts = full.Split(',', StringSplitOptions.TrimEntries);
                last ??= parts[0];
                first ??= parts.ElementAtOrDefault(1) is { Length: > 0 } f ? f : null;
                middle ??= parts.ElementAtOrDefault(2) is { Length: > 0 } m ? m : null;
                suffix ??= parts.ElementAtOrDefault(3) is { Length: > 0 } s ? s : null;
            }
            else
            {
                var parts = full.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                first ??= parts[0];
                last ??= parts.Length > 1 ? parts[^1] : null;
                middle ??= parts.Length > 2 ? string.Join(' ', parts[1..^1]) : null;
            }
        }
        // "FIRST MIDDLE" in the first-name element when no middle name element is filled.
        if (middle is null && first?.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var own, var rest])
            (first, middle) = (own, rest);
        return (first, middle, last, suffix);
    }

    /// <summary>
    /// Canadian codes without spaces; US ZIP codes without separators, a "0000" extension dropped.
    /// </summary>
    private static string PostalCode(string raw, string country)
    {
        if (country == "Canada")
            return NonAlphanumeric().Replace(raw, "");
        // A run of spaces is padding (what follows is noise); a single space joins the ZIP and its +4.
        var zip = Padding().Split(raw.Trim())[0].Replace(" ", "").Replace("-", "");
        return zip.Length > 5 && zip.EndsWith("0000", StringComparison.Ordinal) ? zip[..^4] : zip;
    }

    private static DateOnly? Date(string? value, bool yearFirst)
    {
        if (value is null || value.Length < 8 || !value[..8].All(char.IsAsciiDigit))
            return null;
        var digits = value[..8];
        return (yearFirst ? YearFirst(digits) ?? MonthFirst(digits) : MonthFirst(digits) ?? YearFirst(digits));
    }

    private static DateOnly? YearFirst(string d) => Make(int.Parse(d[..4]), int.Parse(d[4..6]), int.Parse(d[6..8]));

    private static DateOnly? MonthFirst(string d) => Make(int.Parse(d[4..8]), int.Parse(d[..2]), int.Parse(d[2..4]));

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1850 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    // [0-9], not \d: \d also matches other scripts' digits, which int.Parse refuses.
    [GeneratedRegex(@"(?<type>ANSI |AAMVA)(?<iin>[0-9]{6})(?<version>[0-9]{2})(?<rest>.*)", RegexOptions.Singleline)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex("(DL|ID)(?=[DZ][A-Z]{2})")]
    private static partial Regex SubfilePattern();

    [GeneratedRegex("(DL|ID)[0-9]{8}(?:[A-Z]{2}[0-9]{8})*")]
    private static partial Regex DesignatorPattern();

    [GeneratedRegex(@"[\x00-\x1F\x7F-\x9F|]")]
    private static partial Regex Separators();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Padding();

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NonAlphanumeric();
}
