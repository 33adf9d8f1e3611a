using System.Data.Common;
using Dapper;
using Ekyc.Server.Sessions;
using Ekyc.Server.Storage;

namespace Ekyc.Server.Data;

/// <summary>
/// Schema changes that need the master key (re-sealing data), run after the SQL scripts, once each, recorded in
/// <c>schema_migrations</c> under versions of their own (1000 and up).
/// </summary>
public static class DataMigrations
{
    internal static readonly (int Version, string Name, Func<DbConnection, DbTransaction, Encryptor, Task> Run)[] Steps =
    [
        (1003, "seal_session_columns", SealSessionColumnsAsync),
    ];

    /// <summary>
    /// Seals the reference and the review (they were clear text), and re-seals metadata and results bound to their
    /// column (they were bound to the session only, so the two ciphertexts could be swapped); then drops the clear
    /// columns. Version 3 of the schema added the sealed ones.
    /// </summary>
    private static async Task SealSessionColumnsAsync(DbConnection connection, DbTransaction transaction, Encryptor encryptor)
    {
        var rows = await connection.QueryAsync<(string Id, string TenantId, string? Reference, string? ReviewJson, string? MetadataEnc, string? ResultsEnc)>(
            "SELECT id, tenant_id, reference, review_json, metadata_enc, results_enc FROM sessions", transaction: transaction);
        foreach (var row in rows)
        {
            string? Reseal(string? sealedText, string column) =>
                encryptor.EncryptField(encryptor.DecryptField(sealedText, row.Id), SessionStore.Owner(row.Id, column));
            await connection.ExecuteAsync("""
                UPDATE sessions SET reference_enc = @reference, reference_hash = @referenceHash, review_enc = @review,
                                    metadata_enc = @metadata, results_enc = @results
                WHERE id = @id
                """, new
            {
                id = row.Id,
                reference = encryptor.EncryptField(row.Reference, SessionStore.Owner(row.Id, "reference")),
                referenceHash = row.Reference is null ? null : encryptor.LookupHash(row.TenantId, row.Reference),
                review = encryptor.EncryptField(row.ReviewJson, SessionStore.Owner(row.Id, "review")),
                metadata = Reseal(row.MetadataEnc, "metadata"),
                results = Reseal(row.ResultsEnc, "results"),
            }, transaction);
        }
        await connection.ExecuteAsync("ALTER TABLE sessions DROP COLUMN reference; ALTER TABLE sessions DROP COLUMN review_json;", transaction: transaction);
    }
}
