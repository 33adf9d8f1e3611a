using System.IO.Compression;

namespace Ekyc.Verification.Screening.Loaders;

/// <summary>Opens a list file, decompressing it on the fly when it starts with the gzip magic bytes (whatever its name).</summary>
internal static class Compressed
{
    public static Stream OpenRead(string path)
    {
        var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        var read = file.Read(magic);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
    }
}
