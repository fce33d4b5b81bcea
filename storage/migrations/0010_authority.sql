-- Who may do what, signed with the manager's key (SECURITY.md §6a): the staff tables are what
-- the program reads; each version of the roster is what the manager signed. Every member holds
-- the data key and could rewrite the staff rows, not a signature.
CREATE TABLE roster (
    seq INTEGER PRIMARY KEY,
    body BLOB NOT NULL,
    signature BLOB NOT NULL,
    signed_at TEXT NOT NULL
);

-- The audit chain's head at a moment, signed with the manager's or the auditor's key: history
-- up to a checkpoint cannot be rewritten by a member who holds neither.
CREATE TABLE audit_checkpoint (
    id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL,
    head TEXT NOT NULL,
    roster_seq INTEGER NOT NULL,
    signer TEXT NOT NULL CHECK (signer IN ('manager', 'auditor')),
    made_at TEXT NOT NULL,
    signature BLOB NOT NULL
);
