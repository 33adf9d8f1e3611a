namespace Ekyc.Verification.Tests.Screening;

/// <summary>The PEP source fixtures in <c>tests/data/pep</c> (excerpts of each source, see its README).</summary>
internal static class PepData
{
    public static string Root { get; } = Path.Combine(Path.GetDirectoryName(SanctionsData.Root)!, "pep");
}
