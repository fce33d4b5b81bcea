-- What a 本人確認記録 keeps beyond the document types (issue 15): the purposes of the number,
-- each compared field as 一致／相違 with its note, whose photo was compared with whose face, why
-- a fallback document was used, and for a dependant on the employee's form, which employee and
-- which form (instead of a provider and a channel that did not take place). JSON; '{}' for the
-- records made before, which print as they always did. Never a number.
ALTER TABLE verification ADD COLUMN facts TEXT NOT NULL DEFAULT '{}';
