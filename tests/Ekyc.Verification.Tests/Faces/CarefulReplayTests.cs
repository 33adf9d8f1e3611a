using Ekyc.Core.Checks;
using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Faces;

namespace Ekyc.Verification.Tests.Faces;

/// <summary>
/// Careful replays (<see cref="CarefulReplay"/>: a continuous-tone photo print or a screen filling the frame, no
/// halftone, no border, the grid unresolved or barely resolved) that the anti-spoof model scored live, held back by the
/// face's contrast or a faint grid all over the frame; the genuine photo framed the same way still passes.
/// </summary>
[Collection(FaceEngineCollection.Name)]
public class CarefulReplayTests(FaceEngineFixture engine)
{
    private static byte[] Render(string photo, SelfieKind kind, int seed) =>
        SelfieCapture.Render(TestPhotos.Bytes(TestPhotos.Media(photo)), kind, new Random(seed), seed);

    private CheckResult Liveness(byte[] selfie, FaceOptions? options = null)
    {
        if (options is null)
            return engine.Verifier.Liveness([selfie], null, CancellationToken.None);
        using var verifier = new FaceVerifier(engine.Models, options);
        return verifier.Liveness([selfie], null, CancellationToken.None);
    }

    private static FaceSignal Signal(CheckResult liveness, string name) =>
        Assert.Single(Assert.IsType<List<FaceSignal>>(liveness.Evidence["signals"]), s => s.Name == name);

    private static FaceSignal Contrast(CheckResult liveness) => Signal(liveness, FaceReasons.FaceContrastLow);

    [Theory]
    [InlineData("franck_01829.jpg", SelfieKind.PrintPhotoPaper, 1005)]
    [InlineData("franck_01829.jpg", SelfieKind.ScreenReplayFine, 1004)]
    [InlineData("chuck_crop.jpg", SelfieKind.ScreenReplayFine, 1002)]
    public void A_replay_the_anti_spoof_model_scores_live_goes_to_review_for_its_flat_contrast(string photo, SelfieKind kind, int seed)
    {
        // The faint-grid signal is set aside: the video frames of `franck` carry a periodic pattern of their own into the print.
        var frame = Render(photo, kind, seed);
        var gridAside = engine.Options with { FaintScreenGridDb = 100 };
        // They score just over the threshold (0.55–0.57), where the marginal-score review would hold them back too: set aside.
        var without = Liveness(frame, gridAside with { MinFaceContrast = 0, PassiveMarginalLive = 0 });
        Assert.True(without.Status == CheckStatus.Pass, $"{without.Score}: {string.Join(",", without.ReasonCodes)}");

        var liveness = Liveness(frame, gridAside);
        Assert.Equal(CheckStatus.Review, liveness.Status);
        Assert.Equal([FaceReasons.FaceContrastLow], liveness.ReasonCodes);
        var signal = Contrast(liveness);
        Assert.Equal(engine.Options.MinFaceContrast, signal.Threshold);
        Assert.InRange(signal.Value, 1, engine.Options.MinFaceContrast);
    }

    [Theory]
    [InlineData("franck_01829.jpg", 1005)]
    [InlineData("franck_02045.jpg", 1005)]
    public void A_screen_replay_whose_faint_grid_covers_the_frame_goes_to_review(string photo, int seed)
    {
        // Under the documents' screen thresholds (13 dB luma), but in every tile.
        var frame = Render(photo, SelfieKind.ScreenReplayDefocused, seed);
        var without = Liveness(frame, engine.Options with { FaintScreenGridDb = 100, PassiveMarginalLive = 0 });
        Assert.True(without.Status == CheckStatus.Pass, $"{without.Score}: {string.Join(",", without.ReasonCodes)}");

        var liveness = Liveness(frame);
        Assert.Equal(CheckStatus.Review, liveness.Status);
        Assert.Equal([FaceReasons.ScreenGridFaint], liveness.ReasonCodes);
        var signal = Signal(liveness, FaceReasons.ScreenGridFaint);
        Assert.Equal(engine.Options.FaintScreenGridDb, signal.Threshold);
        Assert.InRange(signal.Value, engine.Options.FaintScreenGridDb, 13);
    }

    [Theory]
    [InlineData("franck_01829.jpg", 1005)]
    [InlineData("franck_02683.jpg", 1000)]
    public void The_genuine_photo_framed_the_same_way_still_passes(string photo, int seed)
    {
        var liveness = Liveness(Render(photo, SelfieKind.WebcamFramed, seed));
        Assert.True(liveness.Status == CheckStatus.Pass, $"{liveness.Score}: {string.Join(",", liveness.ReasonCodes)}");
        Assert.True(Contrast(liveness).Value > engine.Options.MinFaceContrast);
        Assert.True(Signal(liveness, FaceReasons.ScreenGridFaint).Passed);
    }

    [Fact]
    public void Tones_squeezed_toward_white_lower_the_contrast()
    {
        var frame = TestPhotos.Bytes(TestPhotos.Media("franck_02045.jpg"));
        var before = Contrast(Liveness(frame)).Value;
        var after = Contrast(Liveness(ImageEdits.LiftBlacks(frame, 60))).Value;
        Assert.True(after < before / 2, $"{before:F1} → {after:F1}");
    }
}
