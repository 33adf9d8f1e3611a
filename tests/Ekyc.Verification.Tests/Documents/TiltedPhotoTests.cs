using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Synthetic.Capture;
using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Printed;
using Ekyc.Verification.Documents.Specimens;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// A passport photographed on a desk with the phone held at an angle: the page turned in the frame and seen in
/// perspective. From about 10° the detector can lose the MRZ's filler runs and find its lines in pieces, so no MRZ was
/// read (`mrz_not_found`) on a genuine passport; the page is read again straightened and cut to its text. Since the
/// eighteenth session a side with no MRZ is first detected again in its luma, which finds these passports' MRZ lines
/// whole at 12–14° (read tilted, checks agreeing): either way the MRZ is read.
/// </summary>
[Collection(OcrCollection.Name)]
public class TiltedPhotoTests(OcrFixture ocr)
{
    private static readonly MrzFields Passport = new(MrzFormat.Td3, "P", "DNK", "DE LA FUENTE", "JONAS", "KX3199544", "DNK", "680922", 'M', "330219", "");

    [Theory]
    [InlineData(-12.0)]
    [InlineData(-14.0)]
    public void A_passport_photographed_at_an_angle_has_its_mrz_read(double degrees)
    {
        var result = Verify(Photograph(degrees));

        Assert.True(result.Authenticity.Status == CheckStatus.Pass, string.Join(", ", result.Authenticity.ReasonCodes));
        Assert.Equal("KX3199544", result.Extracted!.DocumentNumber);
    }

    [Fact]
    public void A_page_turned_a_little_is_read_as_it_is()
    {
        var result = Verify(Photograph(2));

        Assert.Equal(CheckStatus.Pass, result.Authenticity.Status);
        Assert.Equal(0, Straightened(result));
    }

    /// <summary>
    /// Genuine documents of the decision set photographed on a desk at an angle (`decisions --documents-only --count 5`,
    /// `phone_at_angle`), whose MRZ read tilted while the detector's boxes on the small print drifted off the text's
    /// angle or took two rows in one: an ID card turned 11° read its expiry cut short (<c>07.03.20</c>), and a passport
    /// turned 14° lost its number, the type <c>P</c> compared in its place. Both went to review for a
    /// <c>printed_mrz_mismatch</c>; their printed text is now read from a straightened copy.
    /// </summary>
    [Theory]
    [InlineData(603, "genuine_id_card-004", PrintedFields.ExpiryDate)]
    [InlineData(601, "genuine_passport-004", PrintedFields.DocumentNumber)]
    public void A_genuine_document_photographed_at_an_angle_has_its_printed_fields_read_straight(int seed, string id, string field)
    {
        var generator = OcrFixture.DecisionSet(CaptureConditions.All);
        var label = generator.Plan(5, seed).Single(l => l.Id == id);
        Assert.Equal(CaptureCondition.PhoneAtAngle, label.Capture);
        var (front, back) = generator.RenderDocument(label);

        var result = new DocumentVerifier(ocr.Models, new DocumentOptions { RequirePortrait = false })
            .Verify(new DocumentImages(front, back, label.DocumentType), new DateOnly(2026, 12, 6), CancellationToken.None);

        var printed = ((IReadOnlyList<PrintedFieldResult>)result.Authenticity.Evidence["printed_fields"]!).Single(f => f.Field == field);
        Assert.True(printed.Agrees, $"{field} printed {printed.Printed}");
        Assert.True(result.Authenticity.Status == CheckStatus.Pass, string.Join(", ", result.Authenticity.ReasonCodes));
    }

    /// <summary>
    /// A genuine passport on a desk turned 15° (`decisions --documents-only --count 4 --seed 340`, `phone_at_angle`): no
    /// MRZ read tilted, and none read straightened either, where the detector at its full bound (960 px) missed the second
    /// line of a clean, straight MRZ (review <c>mrz_not_found</c>). The straightened page fills its image, so it is read
    /// again at the passport's own bound (800 px), where the detector finds both lines.
    /// </summary>
    [Fact]
    public void A_straightened_page_whose_mrz_the_full_bound_missed_is_read_at_the_documents_bound()
    {
        var generator = OcrFixture.DecisionSet(CaptureConditions.All);
        var label = generator.Plan(4, 340).Single(l => l.Id == "genuine_passport-004");
        Assert.Equal(CaptureCondition.PhoneAtAngle, label.Capture);

        var result = ocr.Verify(generator, label, new DocumentOptions { RequirePortrait = false, ReadPrintedFields = false });

        Assert.True(result.Authenticity.Status == CheckStatus.Pass, string.Join(", ", result.Authenticity.ReasonCodes));
        Assert.Equal(label.DocumentNumber, result.Extracted!.DocumentNumber);
        Assert.NotEqual(0, Straightened(result));
    }

