using Ekyc.Verification.Screening.Loaders;

namespace Ekyc.Verification.Screening.Pep.Sources;

/// <summary>A CSV file with a header row, read as rows whose fields are looked up by column name.</summary>
internal static class HeaderCsv
{
    public sealed record Row(long Line, string[] Fields, IReadOnlyDictionary<string, int> Columns)
    {
        /// <summary>The trimmed field, or null when empty or the column is absent.</summary>
        public string? this[string column] => Columns.TryGetValue(column, out var i) && i < Fields.Length && Fields[i].Trim() is { Length: > 0 } value ? value : null;
    }

    /// <exception cref="ListLoadException">The file lacks one of the <paramref name="required"/> columns.</exception>
    public static IEnumerable<Row> Read(string path, params string[] required)
    {
        Dictionary<string, int>? columns = null;
        foreach (var (line, fields) in CsvRows.Read(path))
        {
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < fields.Length; i++)
                {
                    columns.TryAdd(fields[i].Trim().TrimStart('\uFEFF'), i);
                }
                if (required.FirstOrDefault(c => !columns.ContainsKey(c)) is { } missing)
                {
                    throw new ListLoadException(path, line, $"header lacks the '{missing}' column");
                }
                continue;
            }
            yield return new Row(line, fields, columns);
        }
    }
}
