-- Leak incidents (漏えい等事案, 規程第12–14条): the register, the persons to notify and the
-- recurrence measures. Never a number: persons are internal person ids, texts refuse digit runs
-- that could be one.
CREATE TABLE incident (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('leak', 'loss', 'damage')),
    occurred_at TEXT,  -- NULL while unknown
    discovered_at TEXT NOT NULL,
    known_at TEXT NOT NULL,  -- when any department of the office knew (the deadlines count from it)
    discovered_by TEXT NOT NULL DEFAULT '',
    -- The reportability checklist (app.domain.incidents.Checklist) and the nine report items'
    -- texts, as JSON objects.
    checklist TEXT NOT NULL DEFAULT '{}',
    report_items TEXT NOT NULL DEFAULT '{}',
    state TEXT NOT NULL DEFAULT 'open'
        CHECK (state IN ('open', 'preliminary', 'final', 'closed')),
    preliminary_on TEXT,  -- the day the 速報 was sent
    final_on TEXT,  -- the day the 確報 was sent
    closed_at TEXT,
    registered_at TEXT NOT NULL,
    registered_by_name TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX incident_known ON incident (known_at);

CREATE TABLE incident_person (
    incident_id INTEGER NOT NULL REFERENCES incident(id),
    person_id INTEGER NOT NULL,  -- no REFERENCES: the record outlives the person's row
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'notified', 'unreachable', 'waiting')),
    method TEXT NOT NULL DEFAULT '',
    notified_on TEXT,
    PRIMARY KEY (incident_id, person_id)
) WITHOUT ROWID;

CREATE TABLE incident_measure (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident(id),
    text TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'done')),
    due_on TEXT,
    done_on TEXT
);
CREATE INDEX incident_measure_incident ON incident_measure (incident_id);
