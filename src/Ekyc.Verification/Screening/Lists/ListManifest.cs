namespace Ekyc.Verification.Screening.Lists;

/// <summary>What was imported into the list store: the list's name, format, files, size, time and checksum.</summary>
public sealed record ListManifest
{
    public required string Name { get; init; }
    /// <summary>The format's command-line name (<c>ofac-csv</c>, <c>un-xml</c>…).</summary>
    public required string Format { get; init; }
    /// <summary>File names inside the list's folder, the primary file first.</summary>
    public required IReadOnlyList<string> Files { get; init; }
    public required int EntityCount { get; init; }
    public required DateTimeOffset LoadedAt { get; init; }
    /// <summary>SHA-256 over the files in order, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>A short version string for results: <c>name@sha8</c>.</summary>
    public string Version => $"{Name}@{Sha256[..Math.Min(8, Sha256.Length)]}";
}
