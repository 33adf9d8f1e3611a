using Dapper;
using Ekyc.Server.Data;

namespace Ekyc.Server.Storage;

/// <summary>
/// Blobs as AES-GCM sealed <c>bytea</c> rows in the shared PostgreSQL database, sealed exactly like
/// <see cref="FileBlobStore"/> (the image id is the associated data), so replicas need no shared file system
/// and a database dump holds no readable image.
/// </summary>
public sealed class PostgresBlobStore(Database database, Encryptor encryptor, TimeProvider time) : IBlobStore
{
    public async Task PutAsync(string tenantId, string id, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO blobs (id, tenant_id, content, created_at) VALUES (@id, @tenantId, @content, @now)
            ON CONFLICT (id) DO UPDATE SET content = excluded.content
            """, new { id, tenantId, content = encryptor.EncryptBlob(content.Span, id), now = Clock.Format(time.GetUtcNow()) },
            cancellationToken: cancellationToken));
    }

    public async Task<byte[]> GetAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var sealedData = await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
            "SELECT content FROM blobs WHERE id = @id AND tenant_id = @tenantId", new { id, tenantId }, cancellationToken: cancellationToken));
        return sealedData is null
            ? throw new FileNotFoundException($"Blob {id} of tenant {tenantId} does not exist.")
            : encryptor.DecryptBlob(sealedData, id);
    }

    public async Task DeleteAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM blobs WHERE id = @id AND tenant_id = @tenantId", new { id, tenantId }, cancellationToken: cancellationToken));
    }
}
