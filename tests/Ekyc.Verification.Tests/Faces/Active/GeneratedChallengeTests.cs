using Ekyc.Core.Engines;
using Ekyc.Synthetic.Decisions;
using Ekyc.Synthetic.Liveness;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Faces.Active;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Faces.Active;

/// <summary>
/// Challenge answers generated from still photos (<see cref="ChallengeCapture"/>) judged by the real models and the
/// real evaluator with the default thresholds: live-looking answers pass, the attacks on a challenge do not.
/// </summary>
[Collection(FaceEngineCollection.Name)]
public class GeneratedChallengeTests(FaceEngineFixture engine)
{
    private static readonly IReadOnlyList<ChallengeMove> LeftBlinkRight = [ChallengeMove.TurnLeft, ChallengeMove.Blink, ChallengeMove.TurnRight];

    /// <summary>One photo of each identity of the decision set, from each of its two captures.</summary>
    private static readonly IReadOnlyList<string> Photos = [.. FacePhotos.Identities.SelectMany(i => i.Photos.Select(g => g[0]))];

    private ChallengeCapture Capture => new(engine.Analyzer);

    private static byte[] Photo(string path) => File.ReadAllBytes(Path.Combine(TestPhotos.Folder, path));

    private ChallengeOutcome Judge(IReadOnlyList<ChallengeMove> moves, IReadOnlyList<byte[]> frames) =>
        ChallengeEvaluator.Evaluate(new ActiveChallenge("lch_test", moves), [.. frames.Select(Face)], ChallengeThresholds.From(engine.Options));

    private FaceAnalysis? Face(byte[] frame)
    {
        var faces = engine.Detect(frame);
        return faces.Count == 1 ? engine.Largest(frame) : null;
    }

    [Fact]
    public void Synthetic_head_turns_and_blinks_pass_the_challenge_for_most_people()
    {
        var outcomes = Photos.Select((p, k) => Judge(LeftBlinkRight, Capture.Genuine(Photo(p), LeftBlinkRight, seed: k))).ToList();
        // Measured: 7 of these 8 pass (5 while a blink needed each eye read closed); the miss is sean_guru2_crop, whose
        // turned frames the landmark fit reads erratically — README.
        Assert.True(outcomes.Count(o => o.Passed) > outcomes.Count / 2,
            string.Join("; ", outcomes.Select(o => $"{o.Failure ?? "passed"} residual {o.Parallax:F3} identity {o.Identity:F2} " +
                string.Join(" ", o.Poses.Select(p => $"{p.Frame}:{p.YawChange:F2}/{p.EyesOpen:F2}")))));
        // Each move is found among its own frames (the neutral frame, then FramesPerMove per move).
        Assert.All(outcomes.Where(o => o.Passed), o => Assert.Equal([0, 1, 2], o.Found.Select(f => (f.Frame - 1) / ChallengeCapture.FramesPerMove)));
    }

    [Fact]
    public void The_same_photo_turned_as_a_flat_picture_never_passes_and_fails_as_planar_where_it_shows_a_turn()
    {
        IReadOnlyList<ChallengeMove> turns = [ChallengeMove.TurnLeft, ChallengeMove.TurnRight];
        var outcomes = Photos.Select((p, k) => Judge(turns, Capture.Attack(ChallengeAttack.FlatPicture, Photo(p), Photo(p), turns, seed: k))).ToList();
        var failures = string.Join("; ", outcomes.Select(o => $"{o.Failure} residual {o.Parallax:F3}"));
        // Where a flat picture reaches a turn's yaw change its motion is one homography; where it does not, no turn was
        // shown, and a picture turned far enough narrows as a plane.
        Assert.All(outcomes, o => Assert.Contains(o.Failure, new[] { ChallengeEvaluator.PlanarMotion, ChallengeEvaluator.NotCompleted,
            ChallengeEvaluator.ParallaxUncertain, ChallengeEvaluator.FlatForeshortened }));
        // Measured: 3 of these 8 reach a turn's yaw and fail as planar; the others show no turn (review).
        Assert.True(outcomes.Count(o => o.Failure == ChallengeEvaluator.PlanarMotion) >= 3, failures);
    }

