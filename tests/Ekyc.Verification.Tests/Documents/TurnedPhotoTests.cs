using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Documents.Printed;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// ID cards photographed with the phone held upside down or sideways and no EXIF orientation (the held-out captures of
/// <c>decisions --documents-only --captures unseen</c>): the back's MRZ is read turned, and the front, photographed
/// the same way, is read turned too.
/// </summary>
[Collection(OcrCollection.Name)]
public class TurnedPhotoTests(OcrFixture ocr)
{
    private static DecisionLabel Label(DecisionSetGenerator generator, int seed, string id) => generator.Plan(5, seed).Single(l => l.Id == id);

    private static DecisionSetGenerator Generator() => OcrFixture.DecisionSet(CaptureConditions.Unseen);

    /// <summary>
    /// Seed 800, a card's back photographed sideways: read turned 180° (still sideways), a country code read with a
    /// filler that has no letter look-alike was judged by its glyph against no other candidate, and the reading threw
    /// (an index out of range): the whole verification failed instead of turning on to the upright reading.
    /// </summary>
    [Fact]
    public void A_filler_read_in_a_country_code_is_judged_against_every_other_glyph()
    {
        var generator = Generator();
        var label = Label(generator, 800, "genuine_id_card-000");
        Assert.Equal(CaptureCondition.PhoneSideways, label.Capture);
        var (_, back) = generator.RenderDocument(label);
        var (image, _) = ImageDecoder.Decode(back!, new DocumentOptions());
        using var turned = image!.Turned(180);
        image.Dispose();

        var reading = ocr.Reader.Read(turned.Bitmap);

        Assert.NotNull(reading);
    }

    /// <summary>
    /// Seed 800, a card photographed upside down on both sides: the back's MRZ was read turned 180°, but the front was
    /// read as it came, upside down, and none of its printed values was found (review <c>printed_fields_not_found</c>).
    /// </summary>
    [Fact]
    public void The_front_of_a_card_whose_back_was_read_upside_down_is_read_upside_down_too()
    {
        var generator = Generator();
        var label = Label(generator, 800, "genuine_id_card-001");
        Assert.Equal(CaptureCondition.PhoneUpsideDown, label.Capture);
        var (front, back) = generator.RenderDocument(label);

        var result = new DocumentVerifier(ocr.Models, new DocumentOptions { RequirePortrait = false })
            .Verify(new DocumentImages(front, back, label.DocumentType), new DateOnly(2026, 12, 7), CancellationToken.None);

        var printed = (IReadOnlyList<PrintedFieldResult>)result.Authenticity.Evidence["printed_fields"]!;
        Assert.True(printed.Count(f => f.Agrees == true) >= 4, string.Join(", ", printed.Select(f => $"{f.Field} {f.Printed} {f.Agrees}")));
        Assert.True(result.Authenticity.Status == CheckStatus.Pass, string.Join(", ", result.Authenticity.ReasonCodes));
    }

    /// <summary>
    /// Seed 840, a passport photographed sideways (about 200 dpi, 20 px per MRZ character): read turned 270°, its
    /// resolution was taken as the turned copy's width over the upload's, so the MRZ measured 12.1 px per character and
    /// the genuine page was reviewed <c>low_resolution</c>.
    /// </summary>
    [Fact]
    public void A_page_read_a_quarter_turn_keeps_its_resolution()
    {
        var result = VerifySideways("genuine_passport-003", new DocumentOptions { RequirePortrait = false });

        var side = (IReadOnlyDictionary<string, object?>)result.Authenticity.Evidence["front"]!;
        Assert.Equal(270, side["turned_degrees"]);
        Assert.DoesNotContain("low_resolution", result.Authenticity.ReasonCodes);
        Assert.True(result.Authenticity.Status == CheckStatus.Pass, string.Join(", ", result.Authenticity.ReasonCodes));
    }

