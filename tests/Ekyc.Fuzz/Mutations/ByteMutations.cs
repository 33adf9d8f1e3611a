using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;

namespace Ekyc.Fuzz.Mutations;

/// <summary>Format-blind mutations of a byte string (AFL's havoc set): flips, overwrites, inserts, deletions, truncation, splicing.</summary>
public static class ByteMutations
{
    /// <summary>One mutation of <paramref name="input"/>; <paramref name="donors"/> supply spliced material.</summary>
    public static Gen<byte[]> Once(byte[] input, IReadOnlyList<byte[]> donors)
    {
        if (input.Length == 0)
            return Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b));
        return Gen.Frequency(
            (4, FlipBit(input)),
            (3, SetByte(input)),
            (3, SetWord(input)),
            (2, Insert(input)),
            (2, Delete(input)),
            (1, Duplicate(input)),
            (2, Truncate(input)),
            (2, Splice(input, donors)));
    }

    private static Gen<byte[]> FlipBit(byte[] input) =>
        from at in Gen.Choose(0, input.Length - 1)
        from bit in Gen.Choose(0, 7)
        select With(input, b => b[at] ^= (byte)(1 << bit));

    private static Gen<byte[]> SetByte(byte[] input) =>
        from at in Gen.Choose(0, input.Length - 1)
        from value in Gen.OneOf(Gen.Elements(Interesting.U8), Gen.Choose(0, 255).Select(v => (byte)v))
        select With(input, b => b[at] = value);

    /// <summary>A 16- or 32-bit edge value in either byte order: where a length or an offset happened to be.</summary>
    private static Gen<byte[]> SetWord(byte[] input) =>
        from at in Gen.Choose(0, Math.Max(0, input.Length - 4))
        from wide in Gen.Elements(true, false)
        from big in Gen.Elements(true, false)
        from value in Gen.Elements([.. Interesting.U32, .. Interesting.Around(input.Length)])
        select With(input, b => Write(b.AsSpan(at), value, wide, big));

    private static Gen<byte[]> Insert(byte[] input) =>
        from at in Gen.Choose(0, input.Length)
        from bytes in Gen.Choose(1, 64).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(v => (byte)v), n))
        select (byte[])[.. input.AsSpan(0, at), .. bytes, .. input.AsSpan(at)];

    private static Gen<byte[]> Delete(byte[] input) =>
        from at in Gen.Choose(0, input.Length - 1)
        from length in Gen.Choose(1, Math.Min(256, input.Length - at))
        select (byte[])[.. input.AsSpan(0, at), .. input.AsSpan(at + length)];

    private static Gen<byte[]> Duplicate(byte[] input) =>
        from at in Gen.Choose(0, input.Length - 1)
        from length in Gen.Choose(1, Math.Min(512, input.Length - at))
        select (byte[])[.. input.AsSpan(0, at + length), .. input.AsSpan(at)];

    private static Gen<byte[]> Truncate(byte[] input) =>
        Gen.Choose(0, input.Length - 1).Select(length => input[..length]);

    /// <summary>The head of this input and the tail of another (or of itself), cut anywhere.</summary>
    private static Gen<byte[]> Splice(byte[] input, IReadOnlyList<byte[]> donors) =>
        from donor in Gen.Elements(donors.Where(d => d.Length > 0).DefaultIfEmpty(input))
        from cut in Gen.Choose(0, input.Length)
        from start in Gen.Choose(0, donor.Length - 1)
        select (byte[])[.. input.AsSpan(0, cut), .. donor.AsSpan(start)];

    internal static void Write(Span<byte> at, uint value, bool wide, bool bigEndian)
    {
        if (wide && at.Length >= 4)
        {
            if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(at, value);
            else BinaryPrimitives.WriteUInt32LittleEndian(at, value);
        }
        else if (at.Length >= 2)
        {
            if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(at, (ushort)value);
            else BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)value);
        }
        else if (at.Length == 1)
            at[0] = (byte)value;
    }

    internal static byte[] With(byte[] input, Action<byte[]> change)
    {
        var copy = (byte[])input.Clone();
        change(copy);
        return copy;
    }
}
