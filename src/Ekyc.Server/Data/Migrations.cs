using Dapper;
using Ekyc.Server.Storage;

namespace Ekyc.Server.Data;

/// <summary>Versioned schema scripts (these: SQLite; <see cref="PostgresMigrations"/>: PostgreSQL), applied in order inside one transaction each.</summary>
public static class Migrations
{
    internal static readonly (int Version, string Name, string Sql)[] Scripts =
    [
        (1, "initial", """
            CREATE TABLE tenants (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                key_hash TEXT NOT NULL UNIQUE,
                prefix TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT
            );
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                status TEXT NOT NULL,
                reference TEXT,
                config_json TEXT NOT NULL,
                metadata_enc TEXT,
                client_token_hash TEXT UNIQUE,
                client_token_expires_at TEXT,
                version INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                submitted_at TEXT,
                decided_at TEXT,
                decision_json TEXT,
                summary_json TEXT,
                results_enc TEXT,
                review_json TEXT,
                deleted_at TEXT
            );
            CREATE INDEX ix_sessions_tenant_created ON sessions(tenant_id, created_at DESC, id DESC);
            CREATE INDEX ix_sessions_expiry ON sessions(status, expires_at);
            CREATE TABLE images (
                id TEXT PRIMARY KEY,
                session_id TEXT NOT NULL REFERENCES sessions(id),
                tenant_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                side TEXT,
                document_type TEXT,
                frame_index INTEGER NOT NULL DEFAULT 0,
                media_type TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                size_bytes INTEGER NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX ix_images_session ON images(session_id);
            CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                session_id TEXT NOT NULL UNIQUE REFERENCES sessions(id),
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                locked_by TEXT,
                locked_until TEXT,
                last_error TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX ix_jobs_claim ON jobs(status, locked_until);
            CREATE TABLE engine_runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                job_id TEXT NOT NULL,
                session_id TEXT NOT NULL,
                worker TEXT NOT NULL,
                attempt INTEGER NOT NULL,
                started_at TEXT NOT NULL,
                committed INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE events (
                id TEXT PRIMARY KEY,
                seq INTEGER NOT NULL UNIQUE,
                tenant_id TEXT NOT NULL,
                session_id TEXT,
                type TEXT NOT NULL,
                payload_enc TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX ix_events_session ON events(session_id);
            CREATE TABLE idempotency_keys (
                tenant_id TEXT NOT NULL,
                key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                state TEXT NOT NULL,
                status_code INTEGER,
                response_enc TEXT,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                PRIMARY KEY (tenant_id, key)
            );
            CREATE INDEX ix_idempotency_expiry ON idempotency_keys(expires_at);
            """),
        (2, "webhooks", """
            CREATE TABLE webhook_endpoints (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                url TEXT NOT NULL,
                description TEXT,
                event_types TEXT NOT NULL,
                secret_enc TEXT NOT NULL,
                previous_secret_enc TEXT,
                previous_secret_expires_at TEXT,
                status TEXT NOT NULL,
                disabled_reason TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            );
            CREATE INDEX ix_webhook_endpoints_tenant ON webhook_endpoints(tenant_id, status);
            CREATE TABLE webhook_tenant_secrets (
                tenant_id TEXT PRIMARY KEY REFERENCES tenants(id),
                secret_enc TEXT NOT NULL,
                previous_secret_enc TEXT,
                previous_secret_expires_at TEXT,
                created_at TEXT NOT NULL
            );
            CREATE TABLE webhook_fanout (
                name TEXT PRIMARY KEY,
                last_seq INTEGER NOT NULL
            );
            INSERT INTO webhook_fanout (name, last_seq) SELECT 'events', COALESCE(MAX(seq), 0) FROM events;
            CREATE TABLE webhook_deliveries (
                id TEXT PRIMARY KEY,
                event_id TEXT NOT NULL REFERENCES events(id),
                event_type TEXT NOT NULL,
                tenant_id TEXT NOT NULL,
                session_id TEXT,
                target TEXT NOT NULL,
                endpoint_id TEXT REFERENCES webhook_endpoints(id),
                url TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT,
                trigger_kind TEXT NOT NULL,
                auto_retry INTEGER NOT NULL DEFAULT 1,
                locked_by TEXT,
                locked_until TEXT,
                last_status_code INTEGER,
                last_error TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                delivered_at TEXT,
                UNIQUE (event_id, target)
            );
            CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
            CREATE INDEX ix_webhook_deliveries_inflight ON webhook_deliveries(url, status, locked_until);
            CREATE INDEX ix_webhook_deliveries_tenant ON webhook_deliveries(tenant_id, created_at DESC, id DESC);
            CREATE INDEX ix_webhook_deliveries_session ON webhook_deliveries(session_id);
            CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, status);
            CREATE TABLE webhook_attempts (
                id TEXT PRIMARY KEY,
                delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id),
                attempt INTEGER NOT NULL,
                trigger_kind TEXT NOT NULL,
                url TEXT NOT NULL,
                started_at TEXT NOT NULL,
                duration_ms REAL NOT NULL,
                status_code INTEGER,
                response_excerpt TEXT,
                error TEXT
            );
            CREATE INDEX ix_webhook_attempts_delivery ON webhook_attempts(delivery_id, started_at);
            """),
        (3, "credential_scoped_idempotency_sealed_columns", """
            DROP TABLE idempotency_keys;
            CREATE TABLE idempotency_keys (
                tenant_id TEXT NOT NULL,
                credential_id TEXT NOT NULL,
                key TEXT NOT NULL,
                session_id TEXT,
                fingerprint TEXT NOT NULL,
                state TEXT NOT NULL,
                status_code INTEGER,
                response_enc TEXT,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                PRIMARY KEY (tenant_id, credential_id, key)
            );
            CREATE INDEX ix_idempotency_expiry ON idempotency_keys(expires_at);
            CREATE INDEX ix_idempotency_session ON idempotency_keys(session_id);
            ALTER TABLE sessions ADD COLUMN reference_enc TEXT;
            ALTER TABLE sessions ADD COLUMN reference_hash TEXT;
            ALTER TABLE sessions ADD COLUMN review_enc TEXT;
            CREATE INDEX ix_sessions_reference ON sessions(tenant_id, reference_hash);
            DROP INDEX ix_webhook_deliveries_inflight;
            CREATE INDEX ix_webhook_deliveries_inflight ON webhook_deliveries(tenant_id, url, status, locked_until);
            """),
        (4, "liveness_challenges", """
            CREATE TABLE liveness_challenges (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                session_id TEXT NOT NULL REFERENCES sessions(id),
                moves TEXT NOT NULL,
                nonce TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                used_at TEXT,
                selfie_image_id TEXT
            );
            CREATE INDEX ix_liveness_challenges_session ON liveness_challenges(session_id);
            CREATE INDEX ix_liveness_challenges_selfie ON liveness_challenges(selfie_image_id);
            """),
        (5, "capture_links", """
            ALTER TABLE sessions ADD COLUMN client_token_enc TEXT;
            """),
        (6, "review_console", """
            CREATE TABLE console_users (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                email TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                password_hash TEXT,
                security_stamp TEXT NOT NULL,
                setup_token_hash TEXT UNIQUE,
                setup_token_expires_at TEXT,
                failed_attempts INTEGER NOT NULL DEFAULT 0,
                locked_until TEXT,
                disabled_at TEXT,
                last_sign_in_at TEXT,
                created_at TEXT NOT NULL
            );
            CREATE INDEX ix_console_users_tenant ON console_users(tenant_id, email);
            CREATE TABLE review_claims (
                session_id TEXT PRIMARY KEY REFERENCES sessions(id),
                tenant_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                email TEXT NOT NULL,
                claimed_at TEXT NOT NULL,
                expires_at TEXT NOT NULL
            );
            CREATE TABLE console_audit (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                user_id TEXT,
                email TEXT NOT NULL,
                action TEXT NOT NULL,
                session_id TEXT,
                detail_enc TEXT,
                at TEXT NOT NULL
            );
            CREATE INDEX ix_console_audit_tenant ON console_audit(tenant_id, at DESC, id DESC);
            CREATE INDEX ix_console_audit_session ON console_audit(session_id, at);
            -- Covers the queue's filters and counts: a session row with its sealed results spans pages, and reading
            -- thousands of them (deleted_at sits behind the results) cost ten times more than this index.
            CREATE INDEX ix_sessions_review_queue ON sessions(tenant_id, status, decided_at, id, reference_hash, reference_enc, decision_json) WHERE deleted_at IS NULL;
            CREATE TABLE data_protection_keys (
                name TEXT PRIMARY KEY,
                xml_enc TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            """),
        (7, "sandbox_mode", """
            -- 'live' or 'test': a test key (ek_test_…) sees and makes only test sessions, endpoints and deliveries.
            ALTER TABLE api_keys ADD COLUMN mode TEXT NOT NULL DEFAULT 'live';
            ALTER TABLE sessions ADD COLUMN mode TEXT NOT NULL DEFAULT 'live';
            ALTER TABLE webhook_endpoints ADD COLUMN mode TEXT NOT NULL DEFAULT 'live';
            ALTER TABLE webhook_deliveries ADD COLUMN mode TEXT NOT NULL DEFAULT 'live';
            CREATE INDEX ix_sessions_tenant_mode ON sessions(tenant_id, mode, created_at DESC, id DESC);
            -- The review queue shows live sessions only.
            DROP INDEX ix_sessions_review_queue;
            CREATE INDEX ix_sessions_review_queue ON sessions(tenant_id, status, decided_at, id, reference_hash, reference_enc, decision_json) WHERE deleted_at IS NULL AND mode = 'live';
            -- One default webhook secret per tenant and mode: SQLite cannot change a primary key in place.
            CREATE TABLE webhook_tenant_secrets_by_mode (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                mode TEXT NOT NULL,
                secret_enc TEXT NOT NULL,
                previous_secret_enc TEXT,
                previous_secret_expires_at TEXT,
                created_at TEXT NOT NULL,
                PRIMARY KEY (tenant_id, mode)
            );
            INSERT INTO webhook_tenant_secrets_by_mode (tenant_id, mode, secret_enc, previous_secret_enc, previous_secret_expires_at, created_at)
            SELECT tenant_id, 'live', secret_enc, previous_secret_enc, previous_secret_expires_at, created_at FROM webhook_tenant_secrets;
            DROP TABLE webhook_tenant_secrets;
            ALTER TABLE webhook_tenant_secrets_by_mode RENAME TO webhook_tenant_secrets;
            """),
        (8, "liveness_pose_checks", """
            ALTER TABLE liveness_challenges ADD COLUMN pose_checks INTEGER NOT NULL DEFAULT 0;
            """),
    ];

