namespace Ekyc.Server.Storage;

/// <summary>Blobs as AES-GCM sealed files under <c>blobs/{tenant}/{id}.bin</c> (folders 0700, files 0600), written atomically.</summary>
public sealed class FileBlobStore(DataFolder folder, Encryptor encryptor) : IBlobStore
{
    public async Task PutAsync(string tenantId, string id, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(tenantId, id);
        DataFolder.CreatePrivateFolder(folder.BlobsPath);
        DataFolder.CreatePrivateFolder(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await using (var file = new FileStream(temp, PrivateFileOptions))
            await file.WriteAsync(encryptor.EncryptBlob(content.Span, id), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    public async Task<byte[]> GetAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        encryptor.DecryptBlob(await File.ReadAllBytesAsync(PathOf(tenantId, id), cancellationToken), id);

    public Task DeleteAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(tenantId, id));
        return Task.CompletedTask;
    }

    private static FileStreamOptions PrivateFileOptions => OperatingSystem.IsWindows()
        ? new() { Mode = FileMode.Create, Access = FileAccess.Write }
        : new() { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };

    internal string PathOf(string tenantId, string id) => Path.Combine(folder.BlobsPath, tenantId, id + ".bin");
}
