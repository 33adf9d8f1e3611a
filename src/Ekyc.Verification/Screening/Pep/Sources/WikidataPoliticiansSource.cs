using System.Globalization;
using System.Text.RegularExpressions;
using Ekyc.Verification.Screening.Loaders;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Pep.Sources;

/// <summary>
/// CaptainFact's Wikidata extract (CC0, August 2017): politicians born after 1945 who have a picture, worldwide, with
/// birth date, citizenship and Wikidata's one-line description ("44th President of the United States", "German
/// politician"). Supplementary: it names no office with dates, so these people are reported as politicians whose
/// status is unknown; a record of a person another source has (same Wikidata id, or same surname and birth date)
/// only adds its names and id there.
/// </summary>
public static partial class WikidataPoliticiansSource
{
    public const string Dataset = "wikidata-politicians-2017";
    public const string FileName = "politicians_born_after_1945_having_a_picture.csv";

    /// <summary>The extract's date (commit 30ea5b8 of CaptainFact/captain-fact-dev-data); the file itself carries none.</summary>
    public static readonly DateOnly AsOf = new(2017, 8, 9);

    public static IEnumerable<PepRecord> Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            yield break;
        }
        var rows = Rows(path)
            .Where(r => r.Politician.Length > 0 && r.Name.Length > 0)
            .GroupBy(r => r.Politician[(r.Politician.LastIndexOf('/') + 1)..]);
        foreach (var person in rows.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var record = new PepRecord("wikidata-" + person.Key, Dataset);
            foreach (var row in person)
            {
                record.AddName(row.Name, IsLatin(row.Name) ? NameKind.Primary : NameKind.OriginalScript);
                record.AddBirthDate(row.BirthDate);
                record.AddCountry(Countries.Normalize(row.Country) ?? (row.Country.Length == 2 ? row.Country.ToLowerInvariant() : null));
            }
            var description = person.Select(r => r.Description).FirstOrDefault(d => d.Length > 0) ?? "politician";
            record.Positions.Add(new PepPosition
            {
                Title = description,
                Country = record.Countries.FirstOrDefault(),
                Status = PositionStatus.Unknown,
                AsOf = AsOf,
            });
            record.Keys.Add("wikidata:" + person.Key);
            yield return record;
        }
    }

    private sealed record Row(string Politician, string Description, string Name, string BirthDate, string Country);

    /// <summary>
    /// The rows, line by line: the export has no multi-line fields, but some lines carry upstream damage (a stray quote
    /// that a CSV reader would run on to the next quote, many rows later; a garbled label). Such a line is skipped.
    /// </summary>
    private static IEnumerable<Row> Rows(string path)
    {
        long line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (line == 1)
            {
                if (!text.StartsWith("politician,politicianDescription,image,name_in_native_language,date_of_birth,country", StringComparison.Ordinal))
                {
                    throw new ListLoadException(path, line, "unexpected header; is this the CaptainFact politicians export?");
                }
                continue;
            }
            // A description with an unquoted comma shifts the columns: the image URL anchors the ones after it.
            if (Fields(text) is not { Count: >= 6 } f || !f[0].StartsWith("http", StringComparison.Ordinal)
                || f.FindIndex(2, c => c.StartsWith("http://commons.wikimedia.org/", StringComparison.Ordinal)) is not (>= 2 and var image)
                || image + 3 >= f.Count)
            {
                continue;
            }
            var birth = f[image + 2].Trim() is var b && b.Length > 10 ? b[..10] : f[image + 2].Trim();
            if (PlausibleName(f[image + 1]) is not { } name || BirthDate.ParseIso(birth) is null)
            {
                continue;
            }
            yield return new Row(f[0].Trim(), string.Join(',', f[1..image]).Trim(), name, birth, f[image + 3].Trim());
        }
    }

    /// <summary>
    /// The label without a disambiguation suffix (<c>Gerd Krämer (Hessen)</c>), or null when it is not a plausible name:
    /// several hundred labels are mojibake upstream (control or private-use characters, Arabic turned into ASCII
    /// symbols, Turkish ı turned into <c>1</c>). A name is two or more words of letters, with hyphens, apostrophes and
    /// periods, or a Chinese, Japanese or Korean name; no name is better than a wrong one.
    /// </summary>
    internal static string? PlausibleName(string label)
    {
        var name = Disambiguation().Replace(label, "").Trim();
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var allowed = name.All(c => char.IsLetter(c) || c == ' ' || c is '-' or '\'' or '’' or '.'
            || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);
        // Chinese, Japanese and Korean names are written without spaces.
        var unspaced = words.Length == 1 && name.Length >= 2 && name.All(c => c is >= '\u1100' and <= '\u11FF' or >= '\u3040' and <= '\u30FF'
            or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF');
        return allowed && (unspaced || words.Count(w => w.Count(char.IsLetter) >= 2) >= 2) ? name : null;
    }

    [GeneratedRegex(@"\s*\([^()]*\)\s*$")]
    private static partial Regex Disambiguation();

    /// <summary>One CSV line split into fields (quotes and doubled quotes honoured); null when a quote is left open.</summary>
    private static List<string>? Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return quoted ? null : fields;
    }

    private static bool IsLatin(string value) => value.All(c => !char.IsLetter(c) || c < 0x250 || c is >= '\u1E00' and <= '\u1EFF');
}
