using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Documents.Specimens;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// ID cards photographed with the phone held upside down or sideways and no EXIF orientation (the held-out captures of
/// <c>decisions --documents-only --captures unseen</c>): the back's MRZ is read turned.
/// </summary>
[Collection(OcrCollection.Name)]
public class TurnedPhotoTests(OcrFixture ocr)
{
    private static DecisionLabel Label(DecisionSetGenerator generator, int seed, string id) => generator.Plan(5, seed).Single(l => l.Id == id);

    private static DecisionSetGenerator Generator() => new(FacePhotos.Locate(AppContext.BaseDirectory), OcrFixture.Renderer(),
        designs: Enum.GetValues<SpecimenDesign>(), captures: CaptureConditions.Unseen);

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
}
