namespace Ekyc.Core.Checks;

/// <summary>
/// What one check concluded and why: the status, the measured score against its threshold, the reason
/// codes that explain it, the evidence (JSON-serialisable values), the engine/model/list version and
/// the time each stage took.
/// </summary>
public sealed record CheckResult
{
    public required string Name { get; init; }
    public required CheckStatus Status { get; init; }
    /// <summary>The headline measurement (similarity, liveness probability, match score…), if any.</summary>
    public double? Score { get; init; }
    /// <summary>The threshold the score was compared with.</summary>
    public double? Threshold { get; init; }
    /// <summary>How sure the engine is of <see cref="Status"/>, 0..1; the decision policy combines these.</summary>
    public double? Confidence { get; init; }
    public IReadOnlyList<string> ReasonCodes { get; init; } = [];
    public IReadOnlyDictionary<string, object?> Evidence { get; init; } = new Dictionary<string, object?>();
    public string? Version { get; init; }
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];

    public static CheckResult NotRun(string name, string reason) =>
        new() { Name = name, Status = CheckStatus.NotRun, ReasonCodes = [reason] };
}

/// <summary>
/// Wall time of one named stage, in milliseconds, and where measured the part of it spent in model inference: the wall
/// time during which at least one ONNX Runtime run of the stage was going (overlapping runs count once, so it never
/// exceeds <see cref="Milliseconds"/>). <c>null</c> where the stage was not measured (it timed out, or runs no models).
/// </summary>
public sealed record StageTiming(string Stage, double Milliseconds, double? InferenceMilliseconds = null);

/// <summary>Reason codes shared by the server and the policy (engines add their own).</summary>
public static class CommonReasons
{
    public const string NotRequested = "not_requested";
    public const string EngineUnavailable = "engine_unavailable";
    public const string EngineError = "engine_error";
    public const string MissingInput = "missing_input";
}
