-- A check-in made on a phone while offline is kept on the device and sent when the connection returns (issue 14).
-- Each carries the device's own id for that check-in, so a retry after a lost answer, or a second tab sending the
-- same queue, is recognised and never saved twice (and never overwrites an edit made since).
CREATE TABLE diary_submissions (
    person_id     BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    submission_id VARCHAR(64)  NOT NULL,
    day           VARCHAR(10)  NOT NULL,
    received_at   ${timestamp} NOT NULL,
    PRIMARY KEY (person_id, submission_id)
);
