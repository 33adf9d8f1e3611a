namespace Ekyc.Verification.Screening;

/// <summary>What a reload did: whether a new index went into service, its lists, and the lists that failed (their old copy, if any, stays).</summary>
public sealed record ReloadReport(bool Swapped, string Version, int EntityCount, IReadOnlyList<string> Lists, IReadOnlyList<string> Errors);
