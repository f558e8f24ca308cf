-- The daily check-in. One row per person and day holds the current values; every save also appends a revision,
-- so an edit never erases what was written before. A missing day has no row: nothing is ever filled in.
-- Dates are ISO text (yyyy-mm-dd): they sort correctly and read the same on both databases.
CREATE TABLE diary_days (
    person_id       BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day             VARCHAR(10)  NOT NULL,
    pain_am         INTEGER,
    pain_pm         INTEGER,
    desk_hours      ${double},
    longest_sit_min INTEGER,
    breaks          INTEGER,
    exercise_min    INTEGER,
    stress          INTEGER,
    sleep_quality   INTEGER,
    sleep_position  VARCHAR(8),
    arm_load        INTEGER,
    note            TEXT         NOT NULL,
    locations       VARCHAR(256) NOT NULL,
    pain_kinds      VARCHAR(256) NOT NULL,
    revision        INTEGER      NOT NULL,
    updated_at      ${timestamp} NOT NULL,
    PRIMARY KEY (person_id, day)
);

CREATE TABLE diary_revisions (
    id          ${id},
    person_id   BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day         VARCHAR(10)  NOT NULL,
    revision    INTEGER      NOT NULL,
    saved_at    ${timestamp} NOT NULL,
    saved_by    VARCHAR(32)  NOT NULL,
    source      VARCHAR(16)  NOT NULL CHECK (source IN ('check-in', 'api', 'import', 'demo')),
    values_json TEXT         NOT NULL,
    UNIQUE (person_id, day, revision)
);
