-- Requests from individuals (個人情報保護法第32条〜第39条, 規程第44〜49条): intake, the
-- requester's identity check, the decision and the notice, with every step kept as history.
-- No number is stored here.

CREATE TABLE individual_request (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    -- The person the data is about, when they are in the database (NULL: not found).
    person_id INTEGER REFERENCES person(id),
    subject_name TEXT NOT NULL,
    requester_name TEXT NOT NULL,
    provider TEXT NOT NULL CHECK (provider IN ('self', 'voluntary_agent', 'legal_agent')),
    contact TEXT NOT NULL DEFAULT '',
    received_on TEXT NOT NULL,
    received_by TEXT NOT NULL,
    channel TEXT NOT NULL,
    requested TEXT NOT NULL,
    method TEXT NOT NULL DEFAULT '',
    fee TEXT NOT NULL DEFAULT '',
    own_number_requested INTEGER NOT NULL DEFAULT 0 CHECK (own_number_requested IN (0, 1)),
    target_days INTEGER NOT NULL,
    -- JSON: how the requester was identified (channel, document types, reply address rule).
    identity TEXT,
    decision TEXT,
    grounds TEXT NOT NULL DEFAULT '[]',
    reason TEXT NOT NULL DEFAULT '',
    withheld TEXT NOT NULL DEFAULT '',
    notice_no TEXT,
    own_number_disclosed_at TEXT,
    keep_until TEXT
);
CREATE INDEX individual_request_state ON individual_request (state, received_on);

CREATE TABLE individual_request_event (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES individual_request(id),
    at TEXT NOT NULL,
    by_name TEXT NOT NULL,
    state TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX individual_request_event_request ON individual_request_event (request_id, id);