    /// <summary>
    /// An ID card whose expiry was altered in print and MRZ, its check digits left as issued, photographed on a desk turned
    /// 13° (`decisions --documents-only --count 4 --seed 302`, `phone_at_angle`): read tilted, the number's <c>WN</c> came
    /// out <c>92</c> at certainty 0.14, a misreading that made the altered expiry's failing check look like the OCR's too
    /// (review <c>mrz_read_uncertain</c>). Straightened, the number reads right and agrees, and the expiry alone fails,
    /// read at 0.98: that reading is kept, and the document fails.
    /// </summary>
    [Fact]
    public void A_tampered_card_at_an_angle_is_judged_on_the_straightened_reading_that_fails_fewer_checks() => AssertTamperedCardFails(302);

    /// <summary>
    /// An ID card whose number was altered in print and MRZ, its check digit left as issued, photographed on a desk at an
    /// angle (`decisions --documents-only --count 4 --seed 733`, `phone_at_angle`): read tilted, the number's <c>ZY</c>
    /// came out <c>22</c> at certainty 0.14 and a one-character repair looked plausible (review <c>mrz_read_uncertain</c>).
    /// Straightened, it reads right at 0.90 and fails the same checks: the same checks failing, the reading that read
    /// their fields more surely is kept, and the document fails.
    /// </summary>
    [Fact]
    public void A_tampered_card_at_an_angle_is_judged_on_the_straightened_reading_that_reads_the_failing_fields_more_surely() => AssertTamperedCardFails(733);

    /// <summary>The decision set's tampered card at an angle of <paramref name="seed"/> (count 4) fails on its straightened back.</summary>
    private void AssertTamperedCardFails(int seed)
    {
        var generator = OcrFixture.DecisionSet(CaptureConditions.All);
        var label = generator.Plan(4, seed).Single(l => l.Id == "tampered_check_digit-003");
        Assert.Equal(CaptureCondition.PhoneAtAngle, label.Capture);

        var result = ocr.Verify(generator, label, new DocumentOptions { RequirePortrait = false });

        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
        Assert.Contains("check_digit_mismatch", result.Authenticity.ReasonCodes);
        Assert.Equal(label.DocumentNumber, result.Extracted!.DocumentNumber);
        Assert.NotEqual(0, Straightened(result, "back"));
    }

    private DocumentVerification Verify(byte[] photo) =>
        new DocumentVerifier(ocr.Models, new DocumentOptions { RequirePortrait = false, ReadPrintedFields = false })
            .Verify(new DocumentImages(photo, null, "passport"), new DateOnly(2026, 12, 6), CancellationToken.None);

    private static double Straightened(DocumentVerification result, string side = "front") =>
        Convert.ToDouble(((IReadOnlyDictionary<string, object?>)result.Authenticity.Evidence[side]!)["straightened_degrees"]);

    /// <summary>
    /// The page (1,500 px) on a desk, photographed at 0.5 camera pixels per page pixel: about 150 dpi. Tilted 12–14° the
    /// other way, the detector finds this page's MRZ in pieces at both of its bounds (800 and 960 px).
    /// </summary>
    private static byte[] Photograph(double degrees)
    {
        using var page = OcrFixture.Decode(OcrFixture.Renderer().Render(Passport, new SpecimenOptions { Width = 1500, JpegQuality = 92 }));
        return DeskPhoto.Photograph(page, 0.3,
            new CameraShot { Scale = 0.5, RotationDegrees = degrees, Keystone = 0.1, LensBlur = 0.6, Noise = 0.008, JpegQuality = 88, Seed = 5 });
    }
}
