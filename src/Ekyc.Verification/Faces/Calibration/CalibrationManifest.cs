using System.Text.Json;

namespace Ekyc.Verification.Faces.Calibration;

/// <summary>
/// One photo of the calibration set: who is in it, or a group photo whose faces (numbered largest first) are
/// different people except those <paramref name="People"/> names.
/// </summary>
public sealed record CalibrationPhoto(
    string Path,
    string? Identity = null,
    bool Group = false,
    int? Faces = null,
    string? Session = null,
    IReadOnlyDictionary<string, string>? People = null);

/// <summary><c>identities.json</c>: the labelled photos the thresholds are calibrated on.</summary>
public sealed record CalibrationManifest(IReadOnlyList<CalibrationPhoto> Photos)
{
    public const string FileName = "identities.json";
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads the manifest of a folder and makes its paths absolute.</summary>
    public static CalibrationManifest Load(string folder)
    {
        var file = System.IO.Path.Combine(folder, FileName);
        var manifest = JsonSerializer.Deserialize<CalibrationManifest>(File.ReadAllText(file), Json)
            ?? throw new InvalidDataException($"{file} is empty.");
        return manifest with
        {
            Photos = manifest.Photos.Select(p => p with { Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, p.Path)) }).ToList(),
        };
    }
}