    public static int Latest => Scripts[^1].Version;

    /// <summary>How many rows <c>schema_migrations</c> holds once everything ran: the SQL scripts and the data steps.</summary>
    public static int StepCount => Scripts.Length + DataMigrations.Steps.Length;

    /// <summary>The scripts of a provider; both lists carry the same versions, so a version means one schema.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> For(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? PostgresMigrations.Scripts : Scripts;

    /// <summary>
    /// Applies the scripts the database has not seen; returns how many ran. Safe when several processes start
    /// at once: on PostgreSQL they queue on an advisory lock held for the whole run, on SQLite each script's
    /// BEGIN IMMEDIATE transaction re-checks its version.
    /// </summary>
    public static async Task<int> ApplyAsync(Database database, Encryptor encryptor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.IsPostgres)
            await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = (long)AdvisoryLock.Migrations });
        else
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        try
        {
            await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            var applied = 0;
            foreach (var (version, name, sql) in For(database.Provider))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version }, transaction) > 0)
                    continue;
                await connection.ExecuteAsync(sql, transaction: transaction);
                await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                    new { version, name, at = Clock.Format(DateTimeOffset.UtcNow) }, transaction);
                await transaction.CommitAsync(cancellationToken);
                applied++;
            }
            foreach (var (version, name, run) in DataMigrations.Steps)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version }, transaction) > 0)
                    continue;
                await run(connection, transaction, encryptor);
                await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                    new { version, name, at = Clock.Format(DateTimeOffset.UtcNow) }, transaction);
                await transaction.CommitAsync(cancellationToken);
                applied++;
            }
            return applied;
        }
        finally
        {
            if (database.IsPostgres)
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = (long)AdvisoryLock.Migrations });
        }
    }
}
