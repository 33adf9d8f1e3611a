namespace Ekyc.Synthetic.Liveness;

/// <summary>Ways to answer a liveness challenge without a live person showing the moves.</summary>
public enum ChallengeAttack
{
    /// <summary>The customer's photo, printed or on a screen, turned before the camera as a flat picture (it cannot blink).</summary>
    FlatPicture,
    /// <summary>A genuine recording of the moves, but in another order than prescribed.</summary>
    WrongOrder,
    /// <summary>The holder in the first frame, someone else showing the moves.</summary>
    DifferentPerson,
    /// <summary>The holder showing the first move, someone else taking over for the rest.</summary>
    SwappedMidChallenge,
}

public static class ChallengeAttacks
{
    public static readonly IReadOnlyList<ChallengeAttack> All = Enum.GetValues<ChallengeAttack>();

    public static string ToWire(this ChallengeAttack a) => a switch
    {
        ChallengeAttack.FlatPicture => "flat_picture",
        ChallengeAttack.WrongOrder => "wrong_order",
        ChallengeAttack.DifferentPerson => "different_person",
        ChallengeAttack.SwappedMidChallenge => "swapped_mid_challenge",
        _ => throw new ArgumentOutOfRangeException(nameof(a), a, null),
    };
}
