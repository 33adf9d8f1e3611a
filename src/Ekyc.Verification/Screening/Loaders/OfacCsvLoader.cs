using System.Text.RegularExpressions;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Loaders;

/// <summary>
/// OFAC's legacy CSV set (SDN: <c>sdn.csv</c>, <c>alt.csv</c>, <c>sdn_comments.csv</c>; non-SDN:
/// <c>cons_prim.csv</c>, <c>cons_alt.csv</c>, <c>cons_comments.csv</c>). Birth dates, nationalities and the
/// weak a.k.a. names exist only inside the free-text Remarks, so they are parsed out of it.
/// </summary>
internal static partial class OfacCsvLoader
{
    private const int PrimaryFieldCount = 12;

    /// <summary>The files the loader reads; addresses (add.csv) are not used for screening and are not kept.</summary>
    public sealed record FileSet(string Primary, string? Aliases, string? Comments)
    {
        public IReadOnlyList<string> All => new[] { Primary, Aliases, Comments }.OfType<string>().ToList();
    }

    /// <summary>Finds the companion files of a primary file, or the set inside a folder.</summary>
    public static FileSet Files(string path)
    {
        if (Directory.Exists(path))
        {
            var primary = new[] { "sdn.csv", "cons_prim.csv" }.Select(n => Path.Combine(path, n)).FirstOrDefault(File.Exists)
                ?? throw new ListLoadException(path, null, "folder has neither sdn.csv nor cons_prim.csv");
            return Files(primary);
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var name = Path.GetFileName(path).ToLowerInvariant();
        var prefix = name.EndsWith("_prim.csv", StringComparison.Ordinal) ? name[..^"_prim.csv".Length] + "_" : "";
        string? Companion(string file) => File.Exists(Path.Combine(dir, file)) ? Path.Combine(dir, file) : null;
        return prefix.Length > 0
            ? new FileSet(path, Companion(prefix + "alt.csv"), Companion(prefix + "comments.csv"))
            : new FileSet(path, Companion("alt.csv"), Companion("sdn_comments.csv"));
    }

    public static IReadOnlyList<ScreeningEntity> Load(string path, string listName)
    {
        var files = Files(path);
        var comments = files.Comments is null ? new Dictionary<string, string>() : ReadComments(files.Comments);
        var aliases = files.Aliases is null ? new Dictionary<string, List<EntityName>>() : ReadAliases(files.Aliases);
        var entities = new List<ScreeningEntity>();
        foreach (var (line, fields) in CsvRows.Read(files.Primary))
        {
            if (fields.Length < PrimaryFieldCount)
            {
                throw new ListLoadException(files.Primary, line, $"expected {PrimaryFieldCount} fields, found {fields.Length}");
            }
            var id = CsvRows.Value(fields, 0);
            var name = CsvRows.Value(fields, 1);
            if (id is null || !int.TryParse(id, out _) || name is null)
            {
                throw new ListLoadException(files.Primary, line, "missing or non-numeric ent_num, or empty name");
            }
            var remarks = CsvRows.Value(fields, 11) ?? "";
            if (comments.TryGetValue(id, out var overflow))
            {
                remarks += overflow;
            }
            var names = new List<EntityName> { new(name, NameKind.Primary) };
            names.AddRange(aliases.GetValueOrDefault(id) ?? []);
            names.AddRange(WeakAliases(remarks).Select(a => new EntityName(a, NameKind.WeakAlias)));
            entities.Add(new ScreeningEntity
            {
                Id = id,
                ListName = listName,
                Kind = Kind(CsvRows.Value(fields, 2)),
                Names = names,
                BirthDates = RemarkItems(remarks, "DOB").Select(OfacDateParser.Parse).OfType<BirthDate>().ToList(),
                Nationalities = RemarkItems(remarks, "nationality").Concat(RemarkItems(remarks, "citizen"))
                    .Select(Countries.Normalize).OfType<string>().Distinct().ToList(),
                Topics = [EntityTopics.Sanction],
                Programs = (CsvRows.Value(fields, 3) ?? "").Split("] [", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(p => p.Trim('[', ']')).ToList(),
            });
        }
        return entities;
    }

    private static EntityKind Kind(string? type) => type?.ToLowerInvariant() switch
    {
        "individual" => EntityKind.Person,
        "vessel" => EntityKind.Vessel,
        "aircraft" => EntityKind.Aircraft,
        _ => EntityKind.Organization,
    };

    private static Dictionary<string, List<EntityName>> ReadAliases(string path)
    {
        var map = new Dictionary<string, List<EntityName>>();
        foreach (var (line, fields) in CsvRows.Read(path))
        {
            if (fields.Length < 4 || CsvRows.Value(fields, 0) is not { } id)
            {
                throw new ListLoadException(path, line, "expected ent_num, alt_num, alt_type, alt_name");
            }
            if (CsvRows.Value(fields, 3) is not { } alias)
            {
                continue;
            }
            var kind = CsvRows.Value(fields, 2)?.ToLowerInvariant() == "fka" ? NameKind.Former : NameKind.StrongAlias;
            (map.TryGetValue(id, out var list) ? list : map[id] = []).Add(new EntityName(alias, kind));
        }
        return map;
    }

    private static Dictionary<string, string> ReadComments(string path)
    {
        var map = new Dictionary<string, string>();
        foreach (var (line, fields) in CsvRows.Read(path))
        {
            if (fields.Length < 2 || CsvRows.Value(fields, 0) is not { } id)
            {
                throw new ListLoadException(path, line, "expected ent_num, remarks");
            }
            map[id] = map.GetValueOrDefault(id, "") + fields[1];
        }
        return map;
    }

    /// <summary>Values of Remarks items such as <c>DOB 14 Jun 1975</c> or <c>alt. DOB 1976</c>.</summary>
    private static IEnumerable<string> RemarkItems(string remarks, string label)
    {
        foreach (var item in remarks.Split(';', StringSplitOptions.TrimEntries))
        {
            var text = item.StartsWith("alt. ", StringComparison.Ordinal) ? item[5..] : item;
            if (text.StartsWith(label + " ", StringComparison.Ordinal))
            {
                yield return text[(label.Length + 1)..].Trim().TrimEnd('.');
            }
        }
    }

    private static IEnumerable<string> WeakAliases(string remarks) =>
        WeakAliasPattern().Matches(remarks).Select(m => m.Groups[1].Value.Trim()).Where(a => a.Length > 0);

    // Weak a.k.a. names are quoted: a.k.a. 'BNC' — the name may itself contain apostrophes (ABU-'UMAR).
    [GeneratedRegex(@"a\.k\.a\.\s+'(.+?)'(?=[;.]|$)")]
    private static partial Regex WeakAliasPattern();
}
