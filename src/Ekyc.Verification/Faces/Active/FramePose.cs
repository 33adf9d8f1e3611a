namespace Ekyc.Verification.Faces.Active;

/// <summary>What one frame shows relative to the first: the head's yaw change and whether both eyes are closed.</summary>
/// <param name="EyesOpen">Both eyes' p(open) together (<see cref="BothEyes"/>).</param>
/// <param name="Identity">Embedding similarity to the reference frame's face (1 for the reference itself).</param>
public sealed record FramePose(int Frame, double YawChange, double EyesOpen, double Identity = 1)
{
    /// <summary>
    /// The two eyes judged together, as their mean p(open): a blink closes both, but the eye model reads each eye on its
    /// own and misses one now and then (one eye 0.01, the other 0.5–0.9 on a closed pair); one eye shut and the other
    /// wide open (a wink) stays at 0.5, not under it.
    /// </summary>
    public static double BothEyes(double left, double right) => (left + right) / 2;

    /// <summary>The move this frame shows, if any: a turn beyond <paramref name="turnYaw"/>, or a blink on a frontal face.</summary>
    public Core.Engines.ChallengeMove? Move(double turnYaw, double eyesOpenThreshold) =>
        YawChange >= turnYaw ? Core.Engines.ChallengeMove.TurnLeft
        : YawChange <= -turnYaw ? Core.Engines.ChallengeMove.TurnRight
        // The eye model is trained on frontal eyes; on a turned head a squashed eye can read as closed.
        : Math.Abs(YawChange) < turnYaw / 2 && EyesOpen < eyesOpenThreshold ? Core.Engines.ChallengeMove.Blink
        : null;
}
