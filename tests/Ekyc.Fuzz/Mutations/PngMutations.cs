using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;

namespace Ekyc.Fuzz.Mutations;

/// <summary>
/// Mutations aimed at PNG chunks: a chunk's length field (the value a reader allocates or seeks by), its type, the
/// IHDR dimensions, and chunks dropped or repeated. Non-PNG inputs fall back to the format-blind mutations.
/// </summary>
public static class PngMutations
{
    public static Gen<byte[]> Once(byte[] png, IReadOnlyList<byte[]> donors)
    {
        var chunks = Chunks(png).ToArray();
        if (chunks.Length == 0)
            return ByteMutations.Once(png, donors);
        var chunk = Gen.Elements(chunks);
        return Gen.Frequency(
            (5, chunk.SelectMany(c => Gen.Elements<uint>([.. Interesting.U32, .. Interesting.Around(c.Length), .. Interesting.Around(png.Length - c.Start)])
                .Select(v => ByteMutations.With(png, b => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(c.Start), v))))),
            (1, chunk.SelectMany(c => Gen.Elements("IHDR", "IDAT", "IEND", "tEXt", "iTXt", "zTXt", "eXIf", "PLTE", "acTL", "fcTL")
                .Select(t => ByteMutations.With(png, b => System.Text.Encoding.ASCII.GetBytes(t).CopyTo(b, c.Start + 4))))),
            (1, Gen.Elements<uint>(Interesting.U32).SelectMany(v => Gen.Elements(16, 20)
                .Select(at => ByteMutations.With(png, b => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(at), v))))),
            (1, chunk.Select(c => (byte[])[.. png.AsSpan(0, c.Start), .. png.AsSpan(c.Start + 12 + c.Length)])),
            (1, chunk.Select(c => (byte[])[.. png.AsSpan(0, c.Start + 12 + c.Length), .. png.AsSpan(c.Start)])),
            (3, ByteMutations.Once(png, donors)));
    }

    /// <summary>Start (of the length field) and data length of each whole chunk after the signature.</summary>
    internal static IEnumerable<(int Start, int Length)> Chunks(byte[] png)
    {
        if (png.Length < 8 || png[0] != 0x89 || png[1] != 'P')
            yield break;
        var pos = 8L;
        while (pos + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan((int)pos));
            if (pos + 12 + length > png.Length)
                yield break;
            yield return ((int)pos, (int)length);
            pos += 12 + length;
        }
    }
}
