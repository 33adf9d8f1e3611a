namespace Ekyc.Verification.Faces.Active;

/// <summary>What one frame shows relative to the first: the head's yaw change and whether both eyes are closed.</summary>
public sealed record FramePose(int Frame, double YawChange, double EyesOpen)
{
    /// <summary>The move this frame shows, if any: a turn beyond <paramref name="turnYaw"/>, or a blink on a frontal face.</summary>
    public Core.Engines.ChallengeMove? Move(double turnYaw, double eyesOpenThreshold) =>
        YawChange >= turnYaw ? Core.Engines.ChallengeMove.TurnLeft
        : YawChange <= -turnYaw ? Core.Engines.ChallengeMove.TurnRight
        // The eye model is trained on frontal eyes; on a turned head a squashed eye can read as closed.
        : Math.Abs(YawChange) < turnYaw / 2 && EyesOpen < eyesOpenThreshold ? Core.Engines.ChallengeMove.Blink
        : null;
}
