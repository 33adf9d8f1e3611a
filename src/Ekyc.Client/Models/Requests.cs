namespace Ekyc.Client.Models;

/// <summary>What <c>POST /v1/sessions</c> takes; every member is optional.</summary>
public sealed record CreateSessionRequest
{
    /// <summary>Your own id for the customer (at most 200 characters); it comes back in the webhooks.</summary>
    public string? Reference { get; init; }
    /// <summary>Allowed document types (<see cref="Models.DocumentTypes"/>); default all.</summary>
    public IReadOnlyList<string>? DocumentTypes { get; init; }
    /// <summary>Checks to run (<see cref="CheckNames"/>); default all five.</summary>
    public IReadOnlyList<string>? Checks { get; init; }
    public string? WebhookUrl { get; init; }
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    /// <summary>Seconds until the session expires if it is not submitted.</summary>
    public int? ExpiresIn { get; init; }
    public string? ReturnUrl { get; init; }
    public string? ConsentText { get; init; }
}

/// <summary>A reviewer's decision on a <c>manual_review</c> session: <c>approved</c> or <c>rejected</c>, with a reason.</summary>
public sealed record ReviewRequest(string Decision, string Reason, string Reviewer);

/// <summary>Filters of <c>GET /v1/sessions</c>.</summary>
public sealed record SessionQuery(
    SessionStatus? Status = null, DateTimeOffset? CreatedAfter = null, DateTimeOffset? CreatedBefore = null, string? Cursor = null, int? Limit = null);
