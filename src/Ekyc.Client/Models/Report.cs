using System.Text.Json;

namespace Ekyc.Client.Models;

/// <summary>The full, explainable result of a session.</summary>
public sealed record Report(
    string SessionId, SessionStatus Status, Decision? Decision, IReadOnlyList<CheckReport> Checks, ExtractedData? ExtractedData,
    IReadOnlyList<Image> Images, IReadOnlyList<StageTiming> Stages, double? TotalMilliseconds, int? Attempt, DateTimeOffset? ProcessedAt);

/// <summary>One check with everything that explains its outcome; <see cref="Evidence"/> is the engine's own detail.</summary>
public sealed record CheckReport(
    string Name, CheckOutcome Status, bool Requested, double? Score, double? Threshold, double? Confidence, IReadOnlyList<string> ReasonCodes,
    IReadOnlyDictionary<string, JsonElement> Evidence, string? Version, IReadOnlyList<StageTiming> Timings);

public sealed record StageTiming(string Stage, double Milliseconds);
