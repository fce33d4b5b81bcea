-- Acknowledged anomaly flags of the access-log analysis (規程第13条 点検): the flags themselves
-- are recomputed from the log; only the supervisor's acknowledgement and note are stored.
-- Never a number: notes refuse digit runs that could be one.
CREATE TABLE audit_flag (
    key TEXT PRIMARY KEY,  -- rule:actor:moment, as app.domain.log_rules.Flag.key
    rule TEXT NOT NULL CHECK (rule IN ('after_hours', 'burst', 'bulk_output')),
    actor_name TEXT NOT NULL,
    note TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL,
    acknowledged_by_name TEXT NOT NULL
) WITHOUT ROWID;
