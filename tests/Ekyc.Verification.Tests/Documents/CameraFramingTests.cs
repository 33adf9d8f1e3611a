using Ekyc.Synthetic.Capture;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Ocr;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// A passport page photographed by a 1280×720 camera as the capture page crops it (its guide frame in the passport's
/// aspect at 90 % of the height, widened by 6 %), on a grained desk, JPEG 92. At 82–86 % of the frame height the
/// detector lost the end of the name line's filler run and no MRZ was found. The document number is not asserted: at
/// about 17 px per character the recogniser reads its final C as 0 at 78, 84 and 86 %, and the check-digit repair then
/// makes it L89889Q10 (a wrong number that satisfies the check digit; the read's low confidence sends it to review).
/// </summary>
[Collection(OcrCollection.Name)]
public class CameraFramingTests(OcrFixture ocr)
{
    private const int Width = 1280;
    private const int Height = 720;

    [Theory]
    [InlineData(0.78f)]
    [InlineData(0.82f)]
    [InlineData(0.84f)]
    [InlineData(0.86f)]
    [InlineData(0.88f)]
    public void A_passport_page_filling_most_of_a_camera_frame_has_its_mrz_read(float share)
    {
        var fields = new MrzFields(MrzFormat.Td3, "P", "USA", "CAGE", "NICOLAS", "L8988901C", "USA", "640107", 'M', "330114", "");
        using var passport = OcrFixture.Decode(OcrFixture.Renderer().Render(fields, new SpecimenOptions { Width = 1500, JpegQuality = 92 }));
        using var crop = CameraCrop(passport, share);
        var reading = ocr.Reader.Read(crop);
        Assert.True(reading.Parse?.Success == true, string.Join(" | ", reading.RawLines));
        var mrz = reading.Parse!.Mrz!;
        Assert.Equal(("CAGE", "NICOLAS", "640107", "330114"), (mrz.PrimaryIdentifier, mrz.SecondaryIdentifier, mrz.BirthDate, mrz.ExpiryDate));
    }

    [Fact]
    public void A_line_box_shorter_than_its_mrz_partner_is_stretched_along_its_axis_over_the_partners_extent()
    {
        var partner = new RotatedBox(500, 630, 768, 24, 0);
        var truncated = new RotatedBox(452, 600, 672, 25, 0);
        var stretched = MrzReader.PartnerExtent(truncated, [truncated, partner]);
        Assert.Equal(new RotatedBox(500, 600, 768, 25, 0), stretched);
        // A wide line far away (printed text higher up the page) is no partner.
        Assert.Equal(truncated, MrzReader.PartnerExtent(truncated, [truncated, new RotatedBox(500, 300, 900, 24, 0)]));
    }

    private static SKBitmap CameraCrop(SKBitmap passport, float share)
    {
        using var frame = new SKBitmap(Width, Height);
        using (var canvas = new SKCanvas(frame))
        {
            WoodenDesk.Draw(canvas, Width, Height);
            var height = share * Height;
            var width = height * passport.Width / passport.Height;
            using var image = SKImage.FromBitmap(passport);
            canvas.DrawImage(image, SKRect.Create((Width - width) / 2, (Height - height) / 2, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        const double aspect = 125 / 88.0;
        var guideWidth = Math.Min(0.9 * Width, 0.9 * Height * aspect);
        var guideHeight = guideWidth / aspect;
        var x = Math.Max(0, (Width - guideWidth) / 2 - 0.06 * guideWidth);
        var y0 = Math.Max(0, (Height - guideHeight) / 2 - 0.06 * guideHeight);
        using var cut = new SKBitmap();
        frame.ExtractSubset(cut, SKRectI.Create((int)x, (int)y0, (int)Math.Min(Width - x, 1.12 * guideWidth), (int)Math.Min(Height - y0, 1.12 * guideHeight)));
        using var still = SKImage.FromBitmap(cut);
        using var encoded = still.Encode(SKEncodedImageFormat.Jpeg, 92);
        return OcrFixture.Decode(encoded.ToArray());
    }
}
