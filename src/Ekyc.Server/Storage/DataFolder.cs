namespace Ekyc.Server.Storage;

/// <summary>
/// The data folder and the files in it, all private to the owner: folders 0700, the database and secrets 0600
/// (tightened on start when an older version left them wider).
/// </summary>
public sealed class DataFolder
{
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public DataFolder(string path)
    {
        Root = Path.GetFullPath(path);
        CreatePrivateFolder(Root);
    }

    public string Root { get; }
    public string DatabasePath => Path.Combine(Root, "ekyc.db");
    public string BlobsPath => Path.Combine(Root, "blobs");
    public string MasterKeyPath => Path.Combine(Root, "master.key");
    public string InitialApiKeyPath => Path.Combine(Root, "initial-api-key.txt");

    /// <summary>Creates a folder readable by the owner only (or tightens an existing one).</summary>
    public static void CreatePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, PrivateFolder);
        if (File.GetUnixFileMode(path) != PrivateFolder)
            File.SetUnixFileMode(path, PrivateFolder);
    }

    /// <summary>
    /// The SQLite database file, created empty with mode 0600 before SQLite opens it: SQLite gives its WAL and
    /// shared-memory files the mode of the database file.
    /// </summary>
    public string PrivateDatabaseFile()
    {
        if (OperatingSystem.IsWindows())
            return DatabasePath;
        if (!File.Exists(DatabasePath))
            new FileStream(DatabasePath, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile }).Dispose();
        else if (File.GetUnixFileMode(DatabasePath) != PrivateFile)
            File.SetUnixFileMode(DatabasePath, PrivateFile);
        return DatabasePath;
    }

    /// <summary>Writes a secret file with mode 0600 from the start, so it is never briefly world-readable.</summary>
    public static void WriteSecret(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = PrivateFile;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }
}
