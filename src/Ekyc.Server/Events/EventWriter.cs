using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Ekyc.Server.Data;
using Ekyc.Server.Sessions;
using Ekyc.Server.Storage;

namespace Ekyc.Server.Events;

/// <summary>
/// Writes outbox rows inside the caller's transaction, so an event exists exactly when its state change
/// committed. Payloads hold personal data (extracted identity), so they are encrypted at rest.
/// </summary>
public sealed class EventWriter(Encryptor encryptor, TimeProvider time)
{
    public async Task<string> WriteAsync(DbConnection connection, DbTransaction transaction, SessionRecord session, string type)
    {
        var id = Ids.New("evt");
        var now = time.GetUtcNow();
        var payload = Json.Serialize(EventPayloads.Build(type, session, now));
        // SQLite: MAX+1 is safe because write transactions are serialised. PostgreSQL: concurrent transactions
        // would read the same MAX, so seq is an identity column there; and taken under a lock held until commit,
        // so seq order is commit order and a reader that follows seq (the webhook fan-out) never skips an event
        // that commits late. The lock covers only the tail of event-writing transactions.
        await SqlDialect.LockAsync(connection, transaction, AdvisoryLock.Events);
        var sql = SqlDialect.IsPostgres(connection)
            ? "INSERT INTO events (id, tenant_id, session_id, type, payload_enc, created_at) VALUES (@id, @tenant, @session, @type, @payload, @now)"
            : """
              INSERT INTO events (id, seq, tenant_id, session_id, type, payload_enc, created_at)
              VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events), @tenant, @session, @type, @payload, @now)
              """;
        await connection.ExecuteAsync(sql, new { id, tenant = session.TenantId, session = session.Id, type, payload = encryptor.EncryptField(payload, id), now = Clock.Format(now) }, transaction);
        return id;
    }

    /// <summary>
    /// Removes the personal data (extracted identity, reference, the review's reviewer and reason) from a session's
    /// stored events when the session is erased; the envelope stays so the delivery history still makes sense.
    /// </summary>
    public async Task RedactAsync(DbConnection connection, DbTransaction transaction, string sessionId)
    {
        var rows = await connection.QueryAsync<(string Id, string PayloadEnc)>(
            "SELECT id, payload_enc FROM events WHERE session_id = @sessionId", new { sessionId }, transaction);
        foreach (var (id, sealedPayload) in rows)
        {
            var payload = JsonNode.Parse(encryptor.DecryptField(sealedPayload, id)!)!.AsObject();
            foreach (var field in PersonalFields.Where(payload.ContainsKey))
                payload[field] = null;
            if (payload["review"] is JsonObject review)
            {
                review["reason"] = null;
                review["reviewer"] = null;
            }
            payload["redacted"] = true;
            await connection.ExecuteAsync("UPDATE events SET payload_enc = @payload WHERE id = @id",
                new { id, payload = encryptor.EncryptField(payload.ToJsonString(), id) }, transaction);
        }
    }

    private static readonly string[] PersonalFields = ["extracted_data", "reference"];

    /// <summary>The stored events of a session, oldest first, decrypted.</summary>
    public async Task<IReadOnlyList<StoredEvent>> ListAsync(DbConnection connection, string sessionId)
    {
        var rows = await connection.QueryAsync<(string Id, long Seq, string Type, string PayloadEnc, string CreatedAt)>(
            "SELECT id, seq, type, payload_enc, created_at FROM events WHERE session_id = @sessionId ORDER BY seq", new { sessionId });
        return rows.Select(r => new StoredEvent(r.Id, r.Seq, r.Type, encryptor.DecryptField(r.PayloadEnc, r.Id)!, Clock.Parse(r.CreatedAt))).ToList();
    }
}

public sealed record StoredEvent(string Id, long Seq, string Type, string Payload, DateTimeOffset CreatedAt);
