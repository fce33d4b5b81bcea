-- Identity verification records (本人確認, 番号法第16条): what was checked, by whom, when. Types
-- of documents only: never a My Number, never a document's own number.

CREATE TABLE verification (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    verified_on TEXT NOT NULL,
    subject TEXT NOT NULL,
    provider TEXT NOT NULL,
    channel TEXT NOT NULL,
    agent_name TEXT NOT NULL DEFAULT '',
    agent_relation TEXT NOT NULL DEFAULT '',
    -- JSON list of {"code", "holder", "form"}: the documents seen.
    documents TEXT NOT NULL,
    -- JSON object {check: [codes of the documents or exemption that satisfied it]}.
    checks TEXT NOT NULL,
    -- JSON list of the 個人識別事項 compared (name, birth_date, address).
    fields_compared TEXT NOT NULL,
    -- JSON object of the facts the clerk confirmed (Flags), as they were when recorded.
    flags TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('verified', 'verified_by_employee')),
    -- Dependents on the employee's own form: the employee's verification this one rests on.
    employee_verification_id INTEGER REFERENCES verification(id),
    note TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES staff(id),
    recorded_by_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX verification_person ON verification (person_id, verified_on);

-- Optional copies of the documents (setting, off by default): sealed like the numbers, since a
-- copy of a card's back or a 住民票 is itself 特定個人情報; deletable alone.
CREATE TABLE verification_scan (
    id INTEGER PRIMARY KEY,
    verification_id INTEGER NOT NULL REFERENCES verification(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    media_type TEXT NOT NULL,
    byte_size INTEGER NOT NULL,
    sealed BLOB NOT NULL,
    added_at TEXT NOT NULL,
    added_by_name TEXT NOT NULL
);
CREATE INDEX verification_scan_record ON verification_scan (verification_id);

-- The verification the number on file rests on; NULL (and verification_pending = 1) until one
-- is recorded, and again after the number is corrected.
ALTER TABLE my_number ADD COLUMN verification_id INTEGER REFERENCES verification(id);
