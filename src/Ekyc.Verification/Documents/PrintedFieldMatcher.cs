using System.Globalization;
using System.Text;
using Ekyc.Core.Checks;

namespace Ekyc.Verification.Documents;

/// <summary>
/// Looks for MRZ values among printed text lines: names and numbers compared without spaces or punctuation and
/// with diacritics folded (one OCR error tolerated when the value is long enough), dates in the usual printed forms
/// (12 AUG 1974, 12.08.1974, 12/08/1974, 1974-08-12, 12 08 74).
/// </summary>
public static class PrintedFieldMatcher
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>Which of the MRZ's surname, first given name, document number, birth and expiry dates the printed lines show.</summary>
    public static Dictionary<string, bool> Find(IReadOnlyList<string> printed, ExtractedData data)
    {
        var found = Fields.ToDictionary(f => f, _ => false);
        foreach (var (field, present) in Targets(data))
            found[field] = present(printed);
        return found;
    }

    /// <summary>Every value the MRZ has is in the printed lines.</summary>
    public static bool FoundAll(IReadOnlyList<string> printed, ExtractedData data) => Targets(data).All(t => t.Present(printed));

    private static readonly string[] Fields = ["surname", "given_names", "document_number", "date_of_birth", "expiry_date"];

    private static IEnumerable<(string Field, Func<IReadOnlyList<string>, bool> Present)> Targets(ExtractedData data)
    {
        if (data.Surname is { } surname)
            yield return ("surname", p => ContainsText(p, surname));
        if (data.GivenNames is { } given)
            yield return ("given_names", p => ContainsText(p, given.Split(' ')[0]));
        if (data.DocumentNumber is { } number)
            yield return ("document_number", p => ContainsText(p, number));
        if (data.DateOfBirth is { } birth)
            yield return ("date_of_birth", p => ContainsDate(p, birth));
        if (data.ExpiryDate is { } expiry)
            yield return ("expiry_date", p => ContainsDate(p, expiry));
    }

    public static bool ContainsText(IEnumerable<string> lines, string value)
    {
        var wanted = Normalise(value);
        if (wanted.Length < 2)
            return false;
        var tolerance = wanted.Length >= 6 ? 1 : 0;
        return lines.Select(Normalise).Any(line => line.Contains(wanted, StringComparison.Ordinal) || WithinEdits(line, wanted, tolerance));
    }

    public static bool ContainsDate(IEnumerable<string> lines, DateOnly date)
    {
        var forms = new[]
        {
            $"{date.Day:00}{Months[date.Month - 1]}{date.Year}",
            $"{date.Day:00}{Months[date.Month - 1]}{date.Year % 100:00}",
            $"{date.Day:00}{date.Month:00}{date.Year}",
            $"{date.Year}{date.Month:00}{date.Day:00}",
            $"{date.Day:00}{date.Month:00}{date.Year % 100:00}",
        };
        var normalised = lines.Select(Normalise).ToList();
        return forms.Any(f => normalised.Any(l => l.Contains(f, StringComparison.Ordinal)));
    }

    /// <summary>Upper case, diacritics removed, only letters and digits kept.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var upper = char.ToUpperInvariant(c);
            if (char.IsAsciiLetterUpper(upper) || char.IsAsciiDigit(upper))
                builder.Append(upper);
        }
        return builder.ToString();
    }

    /// <summary>Whether some substring of <paramref name="line"/> is within <paramref name="edits"/> substitutions of <paramref name="wanted"/>.</summary>
    private static bool WithinEdits(string line, string wanted, int edits)
    {
        if (edits == 0)
            return false;
        for (var start = 0; start + wanted.Length <= line.Length; start++)
        {
            var mismatches = 0;
            for (var i = 0; i < wanted.Length && mismatches <= edits; i++)
                if (line[start + i] != wanted[i])
                    mismatches++;
            if (mismatches <= edits)
                return true;
        }
        return false;
    }
}
