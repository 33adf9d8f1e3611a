namespace Ekyc.Verification.Tests.Screening;

/// <summary>Paths of the list and benchmark fixtures in <c>tests/data/sanctions</c>.</summary>
internal static class SanctionsData
{
    public static string Root { get; } = FindRoot();

    public static string File(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "sanctions");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/data/sanctions not found above " + AppContext.BaseDirectory);
    }
}
