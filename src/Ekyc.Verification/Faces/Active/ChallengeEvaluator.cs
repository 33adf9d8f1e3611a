using Ekyc.Core.Engines;

namespace Ekyc.Verification.Faces.Active;

/// <summary>
/// Judges selfie frames captured against a challenge: the prescribed moves must appear in order (head yaw from the 68
/// landmarks, blinks from fr_eye), every frame must show the person of the first frame (the selfie the face match
/// compares with the document), and the turns must move the landmarks in a way no single homography explains (a real
/// head, not a picture moved in front of the camera).
/// </summary>
public static class ChallengeEvaluator
{
    public const string NotCompleted = "challenge_not_completed";
    public const string WrongOrder = "challenge_wrong_order";
    public const string PlanarMotion = "motion_planar";
    public const string FlatWithoutBlink = "motion_flat_without_blink";
    public const string FlatForeshortened = "motion_flat_foreshortened";
    public const string ParallaxUncertain = "motion_parallax_uncertain";
    public const string IdentityUncertain = FaceReasons.FramesIdentityUncertain;
    public const string DifferentPerson = FaceReasons.FramesDifferentPerson;
    public const string TooFewFaces = "challenge_frames_without_face";

    /// <summary>The faces of the frames in upload order (null where a frame shows no single face); the first is the reference.</summary>
    public static ChallengeOutcome Evaluate(ActiveChallenge challenge, IReadOnlyList<FaceAnalysis?> faces, ChallengeThresholds limits)
    {
        var reference = faces[0];
        var usable = faces.Select((f, i) => (Face: f, Frame: i)).Where(x => x.Face is not null).ToList();
        if (reference is null || usable.Count < 2)
            return new ChallengeOutcome(challenge, [], [], null, 0, TooFewFaces, false);

        var poses = usable.Select(x => new FramePose(x.Frame, x.Face!.Yaw - reference.Yaw,
            x.Face.EyesOpen is { } e ? FramePose.BothEyes(e.Left, e.Right) : 1,
            x.Frame == 0 ? 1 : FaceAnalyzer.Similarity(reference, x.Face))).ToList();
        var identity = poses.Skip(1).Min(p => p.Identity);
        // Someone else answering shows in every frame: in 64 generated answers by another person no frame after the
        // reference read over 0.18 against it, while every genuine answer (64) had a frame at 0.67 or more. A face the
        // embedding reads poorly, though, reads low in any frame, facing the camera or not (`sean_guru2_crop`'s make-up,
        // `bill-murray-snl_crop`, `walter2_crop`'s glasses: single frames down to −0.29 beside others at 0.6–0.9), as
        // does someone taking over after the first move. So another person fails only when no frame after the reference
        // reaches the face match's fail threshold; a low frame among good ones is reviewed, never passed.
        var anotherPerson = poses.Skip(1).Max(p => p.Identity) < limits.DifferentPerson;
        var moving = Shown(poses, limits);
        var found = InOrder(challenge.Moves, moving);
        // A flat picture fails as planar when even its turn frame furthest from a plane stays near one: no live head
        // produces that. With no turn found in order (the first move, a blink, never showed), every frame showing a turn
        // is looked at, so a flat picture that cannot blink still fails `motion_planar`; not more frames than that: the
        // furthest of many flat frames can reach the pass bar (0.061, `cage.jpg` turned).
        var inOrder = found.Where(f => f.Move != ChallengeMove.Blink).Select(f => f.Frame).ToList();
        var turnFrames = moving.Where(m => m.Move is ChallengeMove.TurnLeft or ChallengeMove.TurnRight).Select(m => m.Pose.Frame).ToList();
        double Residual(int frame) => MotionParallax.Residual(reference.Landmarks, faces[frame]!.Landmarks);
        var turns = inOrder.Count > 0 ? inOrder : turnFrames;
        var residuals = turns.Select(Residual).ToList();
        double? strongest = residuals.Count == 0 ? null : residuals.Max();
        // A pass needs every turn found in order to show the 3-D evidence, not the best one: a flat picture's residual
        // is landmark error, which grows on a foreshortened view and scatters from frame to frame, so one of three turns
        // of a flat `sean_guru2_crop` or `chuck_crop` read 0.050–0.060 (passed) beside others at 0.031–0.042, while a
        // head's residual follows each turn (README, flat replays of a turns-only challenge).
        var parallax = inOrder.Count > 0 ? residuals.Min() : strongest;
        // The two signs of life a picture lacks, both missing together: eyes the eye model reads open never blinked although
        // a blink was drawn, and no frame turned from the reference moved the landmarks off one homography as far as a pass
        // needs. A flat picture held for the blink and turned for the turns reads 0.040–0.048 on its furthest turn frame,
        // between `motion_planar` and a pass; a head's furthest turn frame read 0.058 or more in 69 generated answers, the
        // ten whose blink was missed at 0.068–0.112 (README, a picture that neither blinks nor shows depth).
        var neverBlinked = challenge.Moves.Contains(ChallengeMove.Blink) && poses.Any(p => p.EyesOpen >= limits.EyesOpen)
            && !moving.Any(m => m.Move == ChallengeMove.Blink);
        var flatWithoutBlink = neverBlinked && turnFrames.Count > 0
            && turnFrames.All(frame => Residual(frame) < limits.MinParallax);
        // A picture turned before the camera narrows as one plane while the landmarker reads only a shallow turn: flat
        // pictures turned 30–50° whose frames never reached a turn's yaw change were reviewed as `challenge_not_completed`.
        // A head narrows that much only when turned well past the turn threshold, so only frames short of a turn are
        // looked at: real video frames there read 0.93 or more, generated genuine answers 0.97 or more, flat pictures
        // turned 40° 0.81–0.91 (README, a picture turned short of a turn). Only frames of the reference's person: another
        // face has other proportions (8 of 23 answers taken over mid-challenge read as narrowed), and a flat picture of
        // the holder still reads as them (0.59 or more).
        var foreshortened = poses.Any(p => p.Frame > 0 && Math.Abs(p.YawChange) < limits.TurnYaw && p.Identity >= limits.SamePerson
            && Foreshortening.Ratio(reference.Landmarks, faces[p.Frame]!.Landmarks) < limits.FlatNarrowing);

        string? failure = null;
        var fatal = false;
        if (anotherPerson)
            (failure, fatal) = (DifferentPerson, true);
        // A turn that is a flat picture moving fails even when other moves are missing: no live head produces one.
        else if (strongest is { } p && p < limits.PlanarParallax)
            (failure, fatal) = (PlanarMotion, true);
        else if (flatWithoutBlink)
            (failure, fatal) = (FlatWithoutBlink, true);
        else if (foreshortened)
            (failure, fatal) = (FlatForeshortened, true);
        else if (found.Count < challenge.Moves.Count)
            (failure, fatal) = ShownInAnotherOrder(challenge.Moves, Shown(poses, limits, ClearTurn)) ? (WrongOrder, true) : (NotCompleted, false);
        else if (parallax is null || parallax < limits.MinParallax)
            failure = ParallaxUncertain;
        else if (identity < limits.SamePerson)
            failure = IdentityUncertain;
        return new ChallengeOutcome(challenge, found, poses, parallax, identity, failure, fatal);
    }

