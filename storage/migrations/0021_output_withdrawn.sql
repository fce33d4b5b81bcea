-- The outputs register records only what really left (規程第35条): a copy rendered for the
-- in-program preview and closed without being printed or saved is 'withdrawn' (取消（出力せず）),
-- and the member who made an entry is kept by id (made_by) so that only they or the manager
-- withdraw it. SQLite cannot change a CHECK in place: the table is rebuilt with every row, and
-- made_by of the entries made before is taken from their 'output.registered' access-log event.
CREATE TABLE output_record_new (
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
        CHECK (state IN ('out', 'submitted', 'delivered', 'destroyed', 'returned', 'withdrawn')),
    confirmed_at TEXT,  -- when confirmed, or withdrawn
    confirmed_by_name TEXT NOT NULL DEFAULT '',
    made_by INTEGER  -- the staff id of the member who made it; NULL when not known
);
INSERT INTO output_record_new (
    id, purpose, form, year, persons, destination, method, reason, made_at, made_by_name,
    saved_at, state, confirmed_at, confirmed_by_name, made_by
)
SELECT
    o.id, o.purpose, o.form, o.year, o.persons, o.destination, o.method, o.reason, o.made_at,
    o.made_by_name, o.saved_at, o.state, o.confirmed_at, o.confirmed_by_name,
    (
        SELECT a.actor_id FROM audit_log AS a
        WHERE a.action = 'output.registered' AND a.target = 'output:' || o.id
        ORDER BY a.seq LIMIT 1
    )
FROM output_record AS o;

-- output_person refers to output_record: kept aside, both dropped (child first, so the foreign
-- key holds throughout), and made again exactly as 0016 made it.
CREATE TABLE output_person_kept AS SELECT output_id, person_id FROM output_person;
DROP TABLE output_person;
DROP TABLE output_record;
ALTER TABLE output_record_new RENAME TO output_record;
CREATE INDEX output_record_state ON output_record (state, made_at);

CREATE TABLE output_person (
    output_id INTEGER NOT NULL REFERENCES output_record(id),
    person_id INTEGER NOT NULL,  -- no REFERENCES: the record outlives the person's row
    PRIMARY KEY (output_id, person_id)
) WITHOUT ROWID;
INSERT INTO output_person (output_id, person_id)
SELECT output_id, person_id FROM output_person_kept;
DROP TABLE output_person_kept;
