using System.Security.Cryptography;
using Ekyc.Verification.Screening.Lists;
using Ekyc.Verification.Screening.Loaders;

namespace Ekyc.Verification.Screening.Evaluation;

/// <summary>
/// Loads the lists found in a folder laid out like the reference data (<c>ofac_sdn_2021/sdn.csv</c>,
/// <c>ofac_cons_nonsdn/cons_prim.csv</c>, <c>un/UN_consolidated.xml</c>, <c>us_csl/csl_sample.csv</c>,
/// <c>opensanctions/us_congress_pep.senzing.jsonl</c>), without importing them into a store.
/// </summary>
public static class ReferenceLists
{
    public static readonly IReadOnlyList<(string Name, string RelativePath, ListFormat Format)> Known =
    [
        ("ofac-sdn", "ofac_sdn_2021/sdn.csv", ListFormat.OfacCsv),
        ("ofac-nonsdn", "ofac_cons_nonsdn/cons_prim.csv", ListFormat.OfacCsv),
        ("un", "un/UN_consolidated.xml", ListFormat.UnXml),
        ("us-csl", "us_csl/csl_sample.csv", ListFormat.UsCsl),
        ("us-congress-pep", "opensanctions/us_congress_pep.senzing.jsonl", ListFormat.Senzing),
    ];

    public static IReadOnlyList<LoadedList> LoadFolder(string root)
    {
        var lists = new List<LoadedList>();
        foreach (var (name, relative, format) in Known)
        {
            var path = Path.Combine(root, relative);
            if (!File.Exists(path))
            {
                continue;
            }
            var entities = ListLoader.Load(path, format, name);
            var files = ListLoader.SourceFiles(path, format);
            var manifest = new ListManifest
            {
                Name = name,
                Format = format.ToName(),
                Files = files.Select(Path.GetFileName).OfType<string>().ToList(),
                EntityCount = entities.Count,
                LoadedAt = DateTimeOffset.UtcNow,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
            };
            lists.Add(new LoadedList(manifest, entities));
        }
        return lists;
    }
}
