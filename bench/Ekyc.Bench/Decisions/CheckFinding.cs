namespace Ekyc.Bench.Decisions;

/// <summary>A requested check that did not pass (<c>review</c>, <c>fail</c>, <c>hit</c>, <c>not_run</c>…) with its reason codes.</summary>
public sealed record CheckFinding(string Check, string Status, IReadOnlyList<string> Reasons)
{
    public override string ToString() => $"{Check}:{Status}({string.Join(',', Reasons)})";
}
