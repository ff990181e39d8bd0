-- API keys. One row per key; the secret is kept only as an argon2id PHC hash.
-- Times are Unix seconds (UTC), the same type on SQLite and PostgreSQL.
CREATE TABLE api_keys (
    id           TEXT   NOT NULL PRIMARY KEY,
    role         TEXT   NOT NULL CHECK (role IN ('ingest', 'analyst', 'dpo', 'admin')),
    secret_hash  TEXT   NOT NULL,
    label        TEXT   NOT NULL DEFAULT '',
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);
