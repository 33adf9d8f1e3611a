using Ekyc.Core.Engines;

namespace Ekyc.Verification.Faces.Active;

/// <summary>What the capture page should tell the customer about a live frame.</summary>
public enum PoseHint
{
    Ok,
    NoFace,
    SeveralFaces,
    MoveCloser,
    CentreFace,
    HoldStill,
    LookStraight,
    OpenEyes,
    TurnFurther,
    WrongWay,
    CloseEyes,
}

/// <summary>A live frame judged against the step it was taken for: the move it shows, whether that is the step's, and the hint.</summary>
public sealed record PoseVerdict(ChallengeMove? Shows, bool Matched, PoseHint Hint, double? YawChange);

/// <summary>
/// Judges a live frame with the rules the challenge judge applies to the uploaded frames (<see cref="FramePose.Move"/>
/// and the passive quality limits of the reference frame), so a frame the page keeps is one the judge will accept.
/// Step 0 is the reference: one frontal face with open eyes, big, centred and sharp enough. Each later step must show
/// its move relative to the reference's yaw.
/// </summary>
public static class PoseGuide
{
    /// <summary>The face centre may lie this far from the frame's centre (share of each side), as for the passive check.</summary>
    private const double MaxOffCentre = 0.3;

    public static PoseVerdict Judge(PoseReading reading, ChallengeMove? expected, double referenceYaw, FaceOptions options)
    {
        if (reading.Faces == 0)
            return new PoseVerdict(null, false, PoseHint.NoFace, null);
        if (reading.Faces > 1)
            return new PoseVerdict(null, false, PoseHint.SeveralFaces, null);
        return expected is { } move ? JudgeMove(reading, move, referenceYaw, options) : JudgeReference(reading, options);
    }

    private static PoseVerdict JudgeReference(PoseReading reading, FaceOptions options)
    {
        var hint =
            reading.FaceSize < options.MinSelfieFaceSize || reading.FaceFraction < options.MinSelfieFaceFraction ? PoseHint.MoveCloser
            : reading.OffCentre > MaxOffCentre ? PoseHint.CentreFace
            : reading.Sharpness < options.MinSharpness ? PoseHint.HoldStill
            : Math.Abs(reading.Yaw) >= options.ChallengeTurnYaw / 2 ? PoseHint.LookStraight
            // Both eyes together, as the judge reads them (FramePose.BothEyes): the eye model misses one eye now and then
            // (`franck_02888`: one eye 0.04–0.44 beside 0.5–0.99), and on the lower one such a customer was told to open
            // their eyes for ever while the judge would have taken the frame.
            : FramePose.BothEyes(reading.EyesOpenLeft, reading.EyesOpenRight) < options.EyesOpenThreshold ? PoseHint.OpenEyes
            : PoseHint.Ok;
        return new PoseVerdict(null, hint == PoseHint.Ok, hint, null);
    }

    private static PoseVerdict JudgeMove(PoseReading reading, ChallengeMove move, double referenceYaw, FaceOptions options)
    {
        var pose = new FramePose(0, reading.Yaw - referenceYaw, FramePose.BothEyes(reading.EyesOpenLeft, reading.EyesOpenRight));
        var shows = pose.Move(options.ChallengeTurnYaw, options.EyesOpenThreshold);
        // A turn the judge would find is kept only once it is deep enough to show the head's depth: the judge needs each
        // turn's homography residual at ChallengeMinParallax, which a real head reaches from about the guide's target.
        var deepEnough = move == ChallengeMove.Blink || Math.Abs(pose.YawChange) >= options.ChallengeGuideTurnYaw;
        if (shows == move && deepEnough)
            return new PoseVerdict(shows, true, PoseHint.Ok, pose.YawChange);
        // A turn's sign: to one's own left the yaw grows (FramePose); halfway the other way is the wrong way.
        var half = options.ChallengeTurnYaw / 2;
        var hint = move switch
        {
            ChallengeMove.TurnLeft => pose.YawChange <= -half ? PoseHint.WrongWay : PoseHint.TurnFurther,
            ChallengeMove.TurnRight => pose.YawChange >= half ? PoseHint.WrongWay : PoseHint.TurnFurther,
            _ => Math.Abs(pose.YawChange) >= half ? PoseHint.LookStraight : PoseHint.CloseEyes,
        };
        return new PoseVerdict(shows, false, hint, pose.YawChange);
    }
}
