using Ekyc.Core.Checks;
using Ekyc.Synthetic.Decisions;
using Ekyc.Synthetic.Images;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Faces;

namespace Ekyc.Verification.Tests.Faces;

/// <summary>
/// The document's own portrait sent as the selfie is no capture of a person: it matches the document almost exactly,
/// and the passive model alone let one such picture through (a 150 dpi passport's portrait at 720 px read p(live) 0.60).
/// </summary>
[Collection(FaceEngineCollection.Name)]
public class PortraitReuseTests(FaceEngineFixture engine)
{
    private static readonly DecisionSetGenerator Generator = new(FacePhotos.Locate(AppContext.BaseDirectory), new SpecimenRenderer(OcrBFont.Path));

    private static (byte[] Front, DecisionLabel Label) Document(string id)
    {
        var label = Generator.Plan(4, seed: 101).Single(l => l.Id == id);
        return (Generator.RenderDocument(label).Front, label);
    }

    [Theory]
    [InlineData("genuine_passport-000", 480)]
    [InlineData("genuine_passport-000", 720)]
    [InlineData("genuine_id_card-005", 720)]
    public void The_portrait_cut_from_the_document_and_sent_as_the_selfie_fails_liveness(string id, int width)
    {
        var (front, _) = Document(id);
        var selfie = PortraitCut.FromDocument(front, engine.Detect(front)[0], width);

        var liveness = engine.Verifier.Verify(front, [selfie], CancellationToken.None).Liveness;

        Assert.Equal(CheckStatus.Fail, liveness.Status);
        Assert.Equal([FaceReasons.SelfieIsDocumentPortrait], liveness.ReasonCodes);
    }

    [Theory]
    [InlineData("genuine_passport-000")]
    [InlineData("genuine_id_card-005")]
    public void A_selfie_from_another_photo_of_the_holder_is_not_taken_for_the_portrait(string id)
    {
        var (front, label) = Document(id);
        var photo = File.ReadAllBytes(Path.Combine(FacePhotos.Locate(AppContext.BaseDirectory), label.SelfiePhoto));
        var selfie = SelfieCapture.Render(photo, SelfieKind.Webcam, new Random(1), 1);

        var liveness = engine.Verifier.Verify(front, [selfie], CancellationToken.None).Liveness;

        Assert.DoesNotContain(FaceReasons.SelfieIsDocumentPortrait, liveness.ReasonCodes);
        var signal = ((IEnumerable<FaceSignal>)liveness.Evidence["signals"]!).Single(s => s.Name == FaceReasons.SelfieIsDocumentPortrait);
        Assert.InRange(signal.Value, 0.3, engine.Options.MaxPortraitSimilarity);
    }
}
