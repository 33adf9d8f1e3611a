using System.Text;
using System.Text.Json;

namespace Ekyc.Fuzz.Seeds;

/// <summary>Text seeds from the repository's test data: MRZ cases, AAMVA payloads and the screening list samples.</summary>
public static class TextSeeds
{
    /// <summary>Files of an OFAC CSV set travel as one input, each after a marker line naming it.</summary>
    public const string FileMarker = "\n==> ";

    public static Corpus Mrz()
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(RepoFiles.Data("documents", "mrz-cases.json")));
        var seeds = cases.RootElement.GetProperty("cases").EnumerateArray()
            .Select(c => string.Join('\n', c.GetProperty("lines").EnumerateArray().Select(l => l.GetString())))
            .Select(Encoding.UTF8.GetBytes).ToList();
        return new Corpus(seeds, "tests/data/documents/mrz-cases.json (every case's lines)");
    }

    public static Corpus Aamva()
    {
        var seeds = Directory.EnumerateFiles(RepoFiles.Data("documents", "aamva"), "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        return new Corpus(seeds, "tests/data/documents/aamva/**/*.txt (IdParser's payloads)");
    }

    public static Corpus OfacCsv()
    {
        var seeds = new[] { "ofac_sdn_2021", "ofac_cons_nonsdn" }.Select(set =>
        {
            var prefix = set == "ofac_sdn_2021" ? "" : "cons_";
            var primary = set == "ofac_sdn_2021" ? "sdn.csv" : "cons_prim.csv";
            var bundle = new StringBuilder(Head(RepoFiles.Data("sanctions", set, primary), 40));
            foreach (var companion in new[] { prefix + "alt.csv", set == "ofac_sdn_2021" ? "sdn_comments.csv" : "cons_comments.csv" })
                bundle.Append(FileMarker).Append(companion).Append('\n').Append(Head(RepoFiles.Data("sanctions", set, companion), 40));
            return Encoding.UTF8.GetBytes(bundle.ToString());
        }).ToList();
        return new Corpus(seeds, "first 40 lines of sdn.csv, alt.csv, sdn_comments.csv (ofac_sdn_2021) and of the cons_ set, as bundles");
    }

    /// <summary>The first eight individuals of the UN list, closed so that the seed is well-formed.</summary>
    public static Corpus UnXml()
    {
        var lines = new List<string>();
        var individuals = 0;
        foreach (var line in File.ReadLines(RepoFiles.Data("sanctions", "un", "UN_consolidated.xml")))
        {
            lines.Add(line);
            if (line.Trim() == "</INDIVIDUAL>" && ++individuals == 8)
                break;
        }
        return Sample("un/UN_consolidated.xml (first eight individuals)", string.Join('\n', lines) + "\n  </INDIVIDUALS>\n</CONSOLIDATED_LIST>\n");
    }

    public static Corpus UsCsl() => Sample("us_csl/csl_sample.csv (first 60 lines)", Head(RepoFiles.Data("sanctions", "us_csl", "csl_sample.csv"), 60));

    public static Corpus Ftm() => new(
        new[] { "t1_sample.ftm.json", "zala_sample.ftm.json" }.Select(f => Encoding.UTF8.GetBytes(Head(RepoFiles.Data("sanctions", "opensanctions", f), 40))).ToList(),
        "opensanctions/t1_sample.ftm.json and zala_sample.ftm.json (first 40 lines each)");

    public static Corpus Senzing() => Sample("opensanctions/us_congress_pep.senzing.jsonl (first 40 lines)",
        Head(RepoFiles.Data("sanctions", "opensanctions", "us_congress_pep.senzing.jsonl"), 40));

    private static Corpus Sample(string origin, string text) => new([Encoding.UTF8.GetBytes(text)], origin);

    private static string Head(string path, int lines) => string.Join('\n', File.ReadLines(path).Take(lines)) + "\n";
}
