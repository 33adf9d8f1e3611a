using System.ComponentModel.DataAnnotations;
using Ekyc.Core.Engines;

namespace Ekyc.Server.Liveness;

/// <summary>Configuration section <c>Ekyc:Liveness</c>: how challenges are issued and how the capture page may check poses.</summary>
public sealed class LivenessOptions : IValidatableObject
{
    /// <summary>How long a challenge may be answered: long enough to turn and blink, short enough that a recording cannot be prepared.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:30:00")]
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Moves per challenge (at least one turn among them, no move twice in a row).</summary>
    [Range(2, 6)]
    public int Moves { get; set; } = 3;

    /// <summary>
    /// The moves a challenge is drawn from, comma-separated wire names (a string: configuration binding appends to a
    /// default list instead of replacing it). All three by default; a deployment whose customers cannot be asked to
    /// blink on camera (or a test whose real frames hold no blink) can leave only the turns.
    /// </summary>
    public string AllowedMoves { get; set; } = "turn_left,turn_right,blink";

    /// <summary>Pose checks one challenge may ask for (the capture page samples about two frames a second).</summary>
    [Range(1, 1000)]
    public int MaxPoseChecks { get; set; } = 150;

    /// <summary>Largest frame a pose check accepts: a live preview frame, not a document scan.</summary>
    [Range(1024, 15 * 1024 * 1024)]
    public long PoseFrameMaxBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Most pixels of a pose-check frame, from its header before decoding (1920×1080 fits).</summary>
    [Range(10_000, 40_000_000)]
    public long PoseFrameMaxPixels { get; set; } = 2_100_000;

    /// <summary>The allowed moves, parsed (validation guarantees they parse).</summary>
    public IReadOnlyList<ChallengeMove> AllowedMoveList => [.. Names.Select(ChallengeMoveNames.Parse).Distinct()];

    private string[] Names => AllowedMoves.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var known = Names.Where(m => m is "turn_left" or "turn_right" or "blink").Distinct().ToList();
        if (known.Count != Names.Distinct().Count())
            yield return new ValidationResult("Ekyc:Liveness:AllowedMoves may hold only turn_left, turn_right and blink.", [nameof(AllowedMoves)]);
        // Two moves at least (none twice in a row), and a turn: the turn is where the 3-D parallax check looks.
        else if (known.Count < 2 || !known.Any(m => m != "blink"))
            yield return new ValidationResult("Ekyc:Liveness:AllowedMoves needs at least two moves, one of them a turn.", [nameof(AllowedMoves)]);
    }
}
