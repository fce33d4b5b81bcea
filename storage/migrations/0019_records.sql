-- Records the office keeps of its own safeguards (規程第9条④⑦, 第50条; 別添1 C-e, D):
-- training sessions with their attendees, the yearly account review with what the reviewer
-- confirmed of each account, and dated tasks (the next training, the next review). Never a
-- number: attendees and accounts are staff ids with the names they had then.
CREATE TABLE training_session (
    id INTEGER PRIMARY KEY,
    held_on TEXT NOT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL DEFAULT '',
    trainer TEXT NOT NULL DEFAULT '',
    materials TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by_name TEXT NOT NULL
);
CREATE INDEX training_session_held ON training_session (held_on);

CREATE TABLE training_attendee (
    training_id INTEGER NOT NULL REFERENCES training_session(id),
    position INTEGER NOT NULL,
    staff_id INTEGER,  -- NULL for someone without an account (a new employee, a part-timer)
    name TEXT NOT NULL,
    PRIMARY KEY (training_id, position)
) WITHOUT ROWID;

CREATE TABLE account_review (
    id INTEGER PRIMARY KEY,
    reviewed_on TEXT NOT NULL,
    reviewer_name TEXT NOT NULL,
    result_note TEXT NOT NULL DEFAULT '',
    roster_seq INTEGER,  -- the signed roster version the accounts were read from
    recorded_at TEXT NOT NULL
);
CREATE INDEX account_review_on ON account_review (reviewed_on);

CREATE TABLE account_review_item (
    review_id INTEGER NOT NULL REFERENCES account_review(id),
    staff_id INTEGER NOT NULL,
    login_name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    active INTEGER NOT NULL,
    roles TEXT NOT NULL,  -- JSON list of role codes as the account had them
    scopes TEXT NOT NULL,  -- JSON list of [kind, value]
    matches_roster INTEGER NOT NULL,  -- the row agreed with the signed roster
    verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'change', 'disable')),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (review_id, staff_id)
) WITHOUT ROWID;

CREATE TABLE task (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,  -- 'training' or 'account_review' (app.domain.records.TaskKind)
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',  -- the record that set it, e.g. 'training:3'
    created_at TEXT NOT NULL,
    done_on TEXT,
    done_by_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX task_open ON task (done_on, due_on);
