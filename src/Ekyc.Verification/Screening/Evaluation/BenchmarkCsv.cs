using nietras.SeparatedValues;

namespace Ekyc.Verification.Screening.Evaluation;

/// <summary>Reads a benchmark CSV with a header into dictionaries; <c>#</c> comment lines are skipped.</summary>
internal static class BenchmarkCsv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        var text = string.Join('\n', File.ReadLines(path).Where(l => !l.StartsWith('#') && l.Trim().Length > 0));
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(text);
        var header = reader.Header.ColNames;
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < Math.Min(row.ColCount, header.Count); i++)
            {
                values[header[i]] = row[i].ToString();
            }
            rows.Add(values);
        }
        return rows;
    }
}