    [Theory]
    // The decision bench's flat replay of sean_guru2_crop (render seed 632608935): the first turn read residual 0.031,
    // the others 0.041–0.058; passed on the best turn's 0.058.
    [InlineData("sean_guru2_crop.jpg", 632608935, new[] { ChallengeMove.TurnLeft, ChallengeMove.TurnRight, ChallengeMove.TurnLeft })]
    [InlineData("sean_guru2_crop.jpg", 632608935, new[] { ChallengeMove.TurnRight, ChallengeMove.TurnLeft, ChallengeMove.TurnRight })]
    // chuck_crop: the first turn read 0.050, the next 0.035 (passed on 0.050).
    [InlineData("chuck_crop.jpg", 1, new[] { ChallengeMove.TurnLeft, ChallengeMove.TurnRight, ChallengeMove.TurnLeft })]
    [InlineData("chuck_crop.jpg", 1, new[] { ChallengeMove.TurnRight, ChallengeMove.TurnLeft, ChallengeMove.TurnRight })]
    public void A_flat_picture_turned_for_a_turns_only_challenge_never_passes_on_its_best_turn(string photo, int seed, ChallengeMove[] moves)
    {
        var bytes = File.ReadAllBytes(TestPhotos.Media(photo));
        var outcome = Judge(moves, Capture.Attack(ChallengeAttack.FlatPicture, bytes, bytes, moves, seed));
        Assert.False(outcome.Passed, $"residual {outcome.Parallax:F4} " + string.Join(" ", outcome.Poses.Select(p => $"{p.Frame}:{p.YawChange:F2}")));
    }

    [Theory]
    // liveness-challenges answers (photo index × 1000 + seed 0): the picture held for the blink and turned for the turns,
    // its turn frames reading 0.034–0.044 (Justin-Bieber2_crop) and 0.041 (cage.jpg), neither planar nor deep; reviewed
    // as challenge_not_completed before.
    [InlineData("Justin-Bieber2_crop.jpg", 1200195957, new[] { ChallengeMove.Blink, ChallengeMove.TurnRight, ChallengeMove.TurnLeft })]
    [InlineData("cage.jpg", 541820523, new[] { ChallengeMove.TurnLeft, ChallengeMove.Blink, ChallengeMove.TurnRight })]
    public void A_flat_picture_that_never_blinks_and_shows_no_depth_fails(string photo, int seed, ChallengeMove[] moves)
    {
        var bytes = File.ReadAllBytes(TestPhotos.Media(photo));
        var outcome = Judge(moves, Capture.Attack(ChallengeAttack.FlatPicture, bytes, bytes, moves, seed));
        Assert.Equal(ChallengeEvaluator.FlatWithoutBlink, outcome.Failure);
        Assert.True(outcome.Fatal);
    }

    [Theory]
    // liveness-challenges answers (photo index × 1000 + seed): pictures turned 30–50° whose landmarks read yaw changes of
    // only 0.10–0.16 (no turn shown) while the face narrowed to 0.76–0.81 of its width; reviewed as
    // challenge_not_completed before.
    [InlineData("SeanConnery.jpg", 319958347, new[] { ChallengeMove.TurnRight, ChallengeMove.Blink, ChallengeMove.TurnLeft })]
    [InlineData("franck_04117.jpg", 154482285, new[] { ChallengeMove.TurnRight, ChallengeMove.TurnLeft, ChallengeMove.Blink })]
    public void A_flat_picture_turned_short_of_a_turn_fails_on_its_narrowing(string photo, int seed, ChallengeMove[] moves)
    {
        var bytes = File.ReadAllBytes(TestPhotos.Media(photo));
        var outcome = Judge(moves, Capture.Attack(ChallengeAttack.FlatPicture, bytes, bytes, moves, seed));
        Assert.Equal(ChallengeEvaluator.FlatForeshortened, outcome.Failure);
        Assert.True(outcome.Fatal);
    }

