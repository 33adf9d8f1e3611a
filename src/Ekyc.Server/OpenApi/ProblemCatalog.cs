namespace Ekyc.Server.OpenApi;

/// <summary>One stable problem <c>code</c>: its HTTP status, title and when it is answered.</summary>
public sealed record ProblemCode(string Code, int Status, string Title, string When);

/// <summary>
/// Every problem <c>code</c> the API answers with, as the OpenAPI document lists it. A test checks that each code
/// the server's source can produce is here, so the contract cannot silently fall behind the code.
/// </summary>
public static class ProblemCatalog
{
    public static readonly IReadOnlyList<ProblemCode> All =
    [
        new("validation_failed", 400, "The request is invalid", "A field is invalid; `errors` names each one."),
        new("sandbox_requires_test_key", 400, "Sandbox needs a test key", "A `sandbox` block was sent with a live key; only test keys (`ek_test_…`) take one."),
        new("bad_request", 400, "Bad request", "The body could not be bound (for instance malformed JSON)."),
        new("malformed_request", 400, "Malformed request body", "A multipart body ended before its closing boundary."),
        new("image_empty", 400, "Empty upload", "The upload contained no bytes."),
        new("unauthorized", 401, "Authentication required", "No, unknown, revoked or expired credential."),
        new("forbidden", 403, "Not allowed with this credential", "A client token used outside its session's uploads, submit and status."),
        new("session_not_found", 404, "Session not found", "Unknown session, another tenant's, or not the client token's own."),
        new("route_not_found", 404, "Not found", "No such route."),
        new("liveness_challenge_not_found", 404, "Liveness challenge not found", "The challenge id is unknown or was issued for another session."),
        new("document_not_found", 404, "Document not found", "No such document in the session (a retake replaces a side)."),
        new("webhook_endpoint_not_found", 404, "Webhook endpoint not found", "No such webhook endpoint for this tenant."),
        new("webhook_delivery_not_found", 404, "Webhook delivery not found", "No such webhook delivery for this tenant."),
        new("method_not_allowed", 405, "Method not allowed", "The route exists but not with this method."),
        new("request_timeout", 408, "Request timeout", "The request body did not arrive in time."),
        new("invalid_state_transition", 409, "Invalid state transition",
            "The session's state does not allow this action; `current_status`, `attempted_action` and `allowed_actions` say why."),
        new("idempotency_request_in_progress", 409, "Request in progress",
            "A request with this Idempotency-Key is still running; retry later with the same key."),
        new("session_processing", 409, "Session is being processed", "The session is being processed and cannot be deleted now."),
        new("liveness_challenge_used", 409, "Liveness challenge already used", "The challenge was already answered; request a new one."),
        new("webhook_endpoint_disabled", 409, "Webhook endpoint disabled or deleted", "Enable the endpoint before redelivering."),
        new("conflict", 409, "Conflict", "A conflict reported by the framework."),
        new("session_deleted", 410, "Session deleted", "The session was erased; GET still shows its tombstone."),
        new("liveness_challenge_expired", 410, "Liveness challenge expired", "The challenge's `expires_at` has passed (`expired_at`)."),
        new("capture_link_expired", 410, "Capture link expired", "The session's client token has expired."),
        new("image_too_large", 413, "Image too large", "More bytes than `Uploads:MaxBytes` (`max_bytes`)."),
        new("payload_too_large", 413, "Request body too large", "A body over the route's limit."),
        new("unsupported_media_type", 415, "Unsupported media type",
            "Not JPEG, PNG or WebP by its magic bytes (`accepted`), or a JSON route sent another content type."),
        new("image_undecodable", 422, "Image cannot be decoded", "The image header or data is corrupt."),
        new("image_dimensions_out_of_range", 422, "Image dimensions out of range", "Too small or too large (`width`, `height`)."),
        new("too_many_frames", 422, "Too many selfie frames", "More frames than `Uploads:MaxSelfieFrames`."),
        new("document_type_not_allowed", 422, "Document type not allowed", "The session does not accept this document type."),
        new("document_front_missing", 422, "Document front missing", "Submit needs the front side of the document."),
        new("idempotency_key_reused", 422, "Idempotency key reused", "This Idempotency-Key was already used with a different request."),
        new("webhook_url_not_allowed", 422, "Webhook URL not allowed", "The URL's form or address is refused (SSRF guard)."),
        new("rate_limited", 429, "Too many requests", "Over the per-key limit; wait `Retry-After` seconds."),
        new("pose_checks_exhausted", 429, "Too many pose checks", "The challenge has had its `max_pose_checks`; request a new challenge."),
        new("internal_error", 500, "Internal server error", "A bug; nothing was lost, retry."),
        new("service_unavailable", 503, "Service unavailable", "The server is starting or stopping."),
        new("pose_check_unavailable", 503, "Pose check unavailable", "The server runs without the face engine; capture the moves without live feedback."),
    ];

    private static readonly Dictionary<string, ProblemCode> ByCode = All.ToDictionary(p => p.Code);

    public static ProblemCode Get(string code) =>
        ByCode.TryGetValue(code, out var problem) ? problem : throw new ArgumentException($"Unknown problem code '{code}'.", nameof(code));
}
