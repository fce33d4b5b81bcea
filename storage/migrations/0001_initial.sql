-- Foundation schema: office, staff accounts with roles and scopes, settings, audit chain, backups.

CREATE TABLE office (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    management_area TEXT NOT NULL DEFAULT '',
    handling_area TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE staff (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    login_name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    slot_id TEXT UNIQUE,
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE staff_role (
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'manager', 'auditor')),
    PRIMARY KEY (staff_id, role)
) WITHOUT ROWID;

CREATE TABLE staff_scope (
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    kind TEXT NOT NULL CHECK (kind IN ('purpose', 'group')),
    value TEXT NOT NULL,
    PRIMARY KEY (staff_id, kind, value)
) WITHOUT ROWID;

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    ts TEXT NOT NULL,
    actor_id INTEGER,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}',
    mac BLOB NOT NULL
);
CREATE INDEX audit_log_ts ON audit_log (ts);
CREATE INDEX audit_log_actor ON audit_log (actor_id, ts);
CREATE INDEX audit_log_action ON audit_log (action, ts);

-- These stop bugs, not an attacker holding the key: the HMAC chain and the outside anchor do that.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

CREATE TABLE backup_record (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    file_name TEXT NOT NULL,
    folder TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    destroyed_at TEXT
);
