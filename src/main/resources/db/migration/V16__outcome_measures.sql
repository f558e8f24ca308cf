-- Outcome measures (issue 10): a clinician schedules a measure for a linked person (first due day, then every 14 to
-- 28 days); the person answers each due occurrence once. Definitions live in care/measures-v1.json; a response keeps
-- the definitions' version it was given under. Scores are kept in tenths (a PSFS average of 6.3 is 63).
CREATE TABLE measure_schedules (
    id             ${id},
    person_id      BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    clinician_id   BIGINT       REFERENCES users (id) ON DELETE SET NULL,
    clinician_name VARCHAR(200) NOT NULL,
    measure        VARCHAR(16)  NOT NULL,
    first_due      VARCHAR(10)  NOT NULL,
    every_days     INTEGER      NOT NULL CHECK (every_days BETWEEN 14 AND 28),
    created_at     ${timestamp} NOT NULL,
    ended_at       ${timestamp}
);
CREATE INDEX measure_schedules_by_person ON measure_schedules (person_id, measure);

CREATE TABLE measure_responses (
    id                  ${id},
    person_id           BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    schedule_id         BIGINT       REFERENCES measure_schedules (id) ON DELETE SET NULL,
    measure             VARCHAR(16)  NOT NULL,
    due_date            VARCHAR(10)  NOT NULL,
    day                 VARCHAR(10)  NOT NULL,
    answered_at         ${timestamp} NOT NULL,
    score_tenths        INTEGER      NOT NULL,
    answers_json        TEXT         NOT NULL,
    definitions_version INTEGER      NOT NULL,
    UNIQUE (schedule_id, due_date)
);
CREATE INDEX measure_responses_by_person ON measure_responses (person_id, measure, day);
