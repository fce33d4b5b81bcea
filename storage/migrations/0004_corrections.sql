-- Corrections of people's records (規程第47条): who, when, why and what changed, as the
-- screen showed it; a number is never written here (a changed number is recorded as changed).

CREATE TABLE correction (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    changed_at TEXT NOT NULL,
    changed_by INTEGER REFERENCES staff(id),
    changed_by_name TEXT NOT NULL,
    reason TEXT NOT NULL,
    -- JSON list of {"field", "label", "before", "after"}.
    changes TEXT NOT NULL,
    keep_until TEXT NOT NULL
);
CREATE INDEX correction_person ON correction (person_id, changed_at);
