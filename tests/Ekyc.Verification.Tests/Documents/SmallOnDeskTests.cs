using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Printed;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// A passport photographed small on a cluttered desk (the held-out capture <c>small_on_cluttered_desk</c> of
/// <c>decisions --documents-only --captures unseen</c>): the page 30–45 % of the frame's width, off centre, by a printed
/// receipt, a pen and a phone. Read in the whole frame, its printed values were not found (the detector saw the page's
/// print shrunk with the frame), the receipt's rows of print read as a screen's grid and the portrait was missed: every
/// genuine one went to review. The page is now cut out where its MRZ puts it and read, measured and searched there.
/// </summary>
[Collection(OcrCollection.Name)]
public class SmallOnDeskTests(OcrFixture ocr)
{
    [Fact]
    public void A_genuine_passport_small_on_a_cluttered_desk_is_read_on_its_page_and_passes()
    {
        var generator = OcrFixture.DecisionSet([CaptureCondition.SmallOnClutteredDesk]);
        var label = generator.Plan(3, 820).First(l => l.Class == DecisionClass.GenuinePassport);
        Assert.Equal(CaptureCondition.SmallOnClutteredDesk, label.Capture);

        var result = ocr.Verify(generator, label, new DocumentOptions());

        var authenticity = result.Authenticity;
        var printed = (IReadOnlyList<PrintedFieldResult>)authenticity.Evidence["printed_fields"]!;
        Assert.True(printed.Count(f => f.Agrees == true) >= 4, string.Join(", ", printed.Select(f => $"{f.Field} {f.Printed} {f.Agrees}")));
        Assert.Equal(DocumentSignal.Pass, Signal(authenticity, "front_recapture").Status);
        Assert.Equal(DocumentSignal.Pass, Signal(authenticity, "portrait").Status);
        Assert.True(authenticity.Status == CheckStatus.Pass, string.Join(", ", authenticity.ReasonCodes));
        Assert.Equal(label.DocumentNumber, result.Extracted!.DocumentNumber);
        Assert.Contains(authenticity.Timings, t => t.Stage == "front_cut_out");
    }

    /// <summary>
    /// Seed 820, a genuine ID card small on the desk: its back is cut out by its MRZ, but its front carries none, so it
    /// was read across the whole frame, detected at a card's bound where the card was some 200 px wide, and none of its
    /// printed values was found (review <c>printed_fields_not_found</c>). The front is now cut out where its print lies.
    /// </summary>
    [Fact]
    public void The_front_of_a_genuine_card_small_on_a_cluttered_desk_is_cut_out_where_its_print_lies()
    {
        var result = VerifyCard("genuine_id_card-002");

        var printed = (IReadOnlyList<PrintedFieldResult>)result.Authenticity.Evidence["printed_fields"]!;
        Assert.True(printed.Count(f => f.Agrees == true) >= 4, string.Join(", ", printed.Select(f => $"{f.Field} {f.Printed} {f.Agrees}")));
        Assert.Contains(result.Authenticity.Timings, t => t.Stage == "front_ocr_printed_cut_out");
        Assert.True(result.Authenticity.Status == CheckStatus.Pass, string.Join(", ", result.Authenticity.ReasonCodes));
    }

    /// <summary>
    /// Seed 820, a card whose front prints values the MRZ does not hold, small on the desk: read across the whole frame,
    /// the front's edited values were "not found" (review <c>printed_fields_not_found</c>); read cut out, they contradict.
    /// </summary>
    [Fact]
    public void A_card_printing_other_values_than_its_mrz_small_on_a_desk_is_caught_as_a_mismatch()
    {
        var result = VerifyCard("printed_mrz_mismatch-001");

        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
        Assert.Contains("printed_mrz_mismatch", result.Authenticity.ReasonCodes);
        Assert.DoesNotContain("printed_fields_not_found", result.Authenticity.ReasonCodes);
    }

    /// <summary>
    /// Seed 820, a genuine card's back small on the desk: cut out by its MRZ to 770 px, it was read with the detector at
    /// 960 px and no MRZ was found, so the cut-out was dropped and the receipt beside the card, measured with the whole
    /// frame, read as a screen's grid (review <c>screen_recapture_suspected</c>). The cut-out is read at a card's bound too.
    /// </summary>
    [Fact]
    public void The_back_of_a_card_small_on_a_desk_is_read_cut_out_at_a_cards_bound()
    {
        var result = VerifyCard("genuine_id_card-001");

        Assert.Equal(DocumentSignal.Pass, Signal(result.Authenticity, "back_recapture").Status);
        Assert.True(result.Authenticity.Status == CheckStatus.Pass, string.Join(", ", result.Authenticity.ReasonCodes));
    }

    /// <summary>An ID card of the decision set small on a cluttered desk (<c>small_on_cluttered_desk</c> alone, count 3, seed 820), verified.</summary>
    private DocumentVerification VerifyCard(string id)
    {
        var generator = OcrFixture.DecisionSet([CaptureCondition.SmallOnClutteredDesk]);
        var label = generator.Plan(3, 820).Single(l => l.Id == id);
        Assert.Equal("id_card", label.DocumentType);
        return ocr.Verify(generator, label, new DocumentOptions());
    }

    private static DocumentSignal Signal(CheckResult result, string code) =>
        ((IReadOnlyList<DocumentSignal>)result.Evidence["signals"]!).Single(s => s.Code == code);
}
