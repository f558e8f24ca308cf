-- Accounts, sessions, API tokens, login throttling and the audit trail.
-- ${id} and ${timestamp} are filled in per database (see Database.placeholders).

CREATE TABLE settings (
    name  VARCHAR(64) PRIMARY KEY,
    value VARCHAR(512) NOT NULL
);

CREATE TABLE users (
    id            ${id},
    username      VARCHAR(32)  NOT NULL UNIQUE,
    display_name  VARCHAR(80)  NOT NULL,
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('person', 'clinician', 'admin')),
    password_hash VARCHAR(255) NOT NULL,
    created_at    ${timestamp} NOT NULL
);

CREATE TABLE sessions (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   ${timestamp} NOT NULL,
    last_seen_at ${timestamp} NOT NULL,
    expires_at   ${timestamp} NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           ${id},
    user_id      BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         VARCHAR(80)  NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    created_at   ${timestamp} NOT NULL,
    last_used_at ${timestamp}
);

CREATE TABLE login_failures (
    id        ${id},
    scope     VARCHAR(16)  NOT NULL CHECK (scope IN ('account', 'address')),
    key_value VARCHAR(128) NOT NULL,
    failed_at ${timestamp} NOT NULL
);
CREATE INDEX login_failures_by_key ON login_failures (scope, key_value, failed_at);

-- Who did what to whose data, when and from where. No foreign keys on purpose: the trail outlives the
-- accounts it mentions, so a deleted person's deletion stays on record.
CREATE TABLE audit_log (
    id              ${id},
    at              ${timestamp} NOT NULL,
    actor_id        BIGINT,
    actor_name      VARCHAR(32),
    action          VARCHAR(64)  NOT NULL,
    subject_id      BIGINT,
    subject_name    VARCHAR(32),
    address         VARCHAR(64)  NOT NULL,
    detail          VARCHAR(512) NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_by_subject ON audit_log (subject_id, at);
