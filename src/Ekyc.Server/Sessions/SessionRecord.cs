using Ekyc.Core.Checks;
using Ekyc.Core.Decisions;
using Ekyc.Core.Sessions;

namespace Ekyc.Server.Sessions;

/// <summary>A session as stored, with its PII decrypted.</summary>
public sealed record SessionRecord
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required SessionStatus Status { get; init; }
    public string? Reference { get; init; }
    public required SessionConfig Config { get; init; }
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public StoredDecision? Decision { get; init; }
    /// <summary>Check name → wire status, for the status endpoint and the webhook.</summary>
    public IReadOnlyDictionary<string, string>? Summary { get; init; }
    public SessionResults? Results { get; init; }
    public ReviewRecord? Review { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }
    /// <summary>False for a test session (made with an <c>ek_test_…</c> key): the sandbox decides it, no engine runs.</summary>
    public bool Livemode { get; init; } = true;
}

/// <summary>The decision as the policy made it (or as a reviewer changed it).</summary>
public sealed record StoredDecision(string Status, double Confidence, string Rule, IReadOnlyList<string> Checks, DecisionThresholds Thresholds)
{
    public static StoredDecision From(Decision d) => new(d.Status.ToWire(), d.Confidence, d.Rule, d.Checks, d.Thresholds);
}

/// <summary>Everything processing produced; encrypted at rest because it holds personal data.</summary>
public sealed record SessionResults(
    IReadOnlyList<CheckResult> Checks,
    ExtractedData? ExtractedData,
    IReadOnlyList<StageTiming> Stages,
    double TotalMilliseconds,
    int Attempt,
    DateTimeOffset ProcessedAt);

public sealed record ReviewRecord(string Decision, string Reason, string Reviewer, DateTimeOffset ReviewedAt, string PreviousStatus);
