using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents.Forensics;
using Ekyc.Verification.Documents.Specimens;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>The holder's portrait on the document page, found by the face detector.</summary>
[Collection(OcrCollection.Name)]
public sealed class PortraitFinderTests(OcrFixture ocr)
{
    /// <summary>
    /// Seed 241 of the national design (`decisions --documents-only --design national`), a genuine passport turned 2–6°
    /// with its portrait on the right: on the whole page the detector scored the face 0.23, under the 0.65 floor, and the
    /// document went to review (`portrait_not_found`). Looked at again in the page's right part, the face is found there.
    /// </summary>
    [Fact]
    public void A_portrait_missed_on_the_whole_page_is_found_in_the_part_that_holds_it()
    {
        var generator = OcrFixture.DecisionSet(SpecimenDesign.National);
        var label = generator.Plan(8, seed: 241).Single(l => l.Id == "genuine_passive_selfie-002");
        var (front, _) = generator.RenderDocument(label);
        using var image = OcrFixture.Decode(front);

        var portrait = new PortraitFinder(ocr.Models).Find(image, minScore: 0.65f);

        Assert.NotNull(portrait);
        Assert.True(portrait.Box.MidX > 0.6f * image.Width, $"the portrait lies on the right, found at {portrait.Box}");
    }
}
