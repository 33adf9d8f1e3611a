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
public static class WikidataPoliticiansSource
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
                record.AddBirthDate(row.BirthDate[..Math.Min(10, row.BirthDate.Length)]);
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
    /// The rows, line by line: the export has no multi-line fields, but a few lines carry upstream damage (a stray quote
    /// that a CSV reader would run on to the next quote, many rows later). Such a line is skipped, not guessed at.
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
            if (Fields(text) is { Count: >= 6 } f && f[0].StartsWith("http", StringComparison.Ordinal))
            {
                yield return new Row(f[0].Trim(), f[1].Trim(), f[3].Trim(), f[4].Trim(), f[5].Trim());
            }
        }
    }

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
