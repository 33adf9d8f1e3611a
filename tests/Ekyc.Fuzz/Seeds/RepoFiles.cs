namespace Ekyc.Fuzz.Seeds;

/// <summary>Finds the repository's test data (and the npm test photos) by walking up to <c>Ekyc.slnx</c>.</summary>
public static class RepoFiles
{
    public static string Root { get; } = Locate();

    public static string Data(params string[] parts) => Path.Combine([Root, "tests", "data", .. parts]);

    public static string Photos(params string[] parts) => Data(["photos", "node_modules", .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ekyc.slnx")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("Ekyc.slnx not found above " + AppContext.BaseDirectory);
    }
}
