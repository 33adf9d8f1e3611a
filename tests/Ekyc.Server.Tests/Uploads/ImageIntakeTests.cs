using Ekyc.Server.Errors;
using Ekyc.Server.Options;
using Ekyc.Server.Tests.Infrastructure;
using Ekyc.Server.Uploads;
using SkiaSharp;

namespace Ekyc.Server.Tests.Uploads;

/// <summary>
/// Upload validation decodes a JPEG at the codec's 1/8 scale. It must still refuse every file a full decode refuses
/// (the entropy-coded data is read whole at any scale), and also a file whose markers do not lead to its end: one cut
/// short, which a full decode of a progressive JPEG accepts (it shows the scans that arrived), or one with garbage in its
/// data that a decoder skips with a warning. The intact files are accepted.
/// </summary>
public sealed class ImageIntakeTests
{
    public static TheoryData<string, string> Damages()
    {
        var data = new TheoryData<string, string>();
        foreach (var source in new[] { "baseline", "progressive" })
            foreach (var damage in new[] { "intact", "cut_25", "cut_50", "cut_90", "cut_99", "garbage_30", "garbage_70", "end_marker_50", "zeros_60" })
                data.Add(source, damage);
        return data;
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_jpeg_is_refused_when_a_full_decode_fails_or_its_markers_do_not_reach_its_end(string source, string damage)
    {
        var bytes = Damage(source == "baseline" ? TestImages.Jpeg(1600, 1200) : Fixture("progressive.jpg"), damage);
        var fullDecodeFails = FullDecodeFails(bytes);

        var refused = false;
        try
        {
            ImageIntake.Decode(ImageIntake.Inspect(bytes, new UploadLimits()));
        }
        catch (ApiException e) when (e.Code == "image_undecodable")
        {
            refused = true;
        }

        Assert.Equal(fullDecodeFails || !JpegScans.Walk(bytes, int.MaxValue).Ended, refused);
        if (damage.StartsWith("cut_", StringComparison.Ordinal))
            Assert.True(refused);
        if (damage == "intact")
            Assert.False(refused);
    }

    private static byte[] Damage(byte[] jpeg, string damage)
    {
        var scan = ScanStart(jpeg);
        int At(int percent) => scan + (jpeg.Length - 2 - scan) * percent / 100;
        var bytes = (byte[])jpeg.Clone();
        var (kind, percent) = damage == "intact" ? ("intact", 0) : (damage[..damage.LastIndexOf('_')], int.Parse(damage[(damage.LastIndexOf('_') + 1)..]));
        switch (kind)
        {
            case "cut":
                return bytes[..At(percent)];
            case "garbage":
                new Random(percent).NextBytes(bytes.AsSpan(At(percent), 256));
                break;
            case "end_marker":
                bytes[At(percent)] = 0xFF;
                bytes[At(percent) + 1] = 0xD9;
                break;
            case "zeros":
                bytes.AsSpan(At(percent), 512).Clear();
                break;
        }
        return bytes;
    }

    /// <summary>Where the first scan's entropy-coded data begins (after its SOS segment).</summary>
    private static int ScanStart(byte[] jpeg)
    {
        for (var i = 2; i + 3 < jpeg.Length;)
        {
            var marker = jpeg[i + 1];
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (marker == 0xDA)
                return i + 2 + length;
            i += 2 + length;
        }
        throw new InvalidOperationException("No scan in the JPEG.");
    }

    private static bool FullDecodeFails(byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        if (codec is null)
            return true;
        using var bitmap = new SKBitmap(codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        return codec.GetPixels(bitmap.Info, bitmap.GetPixels()) != SKCodecResult.Success;
    }

    private static byte[] Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "data", "uploads", name);
            if (File.Exists(path))
                return File.ReadAllBytes(path);
        }
        throw new FileNotFoundException($"Upload fixture {name} not found under tests/data/uploads.");
    }
}
