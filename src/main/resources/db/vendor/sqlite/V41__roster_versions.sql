-- The roster (issue 10) keeps each linked patient's computed line in memory, keyed by this per-person version: every
-- insert, update or delete of a row the roster rules read moves it, in the same transaction as the write, so a line is
-- recomputed exactly when its data changed (and when the day changes; see clinic/Roster.java). The triggers see
-- every writer (services, imports, plain SQL). Not the person's data: a counter without meaning outside the cache.
CREATE TABLE roster_versions (
    person_id BIGINT NOT NULL PRIMARY KEY,
    version   BIGINT NOT NULL
);

CREATE TRIGGER roster_diary_days_insert AFTER INSERT ON diary_days
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (NEW.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_diary_days_update AFTER UPDATE ON diary_days
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (NEW.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_diary_days_delete AFTER DELETE ON diary_days
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (OLD.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_assessments_insert AFTER INSERT ON assessments
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (NEW.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_assessments_update AFTER UPDATE ON assessments
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (NEW.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_assessments_delete AFTER DELETE ON assessments
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (OLD.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_plans_insert AFTER INSERT ON plans
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (NEW.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_plans_update AFTER UPDATE ON plans
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (NEW.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_plans_delete AFTER DELETE ON plans
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (OLD.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_session_logs_insert AFTER INSERT ON session_logs
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (NEW.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_session_logs_update AFTER UPDATE ON session_logs
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (NEW.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_session_logs_delete AFTER DELETE ON session_logs
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (OLD.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_clinic_alerts_seen_insert AFTER INSERT ON clinic_alerts_seen
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (NEW.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_clinic_alerts_seen_update AFTER UPDATE ON clinic_alerts_seen
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (NEW.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_clinic_alerts_seen_delete AFTER DELETE ON clinic_alerts_seen
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (OLD.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_measure_responses_insert AFTER INSERT ON measure_responses
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (NEW.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_measure_responses_update AFTER UPDATE ON measure_responses
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (NEW.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;

CREATE TRIGGER roster_measure_responses_delete AFTER DELETE ON measure_responses
BEGIN
    INSERT INTO roster_versions (person_id, version) VALUES (OLD.person_id, 1)
    ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
END;
