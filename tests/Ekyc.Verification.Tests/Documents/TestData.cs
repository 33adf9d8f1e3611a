namespace Ekyc.Verification.Tests.Documents;

/// <summary>Finds <c>tests/data/documents</c> by walking up from the test binaries.</summary>
internal static class TestData
{
    public static string DocumentsPath { get; } = Locate();

    public static string File(params string[] parts) => Path.Combine([DocumentsPath, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "documents");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("tests/data/documents not found above " + AppContext.BaseDirectory);
    }
}
