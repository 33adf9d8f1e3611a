using System.Buffers.Binary;
using ZXing;
using ZXing.PDF417;

namespace Ekyc.Fuzz.Seeds;

/// <summary>
/// PDF417 seeds: the real AAMVA payloads encoded as barcodes (ZXing's writer) and stored as a raw grey raster
/// (<see cref="Raster"/>), so byte mutations land on pixels and on the declared size rather than on a codec. At least
/// 1200 px wide, so the reader does not also try a 2400 px upscaled copy on every run.
/// </summary>
public static class BarcodeSeeds
{
    public static Corpus Pdf417()
    {
        var writer = new PDF417Writer();
        var hints = new Dictionary<EncodeHintType, object> { [EncodeHintType.MARGIN] = 10, [EncodeHintType.CHARACTER_SET] = "ISO-8859-1" };
        var seeds = TextSeeds.Aamva().Seeds.Take(6)
            .Select(payload => writer.encode(System.Text.Encoding.Latin1.GetString(payload), BarcodeFormat.PDF_417, 1240, 240, hints))
            .Select(matrix =>
            {
                var raster = new byte[4 + matrix.Width * matrix.Height];
                BinaryPrimitives.WriteUInt16BigEndian(raster, (ushort)matrix.Width);
                BinaryPrimitives.WriteUInt16BigEndian(raster.AsSpan(2), (ushort)matrix.Height);
                for (var y = 0; y < matrix.Height; y++)
                    for (var x = 0; x < matrix.Width; x++)
                        raster[4 + y * matrix.Width + x] = matrix[x, y] ? (byte)0 : (byte)255;
                return raster;
            }).ToList();
        return new Corpus(seeds, "the first six AAMVA payloads as PDF417 barcodes (ZXing writer), raw grey rasters");
    }

    /// <summary>Width and height (big-endian u16) then grey pixels; a size the bytes cannot fill is cut to what they hold.</summary>
    public static (int Width, int Height, ReadOnlyMemory<byte> Pixels) Raster(byte[] input)
    {
        if (input.Length < 5)
            return (0, 0, ReadOnlyMemory<byte>.Empty);
        var width = Math.Max(1, (int)BinaryPrimitives.ReadUInt16BigEndian(input));
        var height = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(input.AsSpan(2)), (input.Length - 4) / width);
        return (width, height, input.AsMemory(4, width * height));
    }
}
