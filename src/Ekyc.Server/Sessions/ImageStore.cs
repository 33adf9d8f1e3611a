using System.Data.Common;
using Dapper;
using Ekyc.Server.Data;

namespace Ekyc.Server.Sessions;

/// <summary>
/// Image rows of a session (the metadata; bytes are in the blob store), read and written inside the caller's connection
/// and transaction.
/// </summary>
public sealed class ImageStore
{
    public Task InsertAsync(DbConnection connection, DbTransaction transaction, ImageRecord image) =>
        connection.ExecuteAsync("""
            INSERT INTO images (id, session_id, tenant_id, kind, side, document_type, frame_index, media_type, sha256, width, height, size_bytes, created_at)
            VALUES (@Id, @SessionId, @TenantId, @Kind, @Side, @DocumentType, @FrameIndex, @MediaType, @Sha256, @Width, @Height, @SizeBytes, @Created)
            """, new
        {
            image.Id, image.SessionId, image.TenantId, image.Kind, image.Side, image.DocumentType, image.FrameIndex,
            image.MediaType, image.Sha256, image.Width, image.Height, image.SizeBytes, Created = Clock.Format(image.CreatedAt),
        }, transaction);

    /// <summary>Removes the images a new upload replaces (same document side, or the previous selfie) and returns them.</summary>
    public async Task<IReadOnlyList<ImageRecord>> RemoveReplacedAsync(DbConnection connection, DbTransaction transaction, string sessionId, string kind, string? side)
    {
        var replaced = (await ListAsync(connection, transaction, sessionId)).Where(i => i.Kind == kind && (side is null || i.Side == side)).ToList();
        foreach (var image in replaced)
            await connection.ExecuteAsync("DELETE FROM images WHERE id = @Id", new { image.Id }, transaction);
        return replaced;
    }

    public async Task<IReadOnlyList<ImageRecord>> ListAsync(DbConnection connection, DbTransaction? transaction, string sessionId)
    {
        var rows = await connection.QueryAsync<ImageRow>(
            "SELECT * FROM images WHERE session_id = @sessionId ORDER BY kind, side, frame_index", new { sessionId }, transaction);
        return rows.Select(r => new ImageRecord(r.Id, r.SessionId, r.TenantId, r.Kind, r.Side, r.DocumentType, (int)r.FrameIndex,
            r.MediaType, r.Sha256, (int)r.Width, (int)r.Height, r.SizeBytes, Clock.Parse(r.CreatedAt))).ToList();
    }

    public Task DeleteAllAsync(DbConnection connection, DbTransaction transaction, string sessionId) =>
        connection.ExecuteAsync("DELETE FROM images WHERE session_id = @sessionId", new { sessionId }, transaction);

    private sealed class ImageRow
    {
        public string Id { get; set; } = "";
        public string SessionId { get; set; } = "";
        public string TenantId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? Side { get; set; }
        public string? DocumentType { get; set; }
        public long FrameIndex { get; set; }
        public string MediaType { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public long Width { get; set; }
        public long Height { get; set; }
        public long SizeBytes { get; set; }
        public string CreatedAt { get; set; } = "";
    }
}
