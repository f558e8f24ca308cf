-- Injection referrals (issue 10), an adjunct to therapy that is tracked rather than assumed to help: the clinician
-- records a referral (trigger-point or epidural, to whom, why, and which referral criterion was met if any), and later
-- its outcome: done on a date, or not done. Pain and adherence around the date are worked out from the diary and the
-- session logs when shown, not stored.
CREATE TABLE care_referrals (
    id             ${id},
    person_id      BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    clinician_id   BIGINT       REFERENCES users (id) ON DELETE SET NULL,
    clinician_name VARCHAR(200) NOT NULL,
    kind           VARCHAR(16)  NOT NULL CHECK (kind IN ('trigger_point', 'epidural')),
    referred_to    VARCHAR(200) NOT NULL,
    reason         TEXT         NOT NULL,
    criterion_id   VARCHAR(64),
    referred_on    VARCHAR(10)  NOT NULL,
    outcome        VARCHAR(16)  CHECK (outcome IN ('done', 'not_done')),
    outcome_on     VARCHAR(10),
    outcome_note   TEXT,
    created_at     ${timestamp} NOT NULL,
    updated_at     ${timestamp} NOT NULL
);
CREATE INDEX care_referrals_by_person ON care_referrals (person_id, referred_on);
