-- People and their numbers: employees, dependents, payees; numbers sealed under the number key.

CREATE TABLE department (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE person (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('employee', 'dependent', 'payee')),
    name TEXT NOT NULL,
    kana TEXT NOT NULL,
    -- フリガナ folded for search: katakana, full-width, no spaces (app.domain.kana.search_key).
    kana_key TEXT NOT NULL,
    birth_date TEXT,
    retired_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX person_kana_key ON person (kana_key);
CREATE INDEX person_kind ON person (kind, kana_key);

CREATE TABLE employee (
    person_id INTEGER PRIMARY KEY REFERENCES person(id),
    code TEXT NOT NULL UNIQUE,
    department_id INTEGER REFERENCES department(id),
    hire_date TEXT,
    leave_date TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_leave', 'left'))
);
CREATE INDEX employee_department ON employee (department_id);

CREATE TABLE dependent (
    person_id INTEGER PRIMARY KEY REFERENCES person(id),
    employee_id INTEGER NOT NULL REFERENCES person(id),
    relation TEXT NOT NULL,
    pension_category3 INTEGER NOT NULL DEFAULT 0 CHECK (pension_category3 IN (0, 1)),
    valid_from TEXT,
    valid_to TEXT
);
CREATE INDEX dependent_employee ON dependent (employee_id);

CREATE TABLE payee (
    person_id INTEGER PRIMARY KEY REFERENCES person(id),
    payment_kind TEXT NOT NULL CHECK (payment_kind IN ('fees', 'rent', 'property', 'dividends')),
    continuing INTEGER NOT NULL DEFAULT 0 CHECK (continuing IN (0, 1)),
    contract_from TEXT,
    contract_to TEXT,
    corporate_number TEXT
);

-- One number per person, sealed with the record id "person:<id>" as associated data; the
-- blind index refuses a second person with the same number without decrypting anything.
CREATE TABLE my_number (
    person_id INTEGER PRIMARY KEY REFERENCES person(id),
    sealed BLOB NOT NULL,
    blind_index BLOB NOT NULL UNIQUE,
    verification_pending INTEGER NOT NULL DEFAULT 1 CHECK (verification_pending IN (0, 1)),
    registered_at TEXT NOT NULL,
    registered_by INTEGER REFERENCES staff(id)
);

CREATE TABLE my_number_purpose (
    person_id INTEGER NOT NULL REFERENCES my_number(person_id),
    purpose TEXT NOT NULL,
    PRIMARY KEY (person_id, purpose)
) WITHOUT ROWID;
