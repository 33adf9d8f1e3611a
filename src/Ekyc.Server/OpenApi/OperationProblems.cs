namespace Ekyc.Server.OpenApi;

/// <summary>
/// Which problem codes each operation can answer: its own (by operation id) plus those that follow from how it is
/// reached (authentication, the route's policy, idempotent POST, a JSON body). A test checks every operation is listed.
/// </summary>
public static class OperationProblems
{
    private static readonly string[] SessionMissing = ["session_not_found", "session_deleted"];
    private static readonly string[] ImageIntake =
    [
        "validation_failed", "malformed_request", "image_empty", "image_too_large", "payload_too_large", "unsupported_media_type",
        "image_undecodable", "image_dimensions_out_of_range", "too_many_frames", "invalid_state_transition",
    ];

    /// <summary>The operation's own codes, beyond the conventions of <see cref="For"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Specific = new Dictionary<string, string[]>
    {
        ["Health"] = [],
        ["Liveness"] = [],
        ["CreateSession"] = ["validation_failed", "webhook_url_not_allowed", "sandbox_requires_test_key"],
        ["ListSessions"] = ["validation_failed"],
        ["GetSession"] = ["session_not_found"],
        ["GetSessionReport"] = ["session_not_found"],
        ["ReviewSession"] = ["validation_failed", "invalid_state_transition", .. SessionMissing],
        ["DeleteSession"] = ["session_not_found", "session_processing"],
        ["UploadDocument"] = [.. ImageIntake, "document_type_not_allowed", .. SessionMissing],
        ["UploadSelfie"] = [.. ImageIntake, "liveness_challenge_not_found", "liveness_challenge_expired", "liveness_challenge_used", .. SessionMissing],
        ["SubmitSession"] = ["invalid_state_transition", "document_front_missing", .. SessionMissing],
        ["CreateLivenessChallenge"] = ["invalid_state_transition", .. SessionMissing],
        ["CheckLivenessPose"] =
        [
            .. ImageIntake, "liveness_challenge_not_found", "liveness_challenge_expired", "liveness_challenge_used", "pose_checks_exhausted",
            "pose_check_unavailable", .. SessionMissing,
        ],
        ["CreateWebhookEndpoint"] = ["validation_failed", "webhook_url_not_allowed"],
        ["ListWebhookEndpoints"] = [],
        ["GetWebhookEndpoint"] = ["webhook_endpoint_not_found"],
        ["DeleteWebhookEndpoint"] = ["webhook_endpoint_not_found"],
        ["RotateWebhookEndpointSecret"] = ["validation_failed", "webhook_endpoint_not_found"],
        ["EnableWebhookEndpoint"] = ["webhook_endpoint_not_found"],
        ["GetWebhookSecret"] = [],
        ["RotateWebhookSecret"] = ["validation_failed"],
        ["ListWebhookDeliveries"] = ["validation_failed"],
        ["GetWebhookDelivery"] = ["webhook_delivery_not_found"],
        ["RetryWebhookDelivery"] = ["webhook_delivery_not_found", "webhook_endpoint_disabled"],
        ["GetCaptureSettings"] = [.. SessionMissing],
        ["GetCaptureQrCode"] = ["capture_link_expired", .. SessionMissing],
        ["PrecheckDocument"] = ["document_not_found", .. SessionMissing],
    };

    /// <summary>Every code of an operation, in catalogue order.</summary>
    public static IReadOnlyList<ProblemCode> For(string operationId, OperationAccess access, bool isPost, bool hasJsonBody)
    {
        if (!Specific.TryGetValue(operationId, out var specific))
            throw new InvalidOperationException($"Operation '{operationId}' has no entry in {nameof(OperationProblems)}.{nameof(Specific)}.");
        var codes = new HashSet<string>(specific) { "rate_limited", "internal_error" };
        if (access != OperationAccess.Anonymous)
            codes.Add("unauthorized");
        if (access == OperationAccess.SecretKey)
            codes.Add("forbidden");
        if (access == OperationAccess.Session)
            codes.Add("session_not_found");
        if (isPost)
            codes.UnionWith(["validation_failed", "idempotency_request_in_progress", "idempotency_key_reused"]);
        if (hasJsonBody)
            codes.UnionWith(["bad_request", "payload_too_large", "unsupported_media_type"]);
        return ProblemCatalog.All.Where(p => codes.Contains(p.Code)).ToList();
    }
}
