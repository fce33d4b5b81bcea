-- Deletion of numbers (規程第32条・第36条): runs proposed by a clerk and approved by another
-- member, and the deletion records that stay afterwards. No table here ever holds a number.

CREATE TABLE deletion_run (
    id INTEGER PRIMARY KEY,
    state TEXT NOT NULL CHECK (state IN ('proposed', 'approved', 'executed', 'cancelled')),
    -- retention_expired: every number is past its date; early: some are not (a reason and the
    -- manager's approval are needed); request: the person asked (開示等の請求).
    trigger TEXT NOT NULL CHECK (trigger IN ('retention_expired', 'early', 'request')),
    reason TEXT NOT NULL DEFAULT '',
    proposed_at TEXT NOT NULL,
    proposed_by INTEGER REFERENCES staff(id),
    proposed_by_name TEXT NOT NULL,
    approved_at TEXT,
    approved_by INTEGER REFERENCES staff(id),
    approved_by_name TEXT,
    -- Why one person proposed and approved (two-person rule switched off).
    single_person_reason TEXT NOT NULL DEFAULT '',
    closed_at TEXT,
    closed_by_name TEXT
);

CREATE TABLE deletion_run_item (
    run_id INTEGER NOT NULL REFERENCES deletion_run(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    -- The date computed when proposed; NULL: an ongoing need (early deletion only).
    may_delete_from TEXT,
    PRIMARY KEY (run_id, person_id)
) WITHOUT ROWID;
CREATE INDEX deletion_run_item_person ON deletion_run_item (person_id);

-- What a record cites (the documents and needs behind its date, and the paper to shred), once
-- per distinct text: the leavers of a run mostly share one answer.
CREATE TABLE deletion_reason_set (
    id INTEGER PRIMARY KEY,
    -- JSON list of {"label", "until", "basis"}.
    reasons TEXT NOT NULL,
    paper TEXT NOT NULL DEFAULT '',
    UNIQUE (reasons, paper)
);

CREATE TABLE deletion_record (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES deletion_run(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    -- As they were when deleted: the person's record may change or go later.
    person_name TEXT NOT NULL,
    person_kind TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL,
    reason_set_id INTEGER NOT NULL REFERENCES deletion_reason_set(id),
    trigger TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    may_delete_from TEXT,
    method TEXT NOT NULL,
    responsible_name TEXT NOT NULL,
    executed_by_name TEXT NOT NULL,
    approved_by_name TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    -- JSON list of {"file_name", "created_at"}: backups made while the number was held.
    backups TEXT NOT NULL DEFAULT '[]',
    -- When the paper copies listed in the reason set were confirmed shredded.
    paper_disposed_at TEXT,
    paper_disposed_by_name TEXT
);
CREATE INDEX deletion_record_day ON deletion_record (deleted_at);
CREATE INDEX deletion_record_person ON deletion_record (person_id);

-- Work left for later: 'rebuild' is set in the deletion's own transaction and cleared once
-- VACUUM has run, so a rebuild that failed or was interrupted is retried at the next sign-in.
CREATE TABLE maintenance (
    name TEXT PRIMARY KEY,
    since TEXT NOT NULL
) WITHOUT ROWID;