    [Fact]
    public void A_head_whose_blink_was_missed_but_whose_turns_show_depth_is_reviewed_not_failed()
    {
        // SeanConnery.jpg answering turn right, turn left, blink (liveness-challenges, 4 × 1000 + seed 2): the painted blink
        // reads 0.51 and 0.50, so no blink; the turns read 0.079–0.095.
        IReadOnlyList<ChallengeMove> moves = [ChallengeMove.TurnRight, ChallengeMove.TurnLeft, ChallengeMove.Blink];
        var outcome = Judge(moves, Capture.Genuine(File.ReadAllBytes(TestPhotos.Media("SeanConnery.jpg")), moves, 111591186));
        Assert.Equal(ChallengeEvaluator.NotCompleted, outcome.Failure);
        Assert.False(outcome.Fatal);
    }

    [Fact]
    public void Generated_moves_in_the_wrong_order_fail_as_a_replay()
    {
        var photo = Photo(Photos[3]);
        var outcome = Judge(LeftBlinkRight, Capture.Attack(ChallengeAttack.WrongOrder, photo, photo, LeftBlinkRight, seed: 7));
        Assert.Equal(ChallengeEvaluator.WrongOrder, outcome.Failure);
        Assert.True(outcome.Fatal);
    }

    [Theory]
    // cage.jpg: the painted blink reads p(open) 0.51 and 0.02, then 0.70 and 0.01 — not completed when both eyes had to read closed.
    [InlineData(3, new[] { ChallengeMove.TurnLeft, ChallengeMove.Blink, ChallengeMove.TurnRight })]
    // SeanConnery.jpg: the first blink reads 0.21 / 0.89 and 0.18 / 0.68, the second 0.01 / 0.63 and 0.03 / 0.18 — the
    // first blink missed and bound to the last frame, with the turn before it, failed as challenge_wrong_order.
    [InlineData(4, new[] { ChallengeMove.Blink, ChallengeMove.TurnLeft, ChallengeMove.Blink })]
    public void A_blink_whose_one_eye_the_eye_model_reads_half_open_still_counts(int photo, ChallengeMove[] moves)
    {
        var outcome = Judge(moves, Capture.Genuine(Photo(Photos[photo]), moves, seed: 13));
        Assert.True(outcome.Passed, $"{outcome.Failure}: " + string.Join(" ", outcome.Poses.Select(p => $"{p.Frame}:{p.YawChange:F2}/{p.EyesOpen:F2}")));
    }

    [Fact]
    public void Someone_else_showing_the_moves_fails_as_a_different_person()
    {
        var outcome = Judge(LeftBlinkRight, Capture.Attack(ChallengeAttack.DifferentPerson, Photo(Photos[3]), Photo(Photos[6]), LeftBlinkRight, seed: 8));
        Assert.Equal(ChallengeEvaluator.DifferentPerson, outcome.Failure);
        Assert.True(outcome.Fatal);
    }

    [Fact]
    public void Someone_taking_over_after_the_first_move_is_never_passed()
    {
        var outcome = Judge(LeftBlinkRight, Capture.Attack(ChallengeAttack.SwappedMidChallenge, Photo(Photos[3]), Photo(Photos[6]), LeftBlinkRight, seed: 8));
        Assert.False(outcome.Passed);
        Assert.Contains(outcome.Failure, new[] { ChallengeEvaluator.IdentityUncertain, ChallengeEvaluator.DifferentPerson });
    }

