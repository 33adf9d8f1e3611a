using Ekyc.Core.Engines;
using Ekyc.Synthetic.Liveness;
using Ekyc.Verification.Faces.Active;

namespace Ekyc.Verification.Tests.Faces.Active;

/// <summary>
/// The decision benchmark's genuine customers answer a challenge as the capture page makes them (<see cref="LiveAnswer"/>):
/// only frames the pose check matched are kept, one per step, and a face the check refuses as the reference never
/// reaches the judge as a challenge answer.
/// </summary>
[Collection(FaceEngineCollection.Name)]
public class LiveAnswerTests(FaceEngineFixture engine)
{
    private static readonly IReadOnlyList<ChallengeMove> LeftBlinkRight = [ChallengeMove.TurnLeft, ChallengeMove.Blink, ChallengeMove.TurnRight];

    private async Task<IReadOnlyList<byte[]>?> Answer(string photo, IReadOnlyList<ChallengeMove> moves, int seed)
    {
        using var reader = new PoseReader(engine.Models, engine.Options);
        using var live = new ChallengeCapture(engine.Analyzer).Live(File.ReadAllBytes(TestPhotos.Media(photo)), moves, seed);
        return await live.AnswerAsync((step, referenceYaw, frame) =>
        {
            var reading = reader.Read(frame)!;
            var verdict = PoseGuide.Judge(reading, step == 0 ? null : moves[step - 1], referenceYaw, engine.Options);
            return Task.FromResult(new PoseSeen(verdict.Matched, reading.Yaw));
        }, attemptsPerStep: 8);
    }

    [Theory]
    [InlineData("cage.jpg", 1)]
    [InlineData("sean_guru2_crop.jpg", 2)]
    public async Task A_guided_answer_keeps_one_frame_per_step_and_the_judge_passes_it(string photo, int seed)
    {
        var outcome = await Judged(photo, seed);
        Assert.True(outcome.Passed, Describe(outcome));
    }

    [Theory]
    // When the guide kept a turn from the judge's 0.2, the right turn stopped at yaw change −0.30 and −0.29: residual
    // 0.0465 and 0.0470, under the 0.05 every turn must reach (reviewed, motion_parallax_uncertain). Told to turn
    // further until the guide's target, the same customers pass.
    [InlineData("franck_02888.jpg", 4)]
    [InlineData("Justin-Bieber2_crop.jpg", 4)]
    public async Task A_guided_customer_turns_until_the_turn_shows_the_heads_depth_and_passes(string photo, int seed)
    {
        var outcome = await Judged(photo, seed);
        Assert.True(outcome.Passed, Describe(outcome));
        Assert.All(outcome.Found.Where(f => f.Move != ChallengeMove.Blink),
            f => Assert.True(Math.Abs(outcome.Poses.Single(p => p.Frame == f.Frame).YawChange) >= engine.Options.ChallengeGuideTurnYaw, Describe(outcome)));
    }

    private async Task<ChallengeOutcome> Judged(string photo, int seed)
    {
        var frames = await Answer(photo, LeftBlinkRight, seed);
        Assert.NotNull(frames);
        Assert.Equal(1 + LeftBlinkRight.Count, frames.Count);
        var faces = frames.Select(f => engine.Largest(f)).ToList();
        return ChallengeEvaluator.Evaluate(new ActiveChallenge("lch_test", LeftBlinkRight), faces, ChallengeThresholds.From(engine.Options));
    }

    private static string Describe(ChallengeOutcome outcome) =>
        $"{outcome.Failure} residual {outcome.Parallax:F4}: " + string.Join(" ", outcome.Poses.Select(p => $"{p.Frame}:{p.YawChange:F2}/{p.EyesOpen:F2}/{p.Identity:F2}"));

    [Fact]
    public async Task A_photo_with_shut_eyes_is_refused_as_the_reference_and_answers_nothing()
    {
        // franck_03979: the eyes read closed in the photo; the page asks the customer to open them, which a still photo cannot.
        Assert.Null(await Answer("franck_03979.jpg", LeftBlinkRight, 1));
    }

    [Fact]
    public async Task A_head_turned_in_the_photo_is_turned_to_face_the_camera_for_the_reference()
    {
        // franck_02888 looks aside (yaw 0.18–0.21 in its reference frames, over the pose guide's 0.1): the page says
        // "look straight", and the person does.
        using var reader = new PoseReader(engine.Models, engine.Options);
        var frames = await Answer("franck_02888.jpg", [ChallengeMove.Blink], 5);
        Assert.NotNull(frames);
        Assert.True(Math.Abs(reader.Read(frames[0])!.Yaw) < engine.Options.ChallengeTurnYaw / 2);
    }
}
