using Ekyc.Server.Errors;

namespace Ekyc.Server.Liveness;

/// <summary>The problems of liveness challenges.</summary>
public static class LivenessProblems
{
    /// <summary>Unknown, or issued for another session or tenant: never said which.</summary>
    public static ApiException NotFound(string id) =>
        new(404, "liveness_challenge_not_found", "Liveness challenge not found", $"No liveness challenge '{id}' exists for this session.");

    public static ApiException Expired(string id, DateTimeOffset expiredAt) =>
        new(410, "liveness_challenge_expired", "Liveness challenge expired", $"Liveness challenge '{id}' expired; request a new one.",
            new Dictionary<string, object?> { ["expired_at"] = expiredAt });

    public static ApiException Used(string id) =>
        new(409, "liveness_challenge_used", "Liveness challenge already used", $"Liveness challenge '{id}' was already answered; request a new one.");

    public static ApiException PoseChecksExhausted(string id, int max) =>
        new(429, "pose_checks_exhausted", "Too many pose checks", $"Liveness challenge '{id}' has had its {max} pose checks; request a new challenge.",
            new Dictionary<string, object?> { ["max_pose_checks"] = max });

    public static ApiException PoseCheckUnavailable() =>
        new(503, "pose_check_unavailable", "Pose check unavailable", "This server runs without the face engine; capture the moves without live feedback.");
}
