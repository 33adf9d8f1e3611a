using System.Buffers.Binary;
using System.Text;

namespace Ekyc.Verification.Documents.Forensics;

/// <summary>
/// The <c>Make</c>, <c>Model</c> and <c>Software</c> tags of IFD0 in a JPEG's first APP1 "Exif" segment, and why the
/// block could not be read when it is malformed. Every offset and count in the file is untrusted: they are checked
/// against the block in 64-bit arithmetic, so no value (0x7FFFFFF0, 0xFFFFFFFF) can overflow past a bound check.
/// </summary>
internal sealed record ExifTags(string? Software, string? Make, string? Model, string? Problem)
{
    private static readonly ExifTags None = new(null, null, null, null);
    private const int MaxTextLength = 120;
    private const ushort MakeTag = 0x010F, ModelTag = 0x0110, SoftwareTag = 0x0131;
    private const ushort AsciiType = 2;

    public static ExifTags Read(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
            return None;
        var pos = 2;
        while (pos + 4 <= jpeg.Length && jpeg[pos] == 0xFF)
        {
            var marker = jpeg[pos + 1];
            if (marker == 0xFF)
            {
                pos++; // fill byte before a marker
                continue;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                pos += 2; // standalone markers carry no length
                continue;
            }
            if (marker is 0xDA or 0xD9)
                break;
            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(pos + 2)..]);
            if (length < 2)
                return marker == 0xE1 ? Unreadable($"APP1 segment length {length} < 2") : None;
            var end = pos + 2 + length;
            if (marker == 0xE1 && jpeg[(pos + 4)..].StartsWith("Exif\0"u8))
            {
                if (end > jpeg.Length)
                    return Unreadable($"APP1 segment of {length} bytes runs past the end of the file");
                // "Exif\0\0" is six bytes; the TIFF block follows.
                return length < 8 ? Unreadable($"APP1 segment of {length} bytes too short for an EXIF header") : ReadIfd0(jpeg[(pos + 10)..end]);
            }
            pos = end;
        }
        return None;
    }

    private static ExifTags ReadIfd0(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
            return Unreadable($"TIFF header needs 8 bytes, the block has {tiff.Length}");
        var little = tiff[0] == 'I' && tiff[1] == 'I';
        if (!little && !(tiff[0] == 'M' && tiff[1] == 'M'))
            return Unreadable("TIFF byte order is neither II nor MM");
        var reader = new TiffReader(tiff, little);
        var ifd = (long)reader.U32(4);
        if (ifd < 8 || ifd + 2 > tiff.Length)
            return Unreadable($"IFD0 offset {ifd} lies outside the {tiff.Length}-byte block");
        var count = reader.U16((int)ifd);
        var fit = (tiff.Length - ifd - 2) / 12;
        string? problem = count > fit ? $"IFD0 declares {count} entries, {fit} fit in the block" : null;
        string? software = null, make = null, model = null;
        for (var i = 0; i < Math.Min(count, fit); i++)
        {
            var at = (int)(ifd + 2 + 12 * i);
            var (tag, type, n) = (reader.U16(at), reader.U16(at + 2), (long)reader.U32(at + 4));
            if (type != AsciiType || tag is not (MakeTag or ModelTag or SoftwareTag))
                continue;
            // ASCII values of up to four bytes sit in the entry itself, longer ones at an offset.
            var offset = n <= 4 ? at + 8 : (long)reader.U32(at + 8);
            if (offset + n > tiff.Length)
            {
                problem ??= $"tag 0x{tag:X4}: {n} bytes at offset {offset} lie outside the {tiff.Length}-byte block";
                continue;
            }
            var value = tiff.Slice((int)offset, (int)Math.Min(n, MaxTextLength));
            var text = Encoding.ASCII.GetString(value).TrimEnd('\0', ' ');
            switch (tag)
            {
                case MakeTag: make = text; break;
                case ModelTag: model = text; break;
                default: software = text; break;
            }
        }
        return new ExifTags(software, make, model, problem);
    }

    private static ExifTags Unreadable(string problem) => None with { Problem = problem };

    /// <summary>Reads integers in the block's byte order; callers have checked the position.</summary>
    private readonly ref struct TiffReader(ReadOnlySpan<byte> tiff, bool little)
    {
        private readonly ReadOnlySpan<byte> _tiff = tiff;

        public ushort U16(int at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(_tiff[at..]) : BinaryPrimitives.ReadUInt16BigEndian(_tiff[at..]);

        public uint U32(int at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(_tiff[at..]) : BinaryPrimitives.ReadUInt32BigEndian(_tiff[at..]);
    }
}
