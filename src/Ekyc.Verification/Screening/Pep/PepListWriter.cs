using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Ekyc.Verification.Screening.Loaders;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Pep;

/// <summary>Writes entities as gzip-compressed <c>ekyc-jsonl</c>, one entity per line in the given order.</summary>
public static class PepListWriter
{
    public static void Write(string path, IEnumerable<ScreeningEntity> entities)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var entity in entities)
        {
            writer.WriteLine(JsonSerializer.Serialize(EkycJsonRecord.From(entity), EkycJsonRecord.Json));
        }
    }
}
