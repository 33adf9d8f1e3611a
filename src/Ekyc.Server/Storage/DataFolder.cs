namespace Ekyc.Server.Storage;

/// <summary>The data folder and the files in it; secrets written here are readable by the owner only.</summary>
public sealed class DataFolder
{
    public DataFolder(string path)
    {
        Root = Path.GetFullPath(path);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }
    public string DatabasePath => Path.Combine(Root, "ekyc.db");
    public string BlobsPath => Path.Combine(Root, "blobs");
    public string MasterKeyPath => Path.Combine(Root, "master.key");
    public string InitialApiKeyPath => Path.Combine(Root, "initial-api-key.txt");

    /// <summary>Writes a secret file with mode 0600 from the start, so it is never briefly world-readable.</summary>
    public static void WriteSecret(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }
}
