using Ekyc.Core.Checks;

namespace Ekyc.Server.Sessions;

/// <summary>Body of <c>POST /v1/sessions</c>.</summary>
public sealed record CreateSessionRequest(
    string? Reference,
    IReadOnlyList<string>? DocumentTypes,
    IReadOnlyList<string>? Checks,
    string? WebhookUrl,
    Dictionary<string, string>? Metadata,
    int? ExpiresIn,
    string? ReturnUrl = null,
    string? ConsentText = null,
    System.Text.Json.JsonElement? Sandbox = null)
{
    public const int MaxMetadataEntries = 50;
    public const int MaxConsentText = 2000;

    /// <summary>Field errors, empty when the request is valid.</summary>
    public Dictionary<string, string[]> Validate(TimeSpan maxLifetime)
    {
        var errors = new Dictionary<string, string[]>();
        if (Reference is { Length: > 200 })
            errors["reference"] = ["At most 200 characters."];
        if (DocumentTypes is { } types && (types.Count == 0 || types.Any(t => !Sessions.DocumentTypes.All.Contains(t))))
            errors["document_types"] = [$"A non-empty subset of: {string.Join(", ", Sessions.DocumentTypes.All)}."];
        if (Checks is { } checks && (checks.Count == 0 || checks.Any(c => !CheckNames.All.Contains(c))))
            errors["checks"] = [$"A non-empty subset of: {string.Join(", ", CheckNames.All)}."];
        if (WebhookUrl is not null && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            errors["webhook_url"] = ["An absolute http(s) URL."];
        if (Metadata is { } metadata && (metadata.Count > MaxMetadataEntries || metadata.Any(kv => kv.Key.Length is 0 or > 40 || (kv.Value?.Length ?? 0) > 500)))
            errors["metadata"] = [$"At most {MaxMetadataEntries} entries, keys of 1-40 characters, values of at most 500."];
        if (ConsentText is { } consent && (string.IsNullOrWhiteSpace(consent) || consent.Length > MaxConsentText))
            errors["consent_text"] = [$"Plain text of 1-{MaxConsentText} characters."];
        if (ExpiresIn is { } seconds && (seconds < 60 || seconds > maxLifetime.TotalSeconds))
            errors["expires_in"] = [$"Seconds between 60 and {(long)maxLifetime.TotalSeconds}."];
        return errors;
    }
}

/// <summary>Body of <c>POST /v1/sessions/{id}/review</c>.</summary>
public sealed record ReviewRequest(string? Decision, string? Reason, string? Reviewer)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Decision is not ("approved" or "rejected"))
            errors["decision"] = ["'approved' or 'rejected'."];
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 2000)
            errors["reason"] = ["Required, at most 2000 characters."];
        if (string.IsNullOrWhiteSpace(Reviewer) || Reviewer.Length > 200)
            errors["reviewer"] = ["Required, at most 200 characters."];
        return errors;
    }
}