    /// <summary>
    /// The move each frame after the reference shows. The moves come after the reference, so a reference with closed
    /// eyes is no blink (it let a replay pass); and a blink is eyes that close after they were seen open: a picture whose
    /// eyes always read closed (shut in the photo, dark glasses, an eye the model cannot read) showed a blink in every
    /// frame facing the camera, which let a flat picture turned before the camera pass.
    /// </summary>
    /// <param name="turnBeyond">How far past the turn threshold a turn must reach to count, as a multiple of it.</param>
    public static List<(FramePose Pose, ChallengeMove? Move)> Shown(IReadOnlyList<FramePose> poses, ChallengeThresholds limits, double turnBeyond = 1)
    {
        var shown = new List<(FramePose, ChallengeMove?)>();
        var seenOpen = false;
        foreach (var pose in poses)
        {
            var move = pose.Move(limits.TurnYaw, limits.EyesOpen);
            if (move is ChallengeMove.TurnLeft or ChallengeMove.TurnRight && Math.Abs(pose.YawChange) < limits.TurnYaw * turnBeyond)
                move = null;
            if (pose.Frame > 0)
                shown.Add((pose, move == ChallengeMove.Blink && !seenOpen ? null : move));
            seenOpen |= pose.EyesOpen >= limits.EyesOpen;
        }
        return shown;
    }

    /// <summary>Greedy in-order match: each move in the first frame after the previous move's frame that shows it.</summary>
    public static List<FoundMove> InOrder(IReadOnlyList<ChallengeMove> moves, IReadOnlyList<(FramePose Pose, ChallengeMove? Move)> shown)
    {
        var found = new List<FoundMove>();
        var next = 0;
        foreach (var (pose, move) in shown)
        {
            if (next == moves.Count)
                break;
            if (move == moves[next])
                found.Add(new FoundMove(moves[next++], pose.Frame));
        }
        return found;
    }

    /// <summary>
    /// How far a turn must reach to count towards a replay verdict, a fatal one: a painted blink frame whose landmarks
    /// jumped read as a turn of 0.224 and failed a genuine answer as a replay; recorded turns reach 0.3 and beyond.
    /// </summary>
    private const double ClearTurn = 1.5;

    /// <summary>
    /// A replayed recording: every prescribed move appears, and the moves the frames show, in frame order, are not the
    /// prescribed ones with only blinks missed or the last moves missing. A live answer whose blink the eye model read
    /// open shows the other moves in order: a move not completed (review), not a replay. A turn missed before the moves
    /// shown is not excused, since a recording of the moves in another order shows just that; the price is that a
    /// recording of turn, blink, blink answering blink, turn, blink is reviewed, not failed.
    /// </summary>
    private static bool ShownInAnotherOrder(IReadOnlyList<ChallengeMove> moves, IReadOnlyList<(FramePose Pose, ChallengeMove? Move)> frames)
    {
        var shown = new List<ChallengeMove>();
        foreach (var move in frames.Select(f => f.Move).OfType<ChallengeMove>())
            if (shown.Count == 0 || shown[^1] != move)
                shown.Add(move);
        return moves.All(shown.Contains) && !InPrescribedOrder(shown, moves);
    }

    /// <summary>Whether <paramref name="shown"/> is <paramref name="moves"/> with blinks left out and the last moves missing.</summary>
    private static bool InPrescribedOrder(IReadOnlyList<ChallengeMove> shown, IReadOnlyList<ChallengeMove> moves)
    {
        var next = 0;
        foreach (var move in moves)
        {
            if (next < shown.Count && shown[next] == move)
                next++;
            else if (move != ChallengeMove.Blink && next < shown.Count)
                return false;
        }
        return next == shown.Count;
    }
}
