namespace Ekyc.Bench.Decisions;

/// <summary>
/// A requested check that did not pass (<c>review</c>, <c>fail</c>, <c>hit</c>, <c>not_run</c>…) with its reason codes
/// and the signals that did not pass (<c>code:status(reason)=value</c>; a failed liveness challenge with its evidence).
/// </summary>
public sealed record CheckFinding(string Check, string Status, IReadOnlyList<string> Reasons, IReadOnlyList<string> Signals)
{
    public override string ToString() => $"{Check}:{Status}({string.Join(',', Reasons)})";
}
