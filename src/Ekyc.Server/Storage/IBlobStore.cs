namespace Ekyc.Server.Storage;

/// <summary>Encrypted image storage keyed by image id.</summary>
public interface IBlobStore
{
    Task PutAsync(string tenantId, string id, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
    Task<byte[]> GetAsync(string tenantId, string id, CancellationToken cancellationToken);
    Task DeleteAsync(string tenantId, string id, CancellationToken cancellationToken);
}
