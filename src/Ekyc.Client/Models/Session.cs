namespace Ekyc.Client.Models;

/// <summary>
/// A verification session. With a secret key every member is filled; a client token sees only the id, status, document
/// types, its uploads, allowed actions and expiry (the rest is null or empty).
/// </summary>
public sealed record Session
{
    public required string Id { get; init; }
    public SessionStatus Status { get; init; }
    public string? Reference { get; init; }
    public IReadOnlyList<string> DocumentTypes { get; init; } = [];
    public IReadOnlyList<string> RequestedChecks { get; init; } = [];
    public string? WebhookUrl { get; init; }
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    public double? Confidence { get; init; }
    public Decision? Decision { get; init; }
    /// <summary>Each check's outcome by name (<see cref="CheckNames"/>).</summary>
    public IReadOnlyDictionary<string, CheckOutcome> Checks { get; init; } = new Dictionary<string, CheckOutcome>();
    public ExtractedData? ExtractedData { get; init; }
    public IReadOnlyList<Image> Documents { get; init; } = [];
    public IReadOnlyList<Image> Selfie { get; init; } = [];
    public IReadOnlyList<string> AllowedActions { get; init; } = [];
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }
    /// <summary>Only in the create response: the token the customer's app uploads and submits with.</summary>
    public string? ClientToken { get; init; }
    public DateTimeOffset? ClientTokenExpiresAt { get; init; }
    public string? ReturnUrl { get; init; }
    /// <summary>The hosted capture page for the customer, while the client token is valid.</summary>
    public string? CaptureUrl { get; init; }
}

/// <summary>The decision: <see cref="Rule"/> names the policy rule that fired.</summary>
public sealed record Decision(string Status, double Confidence, string Rule, IReadOnlyList<string> Checks, DateTimeOffset? DecidedAt, Review? Review);

/// <summary>A reviewer's decision on a <c>manual_review</c> session.</summary>
public sealed record Review(string Decision, string? Reason, string? Reviewer, DateTimeOffset? ReviewedAt, string? PreviousStatus);

/// <summary>Identity data read from the document; each member null when it was not read.</summary>
public sealed record ExtractedData(
    string? FullName, string? DateOfBirth, string? DocumentNumber, string? DocumentType, string? Nationality,
    string? Surname = null, string? GivenNames = null, string? IssuingCountry = null, string? Sex = null, string? ExpiryDate = null);

/// <summary>An uploaded image as the server stored it.</summary>
public sealed record Image(
    string Id, string Kind, DocumentSide? Side, string? Type, int Frame, string MediaType, string Sha256, int Width, int Height, long SizeBytes,
    DateTimeOffset CreatedAt);

/// <summary>One page of sessions, newest first.</summary>
public sealed record SessionList(IReadOnlyList<Session> Data, bool HasMore, string? NextCursor);

/// <summary>A single-use sequence of moves for active liveness; upload the frames with its id before it expires.</summary>
public sealed record LivenessChallenge(string Id, IReadOnlyList<string> Moves, string Nonce, DateTimeOffset ExpiresAt);