    /// <summary>
    /// Seed 840, a passport photographed sideways: when its MRZ was read as it came, across the picture, its portrait was
    /// looked for in the page squeezed as it stands into the detector's landscape input and not found (review
    /// <c>portrait_not_found</c>).
    /// </summary>
    [Fact]
    public void The_portrait_of_a_page_photographed_sideways_is_found()
    {
        var result = VerifySideways("genuine_passport-000", new DocumentOptions());

        Assert.DoesNotContain("portrait_not_found", result.Authenticity.ReasonCodes);
        Assert.True(result.Authenticity.Status == CheckStatus.Pass, string.Join(", ", result.Authenticity.ReasonCodes));
    }

    /// <summary>
    /// Seed 841, genuine documents photographed sideways whose MRZ was read where it stood, across the picture: the lines
    /// were read in opposite directions and out of order (a passport's second line began <c>P&lt;FINJANS5EN</c>, a card's
    /// first line was its second), and the garbage MRZ parsed and failed its check digits past any repair, so both were
    /// rejected <c>check_digit_mismatch</c>. Read turned a quarter turn, both read every check agreeing.
    /// </summary>
    [Theory]
    [InlineData("genuine_passport-007")]
    [InlineData("genuine_id_card-004")]
    public void A_page_photographed_sideways_is_read_turned_rather_than_where_it_stands(string id)
    {
        var result = VerifySideways(id, new DocumentOptions { RequirePortrait = false, ReadPrintedFields = false }, seed: 841);

        var mrzSide = id.StartsWith("genuine_id_card", StringComparison.Ordinal) ? "back" : "front";
        var side = (IReadOnlyDictionary<string, object?>)result.Authenticity.Evidence[mrzSide]!;
        Assert.Contains(side["turned_degrees"], new object?[] { 90, 270 });
        Assert.True(result.Authenticity.Status == CheckStatus.Pass, string.Join(", ", result.Authenticity.ReasonCodes));
    }

    /// <summary>
    /// Seed 840 (<c>phone_sideways</c> alone, count 3), a card photographed sideways on both sides: when its back's TD1
    /// MRZ was read across the picture as it came, nothing was turned, and the front's printed text, read sideways, gave
    /// one value of the MRZ (review <c>printed_fields_not_found</c>). The front is read a quarter turn turned.
    /// </summary>
    [Fact]
    public void The_front_of_a_card_photographed_sideways_is_read_a_quarter_turn_turned()
    {
        var result = VerifySideways("genuine_id_card-000", new DocumentOptions(), count: 3);

        var front = (IReadOnlyDictionary<string, object?>)result.Authenticity.Evidence["front"]!;
        Assert.Contains(front["turned_degrees"], new object[] { 90, 270 });
        var printed = (IReadOnlyList<PrintedFieldResult>)result.Authenticity.Evidence["printed_fields"]!;
        Assert.True(printed.Count(f => f.Agrees == true) >= 4, string.Join(", ", printed.Select(f => $"{f.Field} {f.Printed} {f.Agrees}")));
        Assert.True(result.Authenticity.Status == CheckStatus.Pass, string.Join(", ", result.Authenticity.ReasonCodes));
    }

    /// <summary>
    /// Seed 840, a card whose front prints values its MRZ does not hold, photographed sideways: read sideways, no value was
    /// found (review <c>printed_fields_not_found</c>); read turned, the edited values contradict the MRZ.
    /// </summary>
    [Fact]
    public void A_card_printing_other_values_than_its_mrz_photographed_sideways_is_caught_as_a_mismatch()
    {
        var result = VerifySideways("printed_mrz_mismatch-001", new DocumentOptions(), count: 3);

        Assert.Contains("printed_mrz_mismatch", result.Authenticity.ReasonCodes);
        Assert.DoesNotContain("printed_fields_not_found", result.Authenticity.ReasonCodes);
        Assert.NotEqual(CheckStatus.Pass, result.Authenticity.Status);
    }

    /// <summary>A document of the decision set photographed sideways (<c>phone_sideways</c> alone), verified.</summary>
    private DocumentVerification VerifySideways(string id, DocumentOptions options, int seed = 840, int count = 4)
    {
        var generator = OcrFixture.DecisionSet([CaptureCondition.PhoneSideways]);
        return ocr.Verify(generator, generator.Plan(count, seed).Single(l => l.Id == id), options);
    }
}
