using System.ComponentModel.DataAnnotations;

namespace Ekyc.Server.Liveness;

/// <summary>Configuration section <c>Ekyc:Liveness</c>: how challenges are issued.</summary>
public sealed class LivenessOptions
{
    /// <summary>How long a challenge may be answered: long enough to turn and blink, short enough that a recording cannot be prepared.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:30:00")]
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Moves per challenge (at least one turn among them, no move twice in a row).</summary>
    [Range(2, 6)]
    public int Moves { get; set; } = 3;
}
