-- The outputs register (持出し・出力記録, 規程第35条): every print or export that carries a
-- number, with its destination, method and the confirmation of what became of it. Never a
-- number: persons are internal person ids.
CREATE TABLE output_record (
    id INTEGER PRIMARY KEY,  -- the serial number shown as 出力番号
    purpose TEXT NOT NULL,
    form TEXT NOT NULL,  -- a form or document code (app.domain.outputs.FORM_LABELS)
    year INTEGER,  -- the year the form is for, NULL for a letter
    persons INTEGER NOT NULL CHECK (persons > 0),
    destination TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('paper', 'pdf', 'etax')),
    reason TEXT NOT NULL DEFAULT '',  -- why a bulk output was needed (規程第28条)
    made_at TEXT NOT NULL,
    made_by_name TEXT NOT NULL,
    saved_at TEXT,  -- when the encrypted PDF of a 'pdf' output was written (once)
    state TEXT NOT NULL DEFAULT 'out'
        CHECK (state IN ('out', 'submitted', 'delivered', 'destroyed', 'returned')),
    confirmed_at TEXT,
    confirmed_by_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX output_record_state ON output_record (state, made_at);

CREATE TABLE output_person (
    output_id INTEGER NOT NULL REFERENCES output_record(id),
    person_id INTEGER NOT NULL,  -- no REFERENCES: the record outlives the person's row
    PRIMARY KEY (output_id, person_id)
) WITHOUT ROWID;
