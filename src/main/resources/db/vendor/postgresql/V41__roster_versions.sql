-- The roster (issue 10) keeps each linked patient's computed line in memory, keyed by this per-person version: every
-- insert, update or delete of a row the roster rules read moves it, in the same transaction as the write, so a line is
-- recomputed exactly when its data changed (and when the day changes; see clinic/Roster.java). The triggers see
-- every writer (services, imports, plain SQL). Not the person's data: a counter without meaning outside the cache.
CREATE TABLE roster_versions (
    person_id BIGINT NOT NULL PRIMARY KEY,
    version   BIGINT NOT NULL
);

CREATE FUNCTION roster_touch() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO roster_versions (person_id, version) VALUES (OLD.person_id, 1)
        ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.person_id <> OLD.person_id) THEN
        INSERT INTO roster_versions (person_id, version) VALUES (NEW.person_id, 1)
        ON CONFLICT (person_id) DO UPDATE SET version = roster_versions.version + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER roster_diary_days AFTER INSERT OR UPDATE OR DELETE ON diary_days
    FOR EACH ROW EXECUTE FUNCTION roster_touch();

CREATE TRIGGER roster_assessments AFTER INSERT OR UPDATE OR DELETE ON assessments
    FOR EACH ROW EXECUTE FUNCTION roster_touch();

CREATE TRIGGER roster_plans AFTER INSERT OR UPDATE OR DELETE ON plans
    FOR EACH ROW EXECUTE FUNCTION roster_touch();

CREATE TRIGGER roster_session_logs AFTER INSERT OR UPDATE OR DELETE ON session_logs
    FOR EACH ROW EXECUTE FUNCTION roster_touch();

CREATE TRIGGER roster_clinic_alerts_seen AFTER INSERT OR UPDATE OR DELETE ON clinic_alerts_seen
    FOR EACH ROW EXECUTE FUNCTION roster_touch();

CREATE TRIGGER roster_measure_responses AFTER INSERT OR UPDATE OR DELETE ON measure_responses
    FOR EACH ROW EXECUTE FUNCTION roster_touch();
