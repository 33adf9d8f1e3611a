using Ekyc.Core.Checks;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Tests.Faces.Active;

namespace Ekyc.Verification.Tests.Faces;

/// <summary>Several selfie frames without a challenge: only the one-person check, held to the face match's bounds.</summary>
public class FramesWithoutChallengeTests
{
    private static readonly FaceOptions Options = new();
    private static readonly float[] Person = SyntheticHead.Embedding(1);

    private static ImageObservation Frame(float[] embedding, int seed)
    {
        var face = SyntheticHead.Face(SyntheticHead.Turned(0, noise: 1.0, seed: seed), embedding);
        return new ImageObservation(null, 640, 480, [face.Box], face);
    }

    private static CheckResult Judge(double similarity) =>
        LivenessEvaluator.Evaluate([Frame(Person, 1), Frame(SyntheticHead.Similar(Person, similarity, seed: 2), 2)], null, null, Options, []);

    [Fact]
    public void A_frame_in_the_doubt_band_of_the_face_match_is_reviewed_not_failed()
    {
        // The same person's photos compared down to 0.44 in the calibration: under the pass threshold is doubt, not proof.
        var liveness = Judge((Options.MatchFailThreshold + Options.MatchPassThreshold) / 2);
        Assert.Equal(CheckStatus.Review, liveness.Status);
        Assert.Contains(FaceReasons.FramesIdentityUncertain, liveness.ReasonCodes);
        Assert.DoesNotContain(FaceReasons.FramesDifferentPerson, liveness.ReasonCodes);
    }

    [Fact]
    public void A_frame_under_the_fail_threshold_is_another_person_and_fails()
    {
        var liveness = Judge(Options.MatchFailThreshold - 0.1);
        Assert.Equal(CheckStatus.Fail, liveness.Status);
        Assert.Contains(FaceReasons.FramesDifferentPerson, liveness.ReasonCodes);
    }

    [Fact]
    public void Frames_of_one_person_add_no_doubt()
    {
        var liveness = Judge(0.8);
        Assert.DoesNotContain(FaceReasons.FramesIdentityUncertain, liveness.ReasonCodes);
        Assert.DoesNotContain(FaceReasons.FramesDifferentPerson, liveness.ReasonCodes);
    }
}
