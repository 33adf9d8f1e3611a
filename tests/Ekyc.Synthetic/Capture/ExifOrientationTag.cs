using System.Buffers.Binary;

namespace Ekyc.Synthetic.Capture;

/// <summary>
/// Writes the EXIF orientation a phone stores with a photo taken sideways: the sensor's pixels as read, and a tag
/// saying how to turn them upright (a minimal APP1 segment after the JPEG's SOI marker, IFD0 with Orientation only).
/// </summary>
public static class ExifOrientationTag
{
    /// <param name="orientation">EXIF Orientation: 6 turn 90° clockwise to view, 8 turn 90° counter-clockwise, 3 turn 180°.</param>
    public static byte[] Add(byte[] jpeg, ushort orientation)
    {
        var tiff = new byte[8 + 2 + 12 + 4];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 1);
        var entry = tiff.AsSpan(10);
        BinaryPrimitives.WriteUInt16BigEndian(entry, 0x0112);
        BinaryPrimitives.WriteUInt16BigEndian(entry[2..], 3);
        BinaryPrimitives.WriteUInt32BigEndian(entry[4..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(entry[8..], orientation);
        var segment = new byte[4 + 6 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(segment.Length - 2));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment, 10);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
