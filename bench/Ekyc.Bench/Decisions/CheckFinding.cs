namespace Ekyc.Bench.Decisions;

/// <summary>
/// A requested check that did not pass (<c>review</c>, <c>fail</c>, <c>hit</c>, <c>not_run</c>…) with its reason codes
/// and, for the document check, the signals that did not pass (<c>code:status(reason)=value</c>).
/// </summary>
public sealed record CheckFinding(string Check, string Status, IReadOnlyList<string> Reasons, IReadOnlyList<string> Signals)
{
    public override string ToString() => $"{Check}:{Status}({string.Join(',', Reasons)})";
}
