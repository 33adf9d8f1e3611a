using System.Text;
using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Aamva;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using SkiaSharp;
using ZXing;
using ZXing.PDF417;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>PDF417 barcodes rendered from the AAMVA payloads with ZXing's writer, photographed-like, and read back.</summary>
[Collection(OcrCollection.Name)]
public sealed class DrivingLicenceBarcodeTests(OcrFixture ocr)
{
    private static string Payload(string file) =>
        Encoding.UTF8.GetString(File.ReadAllBytes(TestData.File("aamva", "Licenses", file))).TrimStart('\uFEFF');

    /// <summary>A licence back: the barcode drawn at <paramref name="moduleWidth"/>, turned by <paramref name="degrees"/>.</summary>
    private static SKBitmap Back(string payload, int moduleWidth, float degrees)
    {
        var writer = new BarcodeWriterPixelData
        {
            Format = BarcodeFormat.PDF_417,
            Options = new PDF417EncodingOptions { Width = 1, Height = 1, Margin = 2, CharacterSet = "ISO-8859-1", ErrorCorrection = ZXing.PDF417.Internal.PDF417ErrorCorrectionLevel.L3 },
        };
        var pixels = writer.Write(payload);
        using var code = new SKBitmap(new SKImageInfo(pixels.Width, pixels.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        System.Runtime.InteropServices.Marshal.Copy(pixels.Pixels, 0, code.GetPixels(), pixels.Pixels.Length);
        var (w, h) = (code.Width * moduleWidth, code.Height * moduleWidth * 3);
        var card = new SKBitmap(new SKImageInfo(w + 300, h + 400, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(card);
        canvas.Clear(new SKColor(235, 232, 225));
        canvas.Translate(card.Width / 2f, card.Height / 2f);
        canvas.RotateDegrees(degrees);
        using var image = SKImage.FromBitmap(code);
        // Printed on the card: the barcode's white takes the card's colour, as ink on a real licence does.
        using var ink = new SKPaint { BlendMode = SKBlendMode.Multiply };
        canvas.DrawImage(image, new SKRect(-w / 2f, -h / 2f, w / 2f, h / 2f), new SKSamplingOptions(SKFilterMode.Nearest), ink);
        return card;
    }

    [Theory]
    [InlineData("AZ.txt", 3, 0f)]
    [InlineData("NY.txt", 2, 90f)]
    [InlineData("WY.txt", 4, 180f)]
    public void Barcode_is_decoded_at_several_scales_and_rotations(string file, int module, float degrees)
    {
        var payload = Payload(file);
        using var back = Back(payload, module, degrees);

        var text = new Pdf417Reader().Read(back);

        Assert.NotNull(text);
        Assert.Equal(AamvaParser.Parse(payload).Licence!.IdNumber, AamvaParser.Parse(text!).Licence!.IdNumber);
    }

    [Fact]
    public void Driving_licence_is_verified_from_its_barcode()
    {
        using var back = Back(Payload("AZ.txt"), 3, 0);
        using var encoded = SKImage.FromBitmap(back).Encode(SKEncodedImageFormat.Png, 100);
        var front = OcrFixture.Renderer().Render(
            new MrzFields(MrzFormat.Td1, "DL", "USA", "WILLIAMS", "SUSAN T", "D04852767", "USA", "890124", 'F', "540124"),
            new SpecimenOptions { Width = 1000, DrawMrz = false, JpegQuality = 90 });
        var verifier = new DocumentVerifier(ocr.Models, new DocumentOptions { RequirePortrait = false });

        var result = verifier.Verify(new DocumentImages(front, encoded.ToArray(), "driving_licence"), new DateOnly(2026, 11, 26), CancellationToken.None);

        Assert.True(result.Authenticity.Status == CheckStatus.Pass, string.Join(", ", result.Authenticity.ReasonCodes));
        Assert.Equal("D04852767", result.Extracted!.DocumentNumber);
        Assert.Equal("WILLIAMS", result.Extracted.Surname);
        Assert.Equal("SUSAN T", result.Extracted.GivenNames);
        Assert.Equal(new DateOnly(1989, 1, 24), result.Extracted.DateOfBirth);
        Assert.Equal("driving_licence", result.Extracted.DocumentType);
        Assert.Equal("USA", result.Extracted.IssuingCountry);
    }

    [Fact]
    public void Expired_licence_fails_on_its_barcode_dates()
    {
        using var back = Back(Payload("PA.txt"), 3, 0);
        using var encoded = SKImage.FromBitmap(back).Encode(SKEncodedImageFormat.Png, 100);
        var verifier = new DocumentVerifier(ocr.Models, new DocumentOptions { RequirePortrait = false });

        var result = verifier.Verify(new DocumentImages(encoded.ToArray(), null, "driving_licence"), new DateOnly(2026, 11, 26), CancellationToken.None);

        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
        Assert.Contains("document_expired", result.Authenticity.ReasonCodes);
        Assert.Equal("26798765", result.Extracted!.DocumentNumber);
    }
}
