-- Consignees (委託先, 規程第42–43条): the register, the selection check (第42条第3項), the
-- contract and its ten clauses (第42条第4項), approved sub-consignees (第43条), the yearly April
-- hearing (第42条第5項) and the deletion certificates received (規程第15条⑤). Company data only:
-- no person and no number is ever kept here.
CREATE TABLE consignee (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    corporate_number TEXT,  -- 法人番号 (public, check digit validated), NULL when not given
    address TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    purposes TEXT NOT NULL DEFAULT '[]',  -- JSON list of purpose codes (app.domain.purposes)
    work TEXT NOT NULL DEFAULT '',  -- what is consigned, in words (給与計算, 社会保険手続 ...)
    state TEXT NOT NULL DEFAULT 'selecting' CHECK (state IN ('selecting', 'active', 'ended')),
    -- The selection check: JSON {point code: true/false}, the day it was checked, by whom.
    selection TEXT NOT NULL DEFAULT '{}',
    selection_note TEXT NOT NULL DEFAULT '',
    selection_on TEXT,
    selection_by_name TEXT NOT NULL DEFAULT '',
    -- The contract: its date, its term in words, JSON {clause code: true/false}.
    contract_on TEXT,
    contract_term TEXT NOT NULL DEFAULT '',
    clauses TEXT NOT NULL DEFAULT '{}',
    contract_by_name TEXT NOT NULL DEFAULT '',
    approved_on TEXT,  -- approved to handle numbers (state 'active')
    approved_by_name TEXT NOT NULL DEFAULT '',
    ended_on TEXT,
    end_note TEXT NOT NULL DEFAULT '',
    registered_at TEXT NOT NULL,
    registered_by_name TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE consignee_sub (
    id INTEGER PRIMARY KEY,
    consignee_id INTEGER NOT NULL REFERENCES consignee(id),
    name TEXT NOT NULL,
    scope TEXT NOT NULL DEFAULT '',
    -- 第43条第3項: the sub-consignment contract holds clauses equal to 第42条第4項.
    clauses_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (clauses_confirmed IN (0, 1)),
    approved_on TEXT NOT NULL,
    approved_by_name TEXT NOT NULL,
    withdrawn_on TEXT
);
CREATE INDEX consignee_sub_consignee ON consignee_sub (consignee_id);

CREATE TABLE consignee_hearing (
    id INTEGER PRIMARY KEY,
    consignee_id INTEGER NOT NULL REFERENCES consignee(id),
    year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('april', 'extra')),  -- 毎年4月 / 必要に応じて
    held_on TEXT NOT NULL,
    held_by TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result IN ('adequate', 'improve')),
    note TEXT NOT NULL DEFAULT '',
    follow_up TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by_name TEXT NOT NULL
);
CREATE INDEX consignee_hearing_year ON consignee_hearing (year, consignee_id);

-- The certificate file itself lives only here, in the encrypted database: never on disk.
CREATE TABLE consignee_certificate (
    id INTEGER PRIMARY KEY,
    consignee_id INTEGER NOT NULL REFERENCES consignee(id),
    received_on TEXT NOT NULL,
    description TEXT NOT NULL,
    media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    byte_size INTEGER NOT NULL,
    content BLOB NOT NULL,
    added_at TEXT NOT NULL,
    added_by_name TEXT NOT NULL
);
CREATE INDEX consignee_certificate_consignee ON consignee_certificate (consignee_id);
