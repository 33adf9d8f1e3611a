using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Ocr;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// Passport pages are detected at 16 px per MRZ character when they fill the image, ID-1 cards at the same pixels per mm,
/// and both looked for at the full bound when the document does not fill the image.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class DetectorBoundTests(OcrFixture ocr)
{
    private static readonly MrzFields Card = new(MrzFormat.Td1, "ID", "FRA", "MARTIN", "CLAIRE", "X4RTBPFW4", "FRA", "900101", 'F', "330101");

    [Fact]
    public void A_scan_is_detected_at_its_document_s_bound()
    {
        using var scan = new SKBitmap(1011, 640);

        var card = TextDetector.Input(scan, DetectorBound.For("id_card"));
        var passport = TextDetector.Input(scan, DetectorBound.For("passport"));

        Assert.Equal((576, 352), (card.Dimensions[3], card.Dimensions[2]));
        Assert.Equal((800, 512), (passport.Dimensions[3], passport.Dimensions[2]));
    }

    [Fact]
    public void A_card_smaller_than_the_image_has_its_mrz_read_at_the_full_bound()
    {
        var back = Small(OcrFixture.Renderer().Render(Card, new SpecimenOptions { Width = 1000, DrawPrinted = false }));
        var front = OcrFixture.Renderer().Render(Card, new SpecimenOptions { Width = 1000, DrawMrz = false });
        using (var image = OcrFixture.Decode(back))
            Assert.NotEqual(true, ocr.Reader.Read(image, detectorMaxSide: DetectorBound.Card).Parse?.Success); // 4 px per character there, 7 at the full bound
        var verifier = new DocumentVerifier(ocr.Models, new DocumentOptions { RequirePortrait = false, ReadPrintedFields = false });

        var result = verifier.Verify(new DocumentImages(front, back, "id_card"), new DateOnly(2026, 11, 26), CancellationToken.None);

        Assert.True(result.Authenticity.Status == CheckStatus.Pass, string.Join(", ", result.Authenticity.ReasonCodes));
        Assert.Equal("X4RTBPFW4", result.Extracted!.DocumentNumber);
    }

    /// <summary>The card in the middle of a photo four times as wide, on a light desk.</summary>
    private static byte[] Small(byte[] card)
    {
        using var page = SKImage.FromEncodedData(card);
        using var photo = new SKBitmap(new SKImageInfo(4000, 2700, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(photo))
        {
            canvas.Clear(new SKColor(225, 222, 215));
            canvas.DrawImage(page, (photo.Width - page.Width) / 2f, (photo.Height - page.Height) / 2f, SKSamplingOptions.Default);
        }
        using var encoded = SKImage.FromBitmap(photo).Encode(SKEncodedImageFormat.Jpeg, 92);
        return encoded.ToArray();
    }
}
