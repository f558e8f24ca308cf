-- Account security (issue 13): sign-in stages for two-factor, token expiry, a throttle that counts each failure
-- by account and address together, single-use password reset links, TOTP secrets and recovery codes.

-- A session is 'full', or half-way through signing in: 'second_factor' (password right, code still to come) or
-- 'enrol' (two-factor is required for the role and must be set up first). Only 'full' sessions are signed in.
ALTER TABLE sessions ADD COLUMN stage VARCHAR(16) NOT NULL DEFAULT 'full';

-- NULL: the token does not expire.
ALTER TABLE api_tokens ADD COLUMN expires_at ${timestamp};

-- One row per failed attempt with both keys, so the throttle can count per account, per address and per pair.
DROP TABLE login_failures;
CREATE TABLE login_failures (
    id        ${id},
    account   VARCHAR(32)  NOT NULL,
    address   VARCHAR(64)  NOT NULL,
    failed_at ${timestamp} NOT NULL
);
CREATE INDEX login_failures_by_account ON login_failures (account, failed_at);
CREATE INDEX login_failures_by_address ON login_failures (address, failed_at);

-- A reset link made by an admin; only its hash is kept. Used once, then used_at is set.
CREATE TABLE password_resets (
    token_hash VARCHAR(64)  PRIMARY KEY,
    user_id    BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at ${timestamp} NOT NULL,
    expires_at ${timestamp} NOT NULL,
    used_at    ${timestamp}
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);

-- TOTP (RFC 6238). confirmed_at is NULL while the person has scanned the code but not yet proved it works.
-- last_step is the newest time step accepted, so a code cannot be used twice.
CREATE TABLE two_factor (
    user_id      BIGINT       PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret       VARCHAR(64)  NOT NULL,
    created_at   ${timestamp} NOT NULL,
    confirmed_at ${timestamp},
    last_step    BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE recovery_codes (
    id        ${id},
    user_id   BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash VARCHAR(64)  NOT NULL,
    used_at   ${timestamp}
);
CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);
