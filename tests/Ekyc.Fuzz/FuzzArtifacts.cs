namespace Ekyc.Fuzz;

/// <summary>Where crashing inputs are kept: <c>&lt;folder&gt;/&lt;target&gt;/crash-&lt;sha256 prefix&gt;.&lt;ext&gt;</c>.</summary>
public static class FuzzArtifacts
{
    public static IReadOnlyList<string> Save(string folder, FuzzTarget target, IEnumerable<FuzzCrash> crashes)
    {
        var dir = Path.Combine(folder, target.Name);
        return crashes.Select(crash =>
        {
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, $"crash-{crash.InputHash}.{target.Extension}");
            File.WriteAllBytes(path, crash.Input);
            return path;
        }).ToList();
    }
}
