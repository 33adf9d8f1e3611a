using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Ekyc.Synthetic.Images;

/// <summary>PNG files written chunk by chunk, for the shapes an encoder would not produce: decompression bombs.</summary>
public static class PngFiles
{
    /// <summary>A PNG that declares any size but carries almost no pixels: cheap to send, refused or failed when decoded.</summary>
    public static byte[] HeaderOnly(int width, int height) => Rgb(width, height, Deflate(new byte[64]));

    /// <summary>A complete, valid all-black RGB PNG: tiny on the wire, the full size in memory once decoded.</summary>
    public static byte[] AllBlack(int width, int height)
    {
        using var zlib = new MemoryStream();
        using (var deflate = new ZLibStream(zlib, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width * 3 + 1];
            for (var y = 0; y < height; y++)
                deflate.Write(row);
        }
        return Rgb(width, height, zlib.ToArray());
    }

    private static byte[] Rgb(int width, int height, byte[] compressedPixels)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        using var stream = new MemoryStream();
        stream.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        Chunk(stream, "IHDR", header);
        Chunk(stream, "IDAT", compressedPixels);
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    private static byte[] Deflate(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest))
            zlib.Write(raw);
        return output.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.HashToUInt32(typed));
        stream.Write(word);
    }
}
