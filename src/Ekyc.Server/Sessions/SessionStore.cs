using System.Data.Common;
using Dapper;
using Ekyc.Core.Sessions;
using Ekyc.Server.Data;
using Ekyc.Server.Events;
using Ekyc.Server.Storage;

namespace Ekyc.Server.Sessions;

/// <summary>
/// Reads and writes sessions inside the caller's connection and transaction. Personal data (reference, metadata,
/// results, review) is sealed per column: the associated data names the session and the column, so a ciphertext
/// moved to another row or another column does not open.
/// </summary>
public sealed class SessionStore(Encryptor encryptor, EventWriter events, TimeProvider time)
{
    private const string Columns = """
        id, tenant_id, status, reference_enc, config_json, metadata_enc, version, created_at, updated_at, expires_at,
        submitted_at, decided_at, decision_json, summary_json, results_enc, review_enc, deleted_at, mode
        """;

    /// <summary>The associated data of a sealed session column.</summary>
    public static string Owner(string sessionId, string column) => $"{sessionId}/{column}";

    /// <summary>The lookup hash of a reference, for exact-match filters.</summary>
    public string ReferenceHash(string tenantId, string reference) => encryptor.LookupHash(tenantId, reference);

    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, SessionRecord session, string clientTokenHash, DateTimeOffset clientTokenExpiresAt)
    {
        await connection.ExecuteAsync("""
            INSERT INTO sessions (id, tenant_id, status, reference_enc, reference_hash, config_json, metadata_enc, client_token_hash,
                                  client_token_expires_at, version, created_at, updated_at, expires_at, mode)
            VALUES (@Id, @TenantId, @Status, @Reference, @ReferenceHash, @Config, @Metadata, @TokenHash, @TokenExpires, 1, @Created, @Created, @Expires, @Mode)
            """, new
        {
            session.Id,
            session.TenantId,
            Status = session.Status.ToWire(),
            Reference = encryptor.EncryptField(session.Reference, Owner(session.Id, "reference")),
            ReferenceHash = session.Reference is null ? null : ReferenceHash(session.TenantId, session.Reference),
            Config = Json.Serialize(session.Config),
            Metadata = session.Metadata is null ? null : encryptor.EncryptField(Json.Serialize(session.Metadata), Owner(session.Id, "metadata")),
            TokenHash = clientTokenHash,
            TokenExpires = Clock.Format(clientTokenExpiresAt),
            Created = Clock.Format(session.CreatedAt),
            Expires = Clock.Format(session.ExpiresAt),
            Mode = Auth.Modes.Of(session.Livemode),
        }, transaction);
    }

    /// <summary>
    /// The tenant's session, or null. Only reads: expiry is its own step (<see cref="SessionExpiry"/>). Inside a write
    /// transaction the row is locked, so concurrent changes of one session queue up (PostgreSQL).
    /// </summary>
    public async Task<SessionRecord?> LoadAsync(DbConnection connection, DbTransaction? transaction, string tenantId, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            $"SELECT {Columns} FROM sessions WHERE id = @id AND tenant_id = @tenantId{LockFor(connection, transaction)}", new { id, tenantId }, transaction);
        return row is null ? null : Map(row);
    }

    /// <summary>
    /// The caller's session, or null: of its tenant and of its mode, so a test key never finds a live session nor a live key
    /// a test one.
    /// </summary>
    public async Task<SessionRecord?> LoadAsync(DbConnection connection, DbTransaction? transaction, Auth.Caller caller, string id) =>
        await LoadAsync(connection, transaction, caller.TenantId, id) is { } session && session.Livemode == caller.Livemode ? session : null;

    /// <summary>A session of any tenant, for the worker.</summary>
    public async Task<SessionRecord?> FindAsync(DbConnection connection, string id, DbTransaction? transaction = null)
    {
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            $"SELECT {Columns} FROM sessions WHERE id = @id{LockFor(connection, transaction)}", new { id }, transaction);
        return row is null ? null : Map(row);
    }

    private static string LockFor(DbConnection connection, DbTransaction? transaction) =>
        transaction is null ? "" : SqlDialect.ForUpdate(connection);

    /// <summary>Applies a state-machine action, bumps the version and writes the matching event.</summary>
    public async Task<SessionRecord> TransitionAsync(DbConnection connection, DbTransaction transaction, SessionRecord session, SessionAction action,
        SessionStatus? decision = null)
    {
        var next = SessionStateMachine.Apply(session.Status, action, decision);
        var now = time.GetUtcNow();
        var updated = session with { Status = next, Version = session.Version + 1, UpdatedAt = now };
        var changed = await connection.ExecuteAsync(
            "UPDATE sessions SET status = @status, version = version + 1, updated_at = @now WHERE id = @id AND version = @version",
            new { status = next.ToWire(), now = Clock.Format(now), id = session.Id, version = session.Version }, transaction);
        if (changed != 1)
            throw new System.Data.DBConcurrencyException($"Session {session.Id} changed concurrently.");
        var eventType = EventTypes.ForTransition(action, session.Status, next);
        if (eventType is not null)
            await events.WriteAsync(connection, transaction, updated, eventType);
        return updated;
    }

    public Task SaveDecisionAsync(DbConnection connection, DbTransaction transaction, SessionRecord session) =>
        connection.ExecuteAsync("""
            UPDATE sessions SET decided_at = @DecidedAt, decision_json = @Decision, summary_json = @Summary, results_enc = @Results
            WHERE id = @Id
            """, new
        {
            session.Id,
            DecidedAt = session.DecidedAt is { } d ? Clock.Format(d) : null,
            Decision = session.Decision is null ? null : Json.Serialize(session.Decision),
            Summary = session.Summary is null ? null : Json.Serialize(session.Summary),
            Results = session.Results is null ? null : encryptor.EncryptField(Json.Serialize(session.Results), Owner(session.Id, "results")),
        }, transaction);

    public Task SaveSubmittedAtAsync(DbConnection connection, DbTransaction transaction, string id, DateTimeOffset at) =>
        connection.ExecuteAsync("UPDATE sessions SET submitted_at = @at WHERE id = @id", new { id, at = Clock.Format(at) }, transaction);

    public Task SaveReviewAsync(DbConnection connection, DbTransaction transaction, SessionRecord session) =>
        connection.ExecuteAsync("UPDATE sessions SET review_enc = @review, decision_json = @decision WHERE id = @id", new
        {
            id = session.Id,
            review = encryptor.EncryptField(Json.Serialize(session.Review), Owner(session.Id, "review")),
            decision = Json.Serialize(session.Decision),
        }, transaction);

    /// <summary>
    /// Erases personal data and keeps a tombstone (id, status, timestamps, decision and check summary). The reviewer
    /// and reason go with the review; the rule and status stay.
    /// </summary>
    public Task EraseAsync(DbConnection connection, DbTransaction transaction, string id, DateTimeOffset at) =>
        connection.ExecuteAsync("""
            UPDATE sessions SET reference_enc = NULL, reference_hash = NULL, metadata_enc = NULL, results_enc = NULL, review_enc = NULL,
                                client_token_hash = NULL, client_token_enc = NULL, deleted_at = @at, version = version + 1, updated_at = @at
            WHERE id = @id
            """, new { id, at = Clock.Format(at) }, transaction);

    public async Task<IReadOnlyList<SessionRecord>> ListAsync(DbConnection connection, string tenantId, string mode, SessionStatus? status,
        DateTimeOffset? createdAfter, DateTimeOffset? createdBefore, (string CreatedAt, string Id)? after, int limit)
    {
        var sql = $"""
            SELECT {Columns} FROM sessions
            WHERE tenant_id = @tenantId AND mode = @mode
              AND (@status IS NULL OR status = @status)
              AND (@createdAfter IS NULL OR created_at >= @createdAfter)
              AND (@createdBefore IS NULL OR created_at < @createdBefore)
              AND (@cursorAt IS NULL OR created_at < @cursorAt OR (created_at = @cursorAt AND id < @cursorId))
            ORDER BY created_at DESC, id DESC
            LIMIT @limit
            """;
        var rows = await connection.QueryAsync<SessionRow>(sql, new
        {
            tenantId,
            mode,
            status = status?.ToWire(),
            createdAfter = createdAfter is { } a ? Clock.Format(a) : null,
            createdBefore = createdBefore is { } b ? Clock.Format(b) : null,
            cursorAt = after?.CreatedAt,
            cursorId = after?.Id,
            limit,
        });
        return rows.Select(Map).ToList();
    }

    private SessionRecord Map(SessionRow row) => new()
    {
        Id = row.Id,
        TenantId = row.TenantId,
        Status = SessionStatusNames.Parse(row.Status),
        Reference = encryptor.DecryptField(row.ReferenceEnc, Owner(row.Id, "reference")),
        Config = Json.Deserialize<SessionConfig>(row.ConfigJson),
        Metadata = row.MetadataEnc is null ? null : Json.Deserialize<Dictionary<string, string>>(encryptor.DecryptField(row.MetadataEnc, Owner(row.Id, "metadata"))!),
        Version = row.Version,
        CreatedAt = Clock.Parse(row.CreatedAt),
        UpdatedAt = Clock.Parse(row.UpdatedAt),
        ExpiresAt = Clock.Parse(row.ExpiresAt),
        SubmittedAt = Clock.ParseOrNull(row.SubmittedAt),
        DecidedAt = Clock.ParseOrNull(row.DecidedAt),
        Decision = row.DecisionJson is null ? null : Json.Deserialize<StoredDecision>(row.DecisionJson),
        Summary = row.SummaryJson is null ? null : Json.Deserialize<Dictionary<string, string>>(row.SummaryJson),
        Results = row.ResultsEnc is null ? null : Json.Deserialize<SessionResults>(encryptor.DecryptField(row.ResultsEnc, Owner(row.Id, "results"))!),
        Review = row.ReviewEnc is null ? null : Json.Deserialize<ReviewRecord>(encryptor.DecryptField(row.ReviewEnc, Owner(row.Id, "review"))!),
        DeletedAt = Clock.ParseOrNull(row.DeletedAt),
        Livemode = Auth.Modes.IsLive(row.Mode),
    };

    private sealed class SessionRow
    {
        public string Id { get; set; } = "";
        public string TenantId { get; set; } = "";
        public string Status { get; set; } = "";
        public string? ReferenceEnc { get; set; }
        public string ConfigJson { get; set; } = "";
        public string? MetadataEnc { get; set; }
        public long Version { get; set; }
        public string CreatedAt { get; set; } = "";
        public string UpdatedAt { get; set; } = "";
        public string ExpiresAt { get; set; } = "";
        public string? SubmittedAt { get; set; }
        public string? DecidedAt { get; set; }
        public string? DecisionJson { get; set; }
        public string? SummaryJson { get; set; }
        public string? ResultsEnc { get; set; }
        public string? ReviewEnc { get; set; }
        public string? DeletedAt { get; set; }
        public string Mode { get; set; } = Auth.Modes.Live;
    }
}
