namespace Ekyc.Server.Data;

/// <summary>
/// The PostgreSQL schema, version for version the same tables as the SQLite scripts in <see cref="Migrations"/>.
/// Timestamps stay fixed-width UTC text (<see cref="Clock"/>) so the SQL of the stores is shared; text columns use
/// the "C" collation so their order is byte order whatever the database's locale. Integers are BIGINT (SQLite's
/// INTEGER is 64-bit too), sequences replace MAX+1, and images live in a bytea table instead of files.
/// </summary>
public static class PostgresMigrations
{
    private const string Text = "TEXT COLLATE \"C\"";

    internal static readonly (int Version, string Name, string Sql)[] Scripts =
    [
        (1, "initial", $"""
            CREATE TABLE tenants (
                id {Text} PRIMARY KEY,
                name {Text} NOT NULL,
                created_at {Text} NOT NULL
            );
            CREATE TABLE api_keys (
                id {Text} PRIMARY KEY,
                tenant_id {Text} NOT NULL REFERENCES tenants(id),
                key_hash {Text} NOT NULL UNIQUE,
                prefix {Text} NOT NULL,
                created_at {Text} NOT NULL,
                revoked_at {Text}
            );
            CREATE TABLE sessions (
                id {Text} PRIMARY KEY,
                tenant_id {Text} NOT NULL REFERENCES tenants(id),
                status {Text} NOT NULL,
                reference {Text},
                config_json TEXT NOT NULL,
                metadata_enc TEXT,
                client_token_hash {Text} UNIQUE,
                client_token_expires_at {Text},
                version BIGINT NOT NULL DEFAULT 1,
                created_at {Text} NOT NULL,
                updated_at {Text} NOT NULL,
                expires_at {Text} NOT NULL,
                submitted_at {Text},
                decided_at {Text},
                decision_json TEXT,
                summary_json TEXT,
                results_enc TEXT,
                review_json TEXT,
                deleted_at {Text}
            );
            CREATE INDEX ix_sessions_tenant_created ON sessions(tenant_id, created_at DESC, id DESC);
            CREATE INDEX ix_sessions_expiry ON sessions(status, expires_at);
            CREATE TABLE images (
                id {Text} PRIMARY KEY,
                session_id {Text} NOT NULL REFERENCES sessions(id),
                tenant_id {Text} NOT NULL,
                kind {Text} NOT NULL,
                side {Text},
                document_type {Text},
                frame_index BIGINT NOT NULL DEFAULT 0,
                media_type {Text} NOT NULL,
                sha256 {Text} NOT NULL,
                width BIGINT NOT NULL,
                height BIGINT NOT NULL,
                size_bytes BIGINT NOT NULL,
                created_at {Text} NOT NULL
            );
            CREATE INDEX ix_images_session ON images(session_id);
            CREATE TABLE blobs (
                id {Text} PRIMARY KEY,
                tenant_id {Text} NOT NULL,
                content BYTEA NOT NULL,
                created_at {Text} NOT NULL
            );
            -- Sealed images do not compress; skip TOAST's compression attempt.
            ALTER TABLE blobs ALTER COLUMN content SET STORAGE EXTERNAL;
            CREATE TABLE jobs (
                id {Text} PRIMARY KEY,
                session_id {Text} NOT NULL UNIQUE REFERENCES sessions(id),
                status {Text} NOT NULL,
                attempts BIGINT NOT NULL DEFAULT 0,
                locked_by {Text},
                locked_until {Text},
                last_error TEXT,
                created_at {Text} NOT NULL,
                updated_at {Text} NOT NULL
            );
            CREATE INDEX ix_jobs_claim ON jobs(status, locked_until);
            CREATE TABLE engine_runs (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                job_id {Text} NOT NULL,
                session_id {Text} NOT NULL,
                worker {Text} NOT NULL,
                attempt BIGINT NOT NULL,
                started_at {Text} NOT NULL,
                committed BIGINT NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_engine_runs_job ON engine_runs(job_id, attempt);
            CREATE TABLE events (
                id {Text} PRIMARY KEY,
                seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                tenant_id {Text} NOT NULL,
                session_id {Text},
                type {Text} NOT NULL,
                payload_enc TEXT NOT NULL,
                created_at {Text} NOT NULL
            );
            CREATE INDEX ix_events_session ON events(session_id);
            CREATE TABLE idempotency_keys (
                tenant_id {Text} NOT NULL,
                key {Text} NOT NULL,
                fingerprint {Text} NOT NULL,
                state {Text} NOT NULL,
                status_code BIGINT,
                response_enc TEXT,
                created_at {Text} NOT NULL,
                expires_at {Text} NOT NULL,
                PRIMARY KEY (tenant_id, key)
            );
            CREATE INDEX ix_idempotency_expiry ON idempotency_keys(expires_at);
            """),
        (2, "webhooks", $"""
            CREATE TABLE webhook_endpoints (
                id {Text} PRIMARY KEY,
                tenant_id {Text} NOT NULL REFERENCES tenants(id),
                url {Text} NOT NULL,
                description TEXT,
                event_types TEXT NOT NULL,
                secret_enc TEXT NOT NULL,
                previous_secret_enc TEXT,
                previous_secret_expires_at {Text},
                status {Text} NOT NULL,
                disabled_reason TEXT,
                created_at {Text} NOT NULL,
                updated_at {Text} NOT NULL,
                deleted_at {Text}
            );
            CREATE INDEX ix_webhook_endpoints_tenant ON webhook_endpoints(tenant_id, status);
            CREATE TABLE webhook_tenant_secrets (
                tenant_id {Text} PRIMARY KEY REFERENCES tenants(id),
                secret_enc TEXT NOT NULL,
                previous_secret_enc TEXT,
                previous_secret_expires_at {Text},
                created_at {Text} NOT NULL
            );
            CREATE TABLE webhook_fanout (
                name {Text} PRIMARY KEY,
                last_seq BIGINT NOT NULL
            );
            INSERT INTO webhook_fanout (name, last_seq) SELECT 'events', COALESCE(MAX(seq), 0) FROM events;
            CREATE TABLE webhook_deliveries (
                id {Text} PRIMARY KEY,
                event_id {Text} NOT NULL REFERENCES events(id),
                event_type {Text} NOT NULL,
                tenant_id {Text} NOT NULL,
                session_id {Text},
                target {Text} NOT NULL,
                endpoint_id {Text} REFERENCES webhook_endpoints(id),
                url {Text} NOT NULL,
                status {Text} NOT NULL,
                attempts BIGINT NOT NULL DEFAULT 0,
                next_attempt_at {Text},
                trigger_kind {Text} NOT NULL,
                auto_retry BIGINT NOT NULL DEFAULT 1,
                locked_by {Text},
                locked_until {Text},
                last_status_code BIGINT,
                last_error TEXT,
                created_at {Text} NOT NULL,
                updated_at {Text} NOT NULL,
                delivered_at {Text},
                UNIQUE (event_id, target)
            );
            CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
            CREATE INDEX ix_webhook_deliveries_inflight ON webhook_deliveries(url, status, locked_until);
            CREATE INDEX ix_webhook_deliveries_tenant ON webhook_deliveries(tenant_id, created_at DESC, id DESC);
            CREATE INDEX ix_webhook_deliveries_session ON webhook_deliveries(session_id);
            CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, status);
            CREATE TABLE webhook_attempts (
                id {Text} PRIMARY KEY,
                delivery_id {Text} NOT NULL REFERENCES webhook_deliveries(id),
                attempt BIGINT NOT NULL,
                trigger_kind {Text} NOT NULL,
                url {Text} NOT NULL,
                started_at {Text} NOT NULL,
                duration_ms DOUBLE PRECISION NOT NULL,
                status_code BIGINT,
                response_excerpt TEXT,
                error TEXT
            );
            CREATE INDEX ix_webhook_attempts_delivery ON webhook_attempts(delivery_id, started_at);
            """),
        (3, "credential_scoped_idempotency_sealed_columns", $"""
            DROP TABLE idempotency_keys;
            CREATE TABLE idempotency_keys (
                tenant_id {Text} NOT NULL,
                credential_id {Text} NOT NULL,
                key {Text} NOT NULL,
                session_id {Text},
                fingerprint {Text} NOT NULL,
                state {Text} NOT NULL,
                status_code BIGINT,
                response_enc TEXT,
                created_at {Text} NOT NULL,
                expires_at {Text} NOT NULL,
                PRIMARY KEY (tenant_id, credential_id, key)
            );
            CREATE INDEX ix_idempotency_expiry ON idempotency_keys(expires_at);
            CREATE INDEX ix_idempotency_session ON idempotency_keys(session_id);
            ALTER TABLE sessions ADD COLUMN reference_enc TEXT;
            ALTER TABLE sessions ADD COLUMN reference_hash {Text};
            ALTER TABLE sessions ADD COLUMN review_enc TEXT;
            CREATE INDEX ix_sessions_reference ON sessions(tenant_id, reference_hash);
            DROP INDEX ix_webhook_deliveries_inflight;
            CREATE INDEX ix_webhook_deliveries_inflight ON webhook_deliveries(tenant_id, url, status, locked_until);
            """),
        (4, "liveness_challenges", $"""
            CREATE TABLE liveness_challenges (
                id {Text} PRIMARY KEY,
                tenant_id {Text} NOT NULL,
                session_id {Text} NOT NULL REFERENCES sessions(id),
                moves {Text} NOT NULL,
                nonce {Text} NOT NULL,
                created_at {Text} NOT NULL,
                expires_at {Text} NOT NULL,
                used_at {Text},
                selfie_image_id {Text}
            );
            CREATE INDEX ix_liveness_challenges_session ON liveness_challenges(session_id);
            CREATE INDEX ix_liveness_challenges_selfie ON liveness_challenges(selfie_image_id);
            """),
        (5, "capture_links", $"""
            ALTER TABLE sessions ADD COLUMN client_token_enc TEXT;
            """),
        (6, "review_console", $"""
            CREATE TABLE console_users (
                id {Text} PRIMARY KEY,
                tenant_id {Text} NOT NULL REFERENCES tenants(id),
                email {Text} NOT NULL UNIQUE,
                role {Text} NOT NULL,
                password_hash TEXT,
                security_stamp TEXT NOT NULL,
                setup_token_hash {Text} UNIQUE,
                setup_token_expires_at {Text},
                failed_attempts BIGINT NOT NULL DEFAULT 0,
                locked_until {Text},
                disabled_at {Text},
                last_sign_in_at {Text},
                created_at {Text} NOT NULL
            );
            CREATE INDEX ix_console_users_tenant ON console_users(tenant_id, email);
            CREATE TABLE review_claims (
                session_id {Text} PRIMARY KEY REFERENCES sessions(id),
                tenant_id {Text} NOT NULL,
                user_id {Text} NOT NULL,
                email {Text} NOT NULL,
                claimed_at {Text} NOT NULL,
                expires_at {Text} NOT NULL
            );
            CREATE TABLE console_audit (
                id {Text} PRIMARY KEY,
                tenant_id {Text} NOT NULL,
                user_id {Text},
                email {Text} NOT NULL,
                action {Text} NOT NULL,
                session_id {Text},
                detail_enc TEXT,
                at {Text} NOT NULL
            );
            CREATE INDEX ix_console_audit_tenant ON console_audit(tenant_id, at DESC, id DESC);
            CREATE INDEX ix_console_audit_session ON console_audit(session_id, at);
            -- Covers the queue's filters and counts (index-only scans), without the erased sessions.
            CREATE INDEX ix_sessions_review_queue ON sessions(tenant_id, status, decided_at, id) INCLUDE (reference_hash, reference_enc, decision_json) WHERE deleted_at IS NULL;
            CREATE TABLE data_protection_keys (
                name {Text} PRIMARY KEY,
                xml_enc TEXT NOT NULL,
                created_at {Text} NOT NULL
            );
            """),
        (7, "sandbox_mode", $"""
            -- 'live' or 'test': a test key (ek_test_…) sees and makes only test sessions, endpoints and deliveries.
            ALTER TABLE api_keys ADD COLUMN mode {Text} NOT NULL DEFAULT 'live';
            ALTER TABLE sessions ADD COLUMN mode {Text} NOT NULL DEFAULT 'live';
            ALTER TABLE webhook_endpoints ADD COLUMN mode {Text} NOT NULL DEFAULT 'live';
            ALTER TABLE webhook_deliveries ADD COLUMN mode {Text} NOT NULL DEFAULT 'live';
            CREATE INDEX ix_sessions_tenant_mode ON sessions(tenant_id, mode, created_at DESC, id DESC);
            -- The review queue shows live sessions only.
            DROP INDEX ix_sessions_review_queue;
            CREATE INDEX ix_sessions_review_queue ON sessions(tenant_id, status, decided_at, id) INCLUDE (reference_hash, reference_enc, decision_json) WHERE deleted_at IS NULL AND mode = 'live';
            -- One default webhook secret per tenant and mode.
            ALTER TABLE webhook_tenant_secrets ADD COLUMN mode {Text} NOT NULL DEFAULT 'live';
            ALTER TABLE webhook_tenant_secrets DROP CONSTRAINT webhook_tenant_secrets_pkey;
            ALTER TABLE webhook_tenant_secrets ADD PRIMARY KEY (tenant_id, mode);
            """),
        (8, "liveness_pose_checks", """
            ALTER TABLE liveness_challenges ADD COLUMN pose_checks INTEGER NOT NULL DEFAULT 0;
            """),
    ];
}
