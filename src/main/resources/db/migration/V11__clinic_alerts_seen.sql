-- A clinician marked a roster alert of a patient as seen, with a note. The mark holds for one event (event_key:
-- the assessment, the flare, the week, the plan version ... see docs/clinical.md); a new event of the same kind
-- re-opens the alert. One row per clinician, patient and kind: marking again replaces it.
CREATE TABLE clinic_alerts_seen (
    clinician_id BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    person_id    BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         VARCHAR(16)  NOT NULL,
    event_key    VARCHAR(128) NOT NULL,
    note         VARCHAR(500) NOT NULL,
    seen_at      ${timestamp} NOT NULL,
    PRIMARY KEY (clinician_id, person_id, kind)
);
