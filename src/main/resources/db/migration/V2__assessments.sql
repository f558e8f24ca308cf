-- Assessments: the intake a person gave and the result the rules of that time produced, both as JSON text, so
-- history reads back exactly as it was shown even after the rules change.
CREATE TABLE assessments (
    id            ${id},
    person_id     BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    taken_at      ${timestamp} NOT NULL,
    rules_version VARCHAR(32)  NOT NULL,
    urgency       VARCHAR(16)  NOT NULL CHECK (urgency IN ('emergency', 'urgent', 'soon', 'self_care')),
    intake_json   TEXT         NOT NULL,
    result_json   TEXT         NOT NULL
);
CREATE INDEX assessments_by_person ON assessments (person_id, taken_at);
