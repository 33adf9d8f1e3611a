using System.Security.Cryptography;
using System.Text.Json;
using Ekyc.Verification.Screening.Loaders;

namespace Ekyc.Verification.Screening.Lists;

/// <summary>
/// A folder of imported lists: one sub-folder per list holding copies of the source files and a
/// <c>manifest.json</c> (name, format, files, entity count, loaded_at, sha256). Import validates the file
/// by parsing it before anything in the store changes, so a malformed file never replaces a good list.
/// </summary>
public sealed class ListStore(string root)
{
    public const string ManifestFile = "manifest.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Parses, then copies the list into the store, replacing a list of the same name.</summary>
    /// <exception cref="ListLoadException">The file is missing or malformed; the store is unchanged.</exception>
    public ListManifest Import(string path, ListFormat format, string? name = null)
    {
        var listName = SafeName(name ?? Path.GetFileNameWithoutExtension(path.TrimEnd('/', '\\')));
        var entities = ListLoader.Load(path, format, listName);
        if (entities.Count == 0)
        {
            throw new ListLoadException(path, null, "no screenable entity found; is the format right?");
        }
        var sources = ListLoader.SourceFiles(path, format);
        Directory.CreateDirectory(Root);
        var staging = Path.Combine(Root, $".{listName}.{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        foreach (var source in sources)
        {
            File.Copy(source, Path.Combine(staging, Path.GetFileName(source)));
        }
        var manifest = new ListManifest
        {
            Name = listName,
            Format = format.ToName(),
            Files = sources.Select(Path.GetFileName).OfType<string>().ToList(),
            EntityCount = entities.Count,
            LoadedAt = DateTimeOffset.UtcNow,
            Sha256 = Checksum(sources),
        };
        File.WriteAllText(Path.Combine(staging, ManifestFile), JsonSerializer.Serialize(manifest, Json));
        Replace(Path.Combine(Root, listName), staging);
        return manifest;
    }

    /// <summary>
    /// Copies into the store every list of another store folder (e.g. the repository's <c>lists/</c>) that the
    /// store does not have yet, so a fresh installation screens against the default lists; lists already present,
    /// possibly newer, are left alone. Returns the names copied.
    /// </summary>
    public IReadOnlyList<string> SeedFrom(string defaults)
    {
        var source = new ListStore(defaults);
        var present = Manifests().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var copied = new List<string>();
        foreach (var manifest in source.Manifests().Where(m => !present.Contains(m.Name)))
        {
            Directory.CreateDirectory(Root);
            var staging = Path.Combine(Root, $".{manifest.Name}.{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            foreach (var file in manifest.Files.Append(ManifestFile))
            {
                File.Copy(Path.Combine(source.Root, manifest.Name, file), Path.Combine(staging, file));
            }
            if (PlaceUnlessPresent(Path.Combine(Root, manifest.Name), staging))
                copied.Add(manifest.Name);
        }
        return copied;
    }

    /// <summary>The manifests of the lists in the store, by name.</summary>
    public IReadOnlyList<ListManifest> Manifests()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }
        return Directory.EnumerateDirectories(Root)
            .Where(d => !Path.GetFileName(d).StartsWith('.') && File.Exists(Path.Combine(d, ManifestFile)))
            .Select(d => TryReadManifest(Path.Combine(d, ManifestFile)))
            .OfType<ListManifest>()
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Parses a stored list; the checksum is recomputed so a file edited in place is noticed.</summary>
    /// <exception cref="ListLoadException">A stored file is missing or malformed.</exception>
    public LoadedList Load(ListManifest manifest)
    {
        var folder = Path.Combine(Root, manifest.Name);
        var files = manifest.Files.Select(f => Path.Combine(folder, f)).ToList();
        var format = ListFormatNames.Parse(manifest.Format);
        var entities = ListLoader.Load(files[0], format, manifest.Name);
        return new LoadedList(manifest with { Sha256 = Checksum(files), EntityCount = entities.Count }, entities);
    }

    /// <summary>The checksum of a stored list's files as they are now on disk.</summary>
    public string CurrentChecksum(ListManifest manifest) =>
        Checksum(manifest.Files.Select(f => Path.Combine(Root, manifest.Name, f)).ToList());

    /// <summary>Folders whose manifest cannot be read, with the reason (they are skipped by <see cref="Manifests"/>).</summary>
    public IReadOnlyList<ListLoadException> ManifestErrors()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }
        var errors = new List<ListLoadException>();
        foreach (var folder in Directory.EnumerateDirectories(Root).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            try
            {
                ReadManifest(Path.Combine(folder, ManifestFile));
            }
            catch (Exception ex) when (ex is ListLoadException or IOException)
            {
                errors.Add(ex as ListLoadException ?? new ListLoadException(folder, null, ex.Message, ex));
            }
        }
        return errors;
    }

    private static ListManifest? TryReadManifest(string path)
    {
        try
        {
            return ReadManifest(path);
        }
        catch (Exception ex) when (ex is ListLoadException or IOException)
        {
            return null;
        }
    }

    private static ListManifest ReadManifest(string path)
    {
        ListManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ListManifest>(File.ReadAllText(path), Json)
                ?? throw new ListLoadException(path, null, "empty manifest");
        }
        catch (JsonException ex)
        {
            throw new ListLoadException(path, ex.LineNumber + 1, "malformed manifest: " + ex.Message, ex);
        }
        return Validate(path, manifest);
    }

    /// <summary>
    /// What the rest of the store relies on: the manifest names its own folder, a known format, and at least one file,
    /// each a plain name inside the folder (never a path out of it).
    /// </summary>
    private static ListManifest Validate(string path, ListManifest manifest)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(path));
        string? problem = manifest switch
        {
            { Name: null } or { Format: null } or { Files: null } or { Sha256: null } => "a required field is null",
            _ when manifest.Name != folder => $"names the list '{manifest.Name}' but lies in the folder '{folder}'",
            _ when !ListFormatNames.All.Contains(manifest.Format) => $"unknown format '{manifest.Format}'",
            { Files.Count: 0 } => "lists no file",
            _ when manifest.Files.Any(f => f is null || f.Length == 0 || f != Path.GetFileName(f) || f is "." or "..") => "a file name is not a plain name inside the list's folder",
            _ => null,
        };
        return problem is null ? manifest : throw new ListLoadException(path, null, "invalid manifest: " + problem);
    }

    private static string Checksum(IReadOnlyList<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            if (File.Exists(file))
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Moves a staged list into place unless the list appeared meanwhile: processes starting together on one data
    /// folder seed at once, and the first rename wins (a rename is atomic, so the folder it placed is complete).
    /// </summary>
    private static bool PlaceUnlessPresent(string target, string staging)
    {
        try
        {
            Directory.Move(staging, target);
            return true;
        }
        catch (IOException) when (Directory.Exists(target))
        {
            Directory.Delete(staging, recursive: true);
            return false;
        }
    }

    /// <summary>Moves the staged folder into place; the old copy is moved aside first and deleted after.</summary>
    private static void Replace(string target, string staging)
    {
        string? aside = null;
        if (Directory.Exists(target))
        {
            aside = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.old-{Guid.NewGuid():N}");
            Directory.Move(target, aside);
        }
        Directory.Move(staging, target);
        if (aside is not null)
        {
            Directory.Delete(aside, recursive: true);
        }
    }

    private static string SafeName(string name)
    {
        var safe = new string(name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return safe.Length == 0 ? throw new ArgumentException("A list needs a name of letters or digits.", nameof(name)) : safe;
    }
}
