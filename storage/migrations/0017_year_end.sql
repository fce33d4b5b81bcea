-- Year-end content of the statutory forms (法定調書) per person, year and form: the amounts
-- (whole yen) and facts (役員, 乙欄, 中途退職 ...) a payroll import or the clerk's typing gave.
-- Never a number: the forms take the numbers from my_number when a copy is drawn.
CREATE TABLE year_end_entry (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    year INTEGER NOT NULL,
    form TEXT NOT NULL,  -- a form code (app.domain.year_end.FORMS)
    slip INTEGER NOT NULL DEFAULT 1 CHECK (slip >= 1),  -- a second slip of one form and year
    amounts TEXT NOT NULL,  -- JSON {field: yen}
    facts TEXT NOT NULL,  -- JSON {field: text}
    source TEXT NOT NULL,  -- 'typed' or 'import:<file name>'
    updated_at TEXT NOT NULL,
    updated_by_name TEXT NOT NULL,
    UNIQUE (person_id, year, form, slip)
);
CREATE INDEX year_end_entry_year ON year_end_entry (year, form);
