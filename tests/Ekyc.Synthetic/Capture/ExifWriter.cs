using System.Buffers.Binary;
using System.Text;

namespace Ekyc.Synthetic.Capture;

/// <summary>
/// Inserts a minimal EXIF APP1 segment (IFD0: Orientation and optionally Software) after a JPEG's SOI marker: the
/// orientation a phone stores with a photo taken sideways (6 turn 90° clockwise to view, 8 counter-clockwise, 3 180°).
/// </summary>
public static class ExifWriter
{
    /// <param name="softwareOffset">Where the Software entry says its text is (default: where it is written).</param>
    public static byte[] WithExif(byte[] jpeg, ushort orientation, string? software = null, uint? softwareOffset = null)
    {
        var entries = software is null ? 1 : 2;
        var softwareBytes = software is null ? [] : Encoding.ASCII.GetBytes(software + "\0");
        var ifdSize = 2 + 12 * entries + 4;
        var tiff = new byte[8 + ifdSize + softwareBytes.Length];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), (ushort)entries);
        var entry = tiff.AsSpan(10);
        BinaryPrimitives.WriteUInt16BigEndian(entry, 0x0112);
        BinaryPrimitives.WriteUInt16BigEndian(entry[2..], 3);
        BinaryPrimitives.WriteUInt32BigEndian(entry[4..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(entry[8..], orientation);
        if (software is not null)
        {
            entry = tiff.AsSpan(22);
            BinaryPrimitives.WriteUInt16BigEndian(entry, 0x0131);
            BinaryPrimitives.WriteUInt16BigEndian(entry[2..], 2);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], (uint)softwareBytes.Length);
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], softwareOffset ?? (uint)(8 + ifdSize));
            softwareBytes.CopyTo(tiff, 8 + ifdSize);
        }
        var segment = new byte[4 + 6 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(segment.Length - 2));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment, 10);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
