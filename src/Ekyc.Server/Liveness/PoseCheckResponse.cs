namespace Ekyc.Server.Liveness;

/// <summary>
/// The answer to <c>POST /v1/sessions/{id}/liveness-challenge/{challengeId}/pose</c>: what the frame shows for the
/// step it was taken for. <c>matched</c> means the judge will accept this frame for the step (step 0: the frontal
/// reference; step k: the challenge's k-th move relative to <c>reference_yaw</c>); <c>hint</c> is what to tell the
/// customer otherwise. <c>yaw_change_target</c>, on a turn's step, is the yaw change from which the frame is matched
/// (a client can show the customer's progress towards it as <c>yaw_change</c> over it). Nothing is stored but the count
/// of checks.
/// </summary>
public sealed record PoseCheckResponse(
    string Object, string ChallengeId, int Step, string Expected, bool Matched, string Hint, string? Shows,
    int Faces, double? Yaw, double? YawChange, double? YawChangeTarget, double[]? EyesOpen, int ChecksLeft);
