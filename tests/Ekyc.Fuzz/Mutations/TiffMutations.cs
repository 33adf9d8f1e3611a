using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;

namespace Ekyc.Fuzz.Mutations;

/// <summary>
/// Mutations aimed at the EXIF block of a JPEG: the APP1 segment length, the TIFF header's IFD0 offset, an IFD's entry
/// count, and an entry's type, value count or value offset (the fields a reader does arithmetic with). Inputs
/// without an EXIF block fall back to the format-blind mutations.
/// </summary>
public static class TiffMutations
{
    public static Gen<byte[]> Once(byte[] jpeg, IReadOnlyList<byte[]> donors)
    {
        if (Locate(jpeg) is not { } exif)
            return ByteMutations.Once(jpeg, donors);
        var entries = Entries(jpeg, exif).ToArray();
        var targeted = new List<(int, Gen<byte[]>)>
        {
            (1, Overwrite(jpeg, exif.Segment + 2, wide: false, bigEndian: true, exif.TiffLength)),
            (1, Overwrite(jpeg, exif.Tiff + 4, wide: true, exif.BigEndian, exif.TiffLength)),
        };
        if (entries.Length > 0)
        {
            targeted.Add((1, Overwrite(jpeg, exif.Tiff + exif.Ifd0, wide: false, exif.BigEndian, exif.TiffLength)));
            targeted.Add((6, Gen.Elements(entries).SelectMany(at => Gen.OneOf(
                Overwrite(jpeg, at + 2, wide: false, exif.BigEndian, exif.TiffLength),
                Overwrite(jpeg, at + 4, wide: true, exif.BigEndian, exif.TiffLength),
                Overwrite(jpeg, at + 8, wide: true, exif.BigEndian, exif.TiffLength)))));
        }
        return Gen.Frequency([.. targeted, (3, ByteMutations.Once(jpeg, donors))]);
    }

    private static Gen<byte[]> Overwrite(byte[] input, int at, bool wide, bool bigEndian, int blockLength) =>
        Gen.Elements<uint>([.. Interesting.U32, .. Interesting.Around(blockLength)])
            .Select(value => ByteMutations.With(input, b => ByteMutations.Write(b.AsSpan(at), value, wide, bigEndian)));

    /// <summary>Where the first APP1 "Exif" segment and its TIFF block are, if the JPEG has one.</summary>
    public static (int Segment, int Tiff, int TiffLength, bool BigEndian, int Ifd0)? Locate(byte[] jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
            return null;
        var pos = 2;
        while (pos + 18 <= jpeg.Length && jpeg[pos] == 0xFF && jpeg[pos + 1] is not (0xDA or 0xD9))
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(pos + 2));
            if (jpeg[pos + 1] == 0xE1 && jpeg.AsSpan(pos + 4).StartsWith("Exif\0"u8))
            {
                var tiff = pos + 10;
                var big = jpeg[tiff] == 'M';
                var ifd0 = (int)Math.Min(int.MaxValue, U32(jpeg, tiff + 4, big));
                return (pos, tiff, Math.Min(length - 8, jpeg.Length - tiff), big, ifd0);
            }
            if (length < 2)
                return null;
            pos += 2 + length;
        }
        return null;
    }

    /// <summary>Absolute positions of the 12-byte entries of IFD0 and of the IFDs it links to (next IFD, Exif, GPS).</summary>
    private static IEnumerable<int> Entries(byte[] jpeg, (int Segment, int Tiff, int TiffLength, bool BigEndian, int Ifd0) exif)
    {
        var pending = new Queue<long>([exif.Ifd0]);
        var seen = new HashSet<long>();
        while (pending.TryDequeue(out var ifd) && seen.Count < 8)
        {
            if (!seen.Add(ifd) || ifd < 8 || ifd + 2 > exif.TiffLength)
                continue;
            var start = exif.Tiff + (int)ifd;
            int count = exif.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(start)) : BinaryPrimitives.ReadUInt16LittleEndian(jpeg.AsSpan(start));
            for (var i = 0; i < count && ifd + 2 + 12 * (i + 1) <= exif.TiffLength; i++)
            {
                var entry = start + 2 + 12 * i;
                yield return entry;
                var tag = exif.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(entry)) : BinaryPrimitives.ReadUInt16LittleEndian(jpeg.AsSpan(entry));
                if (tag is 0x8769 or 0x8825 or 0xA005)
                    pending.Enqueue(U32(jpeg, entry + 8, exif.BigEndian));
            }
            var next = ifd + 2 + 12L * count;
            if (next + 4 <= exif.TiffLength)
                pending.Enqueue(U32(jpeg, exif.Tiff + (int)next, exif.BigEndian));
        }
    }

    private static uint U32(byte[] bytes, int at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
}
