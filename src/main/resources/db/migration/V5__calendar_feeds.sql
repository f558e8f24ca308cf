-- A private calendar address per person, so their calendar app can subscribe to the plan and see each new version.
-- Only the token's hash is kept; a new address replaces the old one, and deleting it stops the feed.
CREATE TABLE calendar_feeds (
    person_id    BIGINT       PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    zone         VARCHAR(64)  NOT NULL,
    session_time VARCHAR(5)   NOT NULL,
    work_start   VARCHAR(5)   NOT NULL,
    work_end     VARCHAR(5)   NOT NULL,
    created_at   ${timestamp} NOT NULL
);
