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

    [Fact]
    public void The_decision_sets_document_portrait_selfies_fail_liveness_in_every_capture()
    {
        var generator = new DecisionSetGenerator(FacePhotos.Locate(AppContext.BaseDirectory), new SpecimenRenderer(OcrBFont.Path),
            captures: CaptureConditions.All, faces: engine.Analyzer);
        // Fraud classes reach every capture condition from 8 cases on; one case per condition is enough here.
        var labels = generator.Plan(8, seed: 101).Where(l => l.Class == DecisionClass.DocumentPortraitSelfie).DistinctBy(l => l.Capture).ToList();
        Assert.Equal(CaptureConditions.All.Count, labels.Select(l => l.Capture).Distinct().Count());

        foreach (var label in labels)
        {
            var rendered = generator.Render(label);
            var liveness = engine.Verifier.Verify(rendered.Front, [rendered.Selfie], CancellationToken.None).Liveness;

            Assert.True(liveness.Status == CheckStatus.Fail, $"{label.Id} ({label.Capture}): {liveness.Status} {string.Join(", ", liveness.ReasonCodes)}");
            Assert.Contains(FaceReasons.SelfieIsDocumentPortrait, liveness.ReasonCodes);
        }
    }
}
