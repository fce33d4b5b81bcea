-- Each request for a person's number and the answer (提供拒否経過記録, SPEC §2 "Refusal").

CREATE TABLE number_request (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    requested_on TEXT NOT NULL,
    method TEXT NOT NULL,
    answer TEXT NOT NULL CHECK (answer IN ('refused', 'no_answer', 'will_provide', 'provided')),
    reason TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX number_request_person ON number_request (person_id, requested_on);
