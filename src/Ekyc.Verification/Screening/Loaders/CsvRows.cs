using nietras.SeparatedValues;

namespace Ekyc.Verification.Screening.Loaders;

/// <summary>Reads CSV rows with their line numbers and turns parser failures into <see cref="ListLoadException"/>.</summary>
internal static class CsvRows
{
    public static IReadOnlyList<(long Line, string[] Fields)> Read(string path)
    {
        var rows = new List<(long, string[])>();
        try
        {
            using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromFile(path);
            foreach (var row in reader)
            {
                var fields = new string[row.ColCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = row[i].ToString();
                }
                // OFAC files end with a DOS end-of-file character on a line of its own.
                if (fields.All(f => string.IsNullOrWhiteSpace(f) || f.Trim() == "\u001a"))
                {
                    continue;
                }
                if (fields.Any(f => f.Contains('\n', StringComparison.Ordinal) && f.Length > 4000))
                {
                    throw new ListLoadException(path, row.LineNumberFrom, "unbalanced quote: a field runs over many lines");
                }
                rows.Add((row.LineNumberFrom, fields));
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or ArgumentException)
        {
            throw new ListLoadException(path, null, "malformed CSV: " + ex.Message, ex);
        }
        return rows;
    }

    /// <summary>OFAC writes <c>-0-</c> for an empty field.</summary>
    public static string? Value(string[] fields, int index)
    {
        if (index >= fields.Length)
        {
            return null;
        }
        var value = fields[index].Trim();
        return value.Length == 0 || value == "-0-" ? null : value;
    }
}
