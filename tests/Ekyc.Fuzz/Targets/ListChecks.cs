using System.Text;
using Ekyc.Fuzz.Seeds;
using Ekyc.Verification.Screening.Loaders;

namespace Ekyc.Fuzz.Targets;

/// <summary>
/// The oracle of the screening list loaders: entities, or a <see cref="ListLoadException"/> that names one of the files
/// it was given — anything else (or an error naming no file) is a crash.
/// </summary>
internal static class ListChecks
{
    public static Action<byte[]> For(ListFormat format, string fileName) => bytes =>
    {
        var folder = Directory.CreateTempSubdirectory("ekyc-fuzz-");
        try
        {
            var files = Write(folder.FullName, fileName, bytes);
            try
            {
                ListLoader.Load(files[0], format, "fuzz");
            }
            catch (ListLoadException e) when (files.Contains(e.File) && e.Message.Contains(e.File, StringComparison.Ordinal))
            {
                // A load error that names the file (and the line, where the parser knows it) is an answer.
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    };

    /// <summary>Writes the input (an OFAC bundle is split at its marker lines into its companion files); the primary first.</summary>
    private static List<string> Write(string folder, string fileName, byte[] bytes)
    {
        var parts = Encoding.UTF8.GetString(bytes).Split(TextSeeds.FileMarker);
        // The non-SDN set names its primary cons_prim.csv, and the loader looks for companions by that name.
        if (fileName == "sdn.csv" && parts.Skip(1).Any(p => p.StartsWith("cons_", StringComparison.Ordinal)))
            fileName = "cons_prim.csv";
        var files = new List<string> { Path.Combine(folder, fileName) };
        File.WriteAllBytes(files[0], parts.Length == 1 ? bytes : Encoding.UTF8.GetBytes(parts[0]));
        foreach (var part in parts.Skip(1))
        {
            var newline = part.IndexOf('\n');
            var name = Path.GetFileName(newline < 0 ? part : part[..newline]);
            if (name is not ("alt.csv" or "sdn_comments.csv" or "cons_alt.csv" or "cons_comments.csv"))
                continue;
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, newline < 0 ? "" : part[(newline + 1)..]);
            files.Add(path);
        }
        return files;
    }
}
