using Ekyc.Core.Engines;

namespace Ekyc.Verification.Faces.Active;

/// <summary>How the frames answered a challenge; <see cref="Failure"/> is null when they showed it.</summary>
public sealed record ChallengeOutcome(
    ActiveChallenge Challenge,
    IReadOnlyList<FoundMove> Found,
    IReadOnlyList<FramePose> Poses,
    double? Parallax,
    double Identity,
    string? Failure,
    bool Fatal)
{
    public bool Passed => Failure is null;

    /// <summary>The evidence reported in <c>face_liveness</c>.</summary>
    public Dictionary<string, object?> Describe(ChallengeThresholds thresholds) => new()
    {
        ["id"] = Challenge.Id,
        ["moves_expected"] = Challenge.Moves.Select(m => m.ToWire()).ToArray(),
        ["moves_found"] = Found.Select(f => new Dictionary<string, object?> { ["move"] = f.Move.ToWire(), ["frame"] = f.Frame }).ToArray(),
        ["frames"] = Poses.Select(p => new Dictionary<string, object?>
        {
            ["frame"] = p.Frame,
            ["yaw_change"] = Math.Round(p.YawChange, 3),
            ["eyes_open"] = Math.Round(p.EyesOpen, 3),
            ["identity"] = Math.Round(p.Identity, 3),
        }).ToArray(),
        ["homography_residual"] = Parallax is { } r ? Math.Round(r, 4) : null,
        ["homography_residual_min"] = thresholds.MinParallax,
        ["identity_min_similarity"] = Math.Round(Identity, 4),
        ["passed"] = Passed,
        ["failure"] = Failure,
    };
}

/// <summary>A prescribed move seen in a frame (frame indices count from 0 in upload order).</summary>
public sealed record FoundMove(ChallengeMove Move, int Frame);

/// <summary>The limits a challenge is judged by (from <see cref="FaceOptions"/>).</summary>
public sealed record ChallengeThresholds(double TurnYaw, double EyesOpen, double MinParallax, double PlanarParallax, double SamePerson, double DifferentPerson,
    double FlatNarrowing)
{
    public static ChallengeThresholds From(FaceOptions options) => new(options.ChallengeTurnYaw, options.EyesOpenThreshold,
        options.ChallengeMinParallax, options.ChallengePlanarParallax, options.MatchPassThreshold, options.MatchFailThreshold, options.ChallengeFlatNarrowing);
}
