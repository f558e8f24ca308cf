-- Plans and logged exercise sessions. A plan is never edited in place: a weekly review or new preferences store a
-- new version, and a person's current plan is their newest. Logs keep what was planned next to what was done.
CREATE TABLE plans (
    id               ${id},
    person_id        BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    assessment_id    BIGINT       NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    created_at       ${timestamp} NOT NULL,
    start_date       VARCHAR(10)  NOT NULL,
    reason           VARCHAR(64)  NOT NULL,
    preferences_json TEXT         NOT NULL,
    plan_json        TEXT         NOT NULL
);
CREATE INDEX plans_by_person ON plans (person_id, id);

CREATE TABLE session_logs (
    id                  ${id},
    person_id           BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    plan_id             BIGINT       NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    day                 VARCHAR(10)  NOT NULL,
    exercise_id         VARCHAR(64)  NOT NULL,
    target_sets         INTEGER      NOT NULL,
    target_reps         INTEGER      NOT NULL,
    target_hold_seconds INTEGER      NOT NULL,
    done_sets           INTEGER      NOT NULL,
    done_reps           INTEGER      NOT NULL,
    done_hold_seconds   INTEGER      NOT NULL,
    pain_before         INTEGER      NOT NULL,
    pain_during         INTEGER      NOT NULL,
    estimated_seconds   INTEGER      NOT NULL,
    logged_at           ${timestamp} NOT NULL
);
CREATE INDEX session_logs_by_person ON session_logs (person_id, day);
