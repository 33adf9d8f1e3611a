using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Imaging;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// Documents photographed in a dim room (<see cref="CaptureCondition.LowLight"/>, held out: <c>decisions --documents-only
/// --captures low_light</c>): the gain leaves each colour channel grainy on its own, and the DB detector, given the
/// colours, broke the MRZ's filler runs off its lines or missed an ID card back's MRZ whole (<c>mrz_not_found</c>), though
/// it is plain to the eye. When no MRZ is found in the colours, the text is detected again in the luma, by the verification
/// and by the capture page's precheck.
/// </summary>
[Collection(OcrCollection.Name)]
public class DimRoomPhotoTests(OcrFixture ocr)
{
    /// <summary>Seed 810: the colour detection finds no MRZ on these card backs; the verification finds it (one of the three still reads it unsure).</summary>
    [Fact]
    public void The_MRZ_of_a_card_back_photographed_in_a_dim_room_is_found_in_the_luma()
    {
        var generator = OcrFixture.DecisionSet([CaptureCondition.LowLight]);
        var verifier = new DocumentVerifier(ocr.Models, new DocumentOptions { RequirePortrait = false });
        var missed = 0;
        foreach (var label in generator.Plan(3, seed: 810).Where(l => l.Class == DecisionClass.GenuineIdCard))
        {
            var (front, back) = generator.RenderDocument(label);
            var (image, _) = ImageDecoder.Decode(back!, new DocumentOptions());
            using (image)
                missed += ocr.Reader.Read(image!.Bitmap).Parse?.Success == true ? 0 : 1;

            var result = verifier.Verify(new DocumentImages(front, back, label.DocumentType), new DateOnly(2026, 12, 7), CancellationToken.None);

            Assert.DoesNotContain("mrz_not_found", result.Authenticity.ReasonCodes);
        }
        // The class the luma detection is for: the colour detection alone (the previous engine) misses them.
        Assert.True(missed >= 2, $"{missed} of 3 missed in colour");
    }

    /// <summary>
    /// Seed 810: a genuine passport whose MRZ the colours read with its number's <c>J</c> as <c>I</c> and fillers as
    /// <c>K</c>, surely (certainty 0.88), so that it was rejected <c>check_digit_mismatch</c>; its grey copy reads every
    /// character right.
    /// </summary>
    [Fact]
    public void An_MRZ_the_grain_misleads_the_recogniser_on_is_read_again_in_grey()
    {
        var generator = OcrFixture.DecisionSet([CaptureCondition.LowLight]);
        var label = generator.Plan(6, seed: 810).Single(l => l.Id == "genuine_passport-008");

        var result = ocr.Verify(generator, label, new DocumentOptions { RequirePortrait = false });

        Assert.True(result.Authenticity.Status == CheckStatus.Pass, string.Join(", ", result.Authenticity.ReasonCodes));
    }

    /// <summary>
    /// Seed 810: the capture page's precheck looked for the MRZ in the colours only, so it asked the customer to retake
    /// card backs (<c>mrz_not_found</c>) that the verification then read.
    /// </summary>
    [Fact]
    public void The_capture_page_finds_the_MRZ_of_a_card_back_photographed_in_a_dim_room()
    {
        var generator = OcrFixture.DecisionSet([CaptureCondition.LowLight]);
        var precheck = new DocumentPrecheck(ocr.Models, new DocumentOptions());
        foreach (var label in generator.Plan(3, seed: 810).Where(l => l.Class == DecisionClass.GenuineIdCard))
        {
            var (_, back) = generator.RenderDocument(label);

            var result = precheck.Check(back!, "id_card", "back");

            Assert.True(result.MrzFound, $"{label.Id}: {string.Join(", ", result.Problems)}");
        }
    }
}
