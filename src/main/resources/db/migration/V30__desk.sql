-- The desk companion (issue 11). Events are what the Desk page saw happen: a working day started or stopped, a
-- break taken, skipped or postponed. Each carries the client's own id, so a retry after a lost answer is recognised
-- and never counted twice. `at` is the instant (UTC); `offset_min` keeps the person's UTC offset at that moment,
-- so the day an event belongs to is the person's own day even after a time-zone change.
CREATE TABLE desk_events (
    id          ${id},
    person_id   BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id   VARCHAR(64)  NOT NULL,
    type        VARCHAR(16)  NOT NULL CHECK (type IN ('work_start', 'work_stop', 'break_taken', 'break_skipped',
                                                       'break_postponed')),
    at          ${timestamp} NOT NULL,
    offset_min  INTEGER      NOT NULL,
    day         VARCHAR(10)  NOT NULL,
    kind        VARCHAR(8)   CHECK (kind IN ('micro', 'rest', 'natural')),
    seconds     INTEGER,
    recorded_at ${timestamp} NOT NULL,
    UNIQUE (person_id, client_id)
);
CREATE INDEX desk_events_by_person ON desk_events (person_id, at);

-- What the person chose on the Desk page. No row means "the plan's schedule and the defaults".
CREATE TABLE desk_settings (
    person_id          BIGINT       PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    follow_plan        BOOLEAN      NOT NULL,
    micro_minutes      INTEGER      NOT NULL,
    rest_minutes       INTEGER      NOT NULL,
    rest_length_min    INTEGER      NOT NULL,
    daily_limit_min    INTEGER      NOT NULL,
    postpone_minutes   INTEGER      NOT NULL,
    max_postpones      INTEGER      NOT NULL,
    max_skips          INTEGER      NOT NULL,
    strict_mode        BOOLEAN      NOT NULL,
    sound              BOOLEAN      NOT NULL,
    idle_minutes       INTEGER      NOT NULL,
    experiment_start   VARCHAR(10),
    experiment_end     VARCHAR(10),
    updated_at         ${timestamp} NOT NULL
);

-- The person's calendar, kept only for its busy times: titles, places, descriptions and attendees are removed
-- before it is stored. A subscribed address is fetched again when the copy is an hour old.
CREATE TABLE desk_calendars (
    person_id  BIGINT       PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    source     VARCHAR(8)   NOT NULL CHECK (source IN ('url', 'file')),
    url        TEXT,
    ics        TEXT         NOT NULL,
    events     INTEGER      NOT NULL,
    fetched_at ${timestamp} NOT NULL,
    last_error TEXT
);

-- Diary values that were measured rather than typed (today: by the Desk page). They fill a day's field only while
-- the person has not typed one; the day's own row and its revisions stay exactly what the person wrote.
CREATE TABLE diary_measured (
    person_id       BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day             VARCHAR(10)  NOT NULL,
    desk_hours      ${double},
    longest_sit_min INTEGER,
    breaks          INTEGER,
    source          VARCHAR(16)  NOT NULL,
    updated_at      ${timestamp} NOT NULL,
    PRIMARY KEY (person_id, day)
);
