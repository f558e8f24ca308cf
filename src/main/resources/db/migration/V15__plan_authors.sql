-- Prescribing (issue 10): a plan version a clinician saved names its author and carries a note to the person;
-- held_json lists the exercises whose progression the clinician holds (the weekly review keeps their dose).
-- Versions made by the generator or a weekly review have no author (and no note). The author's name is kept as it was
-- when they saved, so the person's history still reads right after the clinician's account is gone.
ALTER TABLE plans ADD COLUMN author_id BIGINT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE plans ADD COLUMN author_name VARCHAR(200);
ALTER TABLE plans ADD COLUMN note TEXT;
ALTER TABLE plans ADD COLUMN held_json TEXT NOT NULL DEFAULT '[]';
