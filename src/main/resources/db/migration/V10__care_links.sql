-- The clinician workspace (issue 10): who may see whose data. A clinician makes a one-time code (stored only as its
-- SHA-256, single use, 7 days); the person who enters it accepts a link. A link is active while ended_at is empty;
-- the person revokes it ('revoked') or the clinician ends it ('ended'), and ended_by names who did.
CREATE TABLE care_invites (
    id           ${id},
    clinician_id BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash    VARCHAR(64)  NOT NULL UNIQUE,
    created_at   ${timestamp} NOT NULL,
    expires_at   ${timestamp} NOT NULL,
    used_at      ${timestamp},
    used_by      BIGINT       REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX care_invites_by_clinician ON care_invites (clinician_id, created_at);

CREATE TABLE care_links (
    id           ${id},
    clinician_id BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    person_id    BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    invite_id    BIGINT       REFERENCES care_invites (id) ON DELETE SET NULL,
    created_at   ${timestamp} NOT NULL,
    accepted_at  ${timestamp} NOT NULL,
    ended_at     ${timestamp},
    ended_by     BIGINT,
    end_reason   VARCHAR(16)  CHECK (end_reason IN ('revoked', 'ended')),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
-- At most one active link per clinician and person; ended links stay as the record of who could see what, when.
CREATE UNIQUE INDEX care_links_active ON care_links (clinician_id, person_id) WHERE ended_at IS NULL;
CREATE INDEX care_links_by_person ON care_links (person_id, accepted_at);
