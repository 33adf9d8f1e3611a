using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Loaders;

/// <summary>Reads a list file (or an OFAC CSV folder) of a given format into entities.</summary>
public static class ListLoader
{
    /// <exception cref="ListLoadException">The file is missing or malformed.</exception>
    public static IReadOnlyList<ScreeningEntity> Load(string path, ListFormat format, string listName)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new ListLoadException(path, null, "file not found");
        }
        return format switch
        {
            ListFormat.OfacCsv => OfacCsvLoader.Load(path, listName),
            ListFormat.UnXml => UnXmlLoader.Load(path, listName),
            ListFormat.UsCsl => UsCslLoader.Load(path, listName),
            ListFormat.Ftm => FtmLoader.Load(path, listName),
            ListFormat.Senzing => SenzingLoader.Load(path, listName),
            ListFormat.EkycJsonl => EkycJsonLoader.Load(path, listName),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    /// <summary>The files a list consists of: the OFAC CSV set has companions next to its primary file.</summary>
    public static IReadOnlyList<string> SourceFiles(string path, ListFormat format) =>
        format == ListFormat.OfacCsv ? OfacCsvLoader.Files(path).All : [path];
}
