using System.Text;
using System.Text.RegularExpressions;

namespace Ekyc.Verification.Documents.Forensics;

/// <summary>
/// Traces an image's metadata leaves about its history: the EXIF <c>Software</c>, <c>Make</c> and <c>Model</c> tags
/// (JPEG APP1), the XMP <c>CreatorTool</c> and PNG <c>Software</c> text chunks, and whether any names a known
/// image editor. A malformed EXIF block is reported in <see cref="Unreadable"/> (with whatever could still be read), so it
/// costs only the metadata signal, never the document check.
/// </summary>
public sealed partial record MetadataTraces(string? Software, string? Make, string? Model, string? CreatorTool, string? Editor,
    string? Unreadable = null)
{
    private static readonly string[] Editors =
    [
        "photoshop", "gimp", "paint.net", "pixelmator", "affinity", "lightroom", "snapseed", "canva", "picsart",
        "photopea", "krita", "corel", "paintshop", "fotor", "inkscape", "facetune", "illustrator",
    ];

    private const int ScanBytes = 256 * 1024;

    public static MetadataTraces Read(byte[] bytes)
    {
        var exif = ExifTags.Read(bytes);
        var software = exif.Software;
        // XMP and PNG text chunks are plain text near the start of the file.
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, ScanBytes));
        var creator = CreatorToolPattern().Match(head) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
        software ??= PngSoftwarePattern().Match(head) is { Success: true } p ? p.Groups[1].Value.Trim() : null;
        var editor = new[] { software, creator }
            .Where(s => s is not null)
            .Select(s => Editors.FirstOrDefault(e => s!.Contains(e, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(e => e is not null);
        return new MetadataTraces(software, exif.Make, exif.Model, creator, editor, exif.Problem is null ? null : "exif: " + exif.Problem);
    }

    [GeneratedRegex("CreatorTool(?:>|=\")([^<\"]{1,120})")]
    private static partial Regex CreatorToolPattern();

    [GeneratedRegex("tEXtSoftware\0([^\0]{1,120})")]
    private static partial Regex PngSoftwarePattern();
}
