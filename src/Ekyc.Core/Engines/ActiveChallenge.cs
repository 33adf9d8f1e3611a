namespace Ekyc.Core.Engines;

/// <summary>A move the customer is asked to make in front of the camera, in their own frame of reference.</summary>
public enum ChallengeMove
{
    /// <summary>Turn the head to one's own left (in an unmirrored camera frame the nose moves to the image's right).</summary>
    TurnLeft,
    TurnRight,
    Blink,
}

/// <summary>The moves a liveness challenge prescribed, in order; the selfie frames must show them.</summary>
public sealed record ActiveChallenge(string Id, IReadOnlyList<ChallengeMove> Moves);

/// <summary>Wire names of the moves (<c>turn_left</c>, <c>turn_right</c>, <c>blink</c>).</summary>
public static class ChallengeMoveNames
{
    public static string ToWire(this ChallengeMove move) => move switch
    {
        ChallengeMove.TurnLeft => "turn_left",
        ChallengeMove.TurnRight => "turn_right",
        ChallengeMove.Blink => "blink",
        _ => throw new ArgumentOutOfRangeException(nameof(move)),
    };

    public static ChallengeMove Parse(string wire) => wire switch
    {
        "turn_left" => ChallengeMove.TurnLeft,
        "turn_right" => ChallengeMove.TurnRight,
        "blink" => ChallengeMove.Blink,
        _ => throw new FormatException($"Unknown challenge move '{wire}'."),
    };
}
