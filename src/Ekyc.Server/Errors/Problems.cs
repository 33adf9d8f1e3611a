using Ekyc.Core.Sessions;

namespace Ekyc.Server.Errors;

/// <summary>Every error the API returns, by stable code. The <c>type</c> URI is derived from the code.</summary>
public static class Problems
{
    public static string TypeOf(string code) => $"urn:ekyc:problem:{code}";

    public static ApiException SessionNotFound(string id) =>
        new(404, "session_not_found", "Session not found", $"No session '{id}' exists for this API key.");

    public static ApiException SessionDeleted(string id) =>
        new(410, "session_deleted", "Session deleted", $"Session '{id}' was deleted; its images and personal data are erased.");

    public static ApiException InvalidTransition(InvalidStateTransitionException e) =>
        new(409, "invalid_state_transition", "Invalid state transition", e.Message, new Dictionary<string, object?>
        {
            ["current_status"] = e.Current.ToWire(),
            ["attempted_action"] = ActionNames.ToWire(e.Action),
            ["allowed_actions"] = e.Allowed.Select(ActionNames.ToWire).ToArray(),
        });

    public static ApiException Validation(IDictionary<string, string[]> errors) =>
        new(400, "validation_failed", "The request is invalid", "One or more fields are invalid.",
            new Dictionary<string, object?> { ["errors"] = errors });

    public static ApiException Invalid(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ApiException ImageEmpty() =>
        new(400, "image_empty", "Empty upload", "The upload contained no bytes.");

    public static ApiException ImageTooLarge(long limit) =>
        new(413, "image_too_large", "Image too large", $"The image exceeds the limit of {limit} bytes.",
            new Dictionary<string, object?> { ["max_bytes"] = limit });

    public static ApiException UnsupportedMediaType() =>
        new(415, "unsupported_media_type", "Unsupported media type",
            "Only JPEG, PNG and WebP images are accepted (recognised by their content, not their name).",
            new Dictionary<string, object?> { ["accepted"] = new[] { "image/jpeg", "image/png", "image/webp" } });

    public static ApiException ImageUndecodable(string reason) =>
        new(422, "image_undecodable", "Image cannot be decoded", reason);

    public static ApiException ImageDimensions(string reason, long width, long height) =>
        new(422, "image_dimensions_out_of_range", "Image dimensions out of range", reason,
            new Dictionary<string, object?> { ["width"] = width, ["height"] = height });

    public static ApiException TooManyFrames(int limit) =>
        new(422, "too_many_frames", "Too many selfie frames", $"At most {limit} frames are accepted in one selfie upload.");

    public static ApiException IdempotencyKeyReused() =>
        new(422, "idempotency_key_reused", "Idempotency key reused",
            "This Idempotency-Key was already used with a different request.");

    public static ApiException IdempotencyInProgress() =>
        new(409, "idempotency_request_in_progress", "Request in progress",
            "A request with this Idempotency-Key is still being processed; retry later.");

    public static ApiException Forbidden(string detail) =>
        new(403, "forbidden", "Not allowed with this credential", detail);

    public static ApiException SessionBusy(string id) =>
        new(409, "session_processing", "Session is being processed", $"Session '{id}' is being processed and cannot be deleted now.");
}