    [Fact]
    public void A_webcam_frame_moves_the_scene_without_cutting_into_its_border()
    {
        // A scene whose left 6 px are red: the drift (≤ 1 %, 4 px) and tilt move it, and the strip that comes into view
        // repeats the border; an enlarged scene (the earlier 1.05) pushed the band out of the frame.
        using var scene = new SKBitmap(new SKImageInfo(400, 400, SKColorType.Rgba8888, SKAlphaType.Premul));
        scene.Erase(SKColors.Gray);
        using (var canvas = new SKCanvas(scene))
        using (var red = new SKPaint { Color = SKColors.Red })
            canvas.DrawRect(SKRect.Create(6, 400), red);
        for (var seed = 0; seed < 8; seed++)
        {
            using var frame = SKBitmap.Decode(WebcamSensor.Frame(scene, 1, new Random(seed)));
            var edge = frame.GetPixel(0, 200);
            Assert.True(edge.Red > 150 && edge.Green < 110, $"seed {seed}: {edge}");
        }
    }

    [Fact]
    public void The_reference_frame_of_a_tight_crop_compares_with_the_other_photo_as_the_photo_does()
    {
        // sean_guru2_crop's face fills the photo; cut further at the frame's edge its face box jumped and the reference
        // frame read 0.21–0.52 against SeanConnery.jpg over these seeds (the photo itself 0.48, a passive selfie render
        // 0.46–0.54); moved without enlarging, 0.43–0.55.
        var portrait = engine.Largest(Photo(FacePhotos.Identities[2].Photos[0][0]));
        var selfie = Photo(FacePhotos.Identities[2].Photos[1][0]);
        var similarities = new[] { 1, 8, 15, 22, 29, 36 }
            .Select(seed => FaceAnalyzer.Similarity(portrait, engine.Largest(Capture.Genuine(selfie, [], seed)[0]))).ToList();
        Assert.All(similarities, s => Assert.True(s >= 0.4, string.Join(" ", similarities.Select(x => x.ToString("F2")))));
    }

    [Theory]
    [InlineData("sean_guru2_crop.jpg")]
    [InlineData("bill-murray-snl_crop.jpg")]
    public void A_head_turned_towards_the_border_of_a_tight_crop_still_reads_as_its_reference(string photo)
    {
        // The cheek touches the photo's border: turned that way, the head was squeezed against the frame edge and read
        // 0.01–0.25 against the reference (the other way 0.6–0.9); with room beside the head, as in a webcam frame.
        var frames = Capture.Genuine(File.ReadAllBytes(TestPhotos.Media(photo)), [ChallengeMove.TurnLeft, ChallengeMove.TurnRight], seed: 5);
        var reference = engine.Largest(frames[0]);
        var similarities = frames.Skip(1).Select(f => FaceAnalyzer.Similarity(reference, engine.Largest(f))).ToList();
        Assert.All(similarities, s => Assert.True(s >= engine.Options.MatchPassThreshold, string.Join(" ", similarities.Select(x => x.ToString("F2")))));
    }

    [Fact]
    public void A_seed_fixes_the_frames()
    {
        var photo = Photo(Photos[0]);
        Assert.Equal(Capture.Genuine(photo, [ChallengeMove.TurnRight], seed: 3), Capture.Genuine(photo, [ChallengeMove.TurnRight], seed: 3));
    }

    [Theory]
    [InlineData(new[] { ChallengeMove.TurnLeft, ChallengeMove.TurnRight }, new[] { ChallengeMove.TurnRight, ChallengeMove.TurnLeft })]
    [InlineData(new[] { ChallengeMove.TurnLeft, ChallengeMove.Blink, ChallengeMove.TurnLeft }, new[] { ChallengeMove.Blink, ChallengeMove.TurnLeft, ChallengeMove.TurnLeft })]
    public void The_replayed_order_differs_from_the_challenge(ChallengeMove[] moves, ChallengeMove[] replayed) =>
        Assert.Equal(replayed, ChallengeCapture.OtherOrder(moves));
}
