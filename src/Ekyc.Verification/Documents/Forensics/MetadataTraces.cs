using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace Ekyc.Verification.Documents.Forensics;

/// <summary>
/// Traces an image's metadata leaves about its history: the EXIF <c>Software</c>, <c>Make</c> and <c>Model</c> tags
/// (JPEG APP1), the XMP <c>CreatorTool</c> and PNG <c>Software</c> text chunks, and whether any names a known
/// image editor.
/// </summary>
public sealed partial record MetadataTraces(string? Software, string? Make, string? Model, string? CreatorTool, string? Editor)
{
    private static readonly string[] Editors =
    [
        "photoshop", "gimp", "paint.net", "pixelmator", "affinity", "lightroom", "snapseed", "canva", "picsart",
        "photopea", "krita", "corel", "paintshop", "fotor", "inkscape", "facetune", "illustrator",
    ];

    private const int ScanBytes = 256 * 1024;

    public static MetadataTraces Read(byte[] bytes)
    {
        var (software, make, model) = ReadExif(bytes);
        // XMP and PNG text chunks are plain text near the start of the file.
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, ScanBytes));
        var creator = CreatorToolPattern().Match(head) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
        software ??= PngSoftwarePattern().Match(head) is { Success: true } p ? p.Groups[1].Value.Trim() : null;
        var editor = new[] { software, creator }
            .Where(s => s is not null)
            .Select(s => Editors.FirstOrDefault(e => s!.Contains(e, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(e => e is not null);
        return new MetadataTraces(software, make, model, creator, editor);
    }

    /// <summary>IFD0 of the first JPEG APP1 "Exif" segment (TIFF layout, either byte order).</summary>
    private static (string? Software, string? Make, string? Model) ReadExif(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8)
            return (null, null, null);
        var pos = 2;
        while (pos + 4 <= bytes.Length && bytes[pos] == 0xFF)
        {
            var marker = bytes[pos + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(pos + 2));
            if (marker == 0xE1 && pos + 10 <= bytes.Length && Encoding.ASCII.GetString(bytes, pos + 4, 4) == "Exif")
                return ReadIfd0(bytes.AsSpan(pos + 10, Math.Min(length - 8, bytes.Length - pos - 10)));
            if (marker is 0xDA or 0xD9)
                break;
            pos += 2 + length;
        }
        return (null, null, null);
    }

    private static (string? Software, string? Make, string? Model) ReadIfd0(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
            return (null, null, null);
        var little = tiff[0] == (byte)'I';
        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        var ifd = (int)U32(tiff[4..]);
        if (ifd < 8 || ifd + 2 > tiff.Length)
            return (null, null, null);
        string? software = null, make = null, model = null;
        var count = U16(tiff[ifd..]);
        for (var i = 0; i < count && ifd + 2 + 12 * (i + 1) <= tiff.Length; i++)
        {
            var entry = tiff.Slice(ifd + 2 + 12 * i, 12);
            var (tag, type, n) = (U16(entry), U16(entry[2..]), (int)U32(entry[4..]));
            if (type != 2 || tag is not (0x010F or 0x0110 or 0x0131))
                continue;
            // ASCII values of up to four bytes sit in the entry itself, longer ones at an offset.
            var offset = n <= 4 ? ifd + 2 + 12 * i + 8 : (int)U32(entry[8..]);
            if (offset < 0 || n < 0 || offset + n > tiff.Length)
                continue;
            var text = Encoding.ASCII.GetString(tiff.Slice(offset, n)).TrimEnd('\0', ' ');
            switch (tag)
            {
                case 0x010F: make = text; break;
                case 0x0110: model = text; break;
                default: software = text; break;
            }
        }
        return (software, make, model);
    }

    [GeneratedRegex("CreatorTool(?:>|=\")([^<\"]{1,120})")]
    private static partial Regex CreatorToolPattern();

    [GeneratedRegex("tEXtSoftware\0([^\0]{1,120})")]
    private static partial Regex PngSoftwarePattern();
}
