-- The people search at 100,000 people (bench/people_search.py).

-- The search box tests フリガナ and 氏名 of every person (a substring, so no range helps):
-- this covering index lets that one pass read the two fields without the person rows,
-- about a third of the pages.
CREATE INDEX person_search ON person (kana_key, name);

-- The unfiltered list in フリガナ order with every person column it shows: its first page
-- (at every sign-in) reads a few consecutive index pages instead of 200 scattered rows.
CREATE INDEX person_list ON person (kana_key, id, kind, name, kana, birth_date, retired_at);

-- How many people there are, kept by the triggers below: the total of the unfiltered list
-- (its first page, shown at every sign-in) without counting every entry of an index.
CREATE TABLE person_count (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n INTEGER NOT NULL CHECK (n >= 0)
);
INSERT INTO person_count (id, n) SELECT 1, count(*) FROM person;
CREATE TRIGGER person_count_insert AFTER INSERT ON person
BEGIN UPDATE person_count SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER person_count_delete AFTER DELETE ON person
BEGIN UPDATE person_count SET n = n - 1 WHERE id = 1; END;
