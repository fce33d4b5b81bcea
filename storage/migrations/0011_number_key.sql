-- The number key in use (SECURITY.md §6a): every sealed number, scan and blind index is under
-- the key whose check value is here. A revocation or a deletion run replaces the key (every
-- number re-sealed in one transaction); the slot file may then hold the old and the new key for
-- a moment, and this row says which one the data is under.
CREATE TABLE number_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    -- HMAC-SHA256(number key, "number-key check v1"); NULL until a session holding the key
    -- writes it (a database made before this version).
    key_check BLOB,
    rotated_at TEXT,
    -- Set with a change that needs a new key (a revocation, a deletion run) in that change's
    -- own transaction; cleared by the rotation. `reason` lists what asked for it.
    rotation_due TEXT,
    reason TEXT NOT NULL DEFAULT ''
);

-- Numbers deleted before this version may still sit, under the current key, in the disk blocks
-- of an old rollback journal: the next rotation (due now) makes them undecryptable, and until
-- then the records say exactly what was done.
INSERT INTO number_key (id, rotation_due, reason)
VALUES (
    1,
    (SELECT max(deleted_at) FROM deletion_record),
    CASE WHEN EXISTS (SELECT 1 FROM deletion_record) THEN 'deletion' ELSE '' END
);
UPDATE deletion_record
SET method = '暗号化された個人番号を削除し、その領域をゼロで上書き（暗号鍵の更新は未了）'
WHERE method = '暗号化された個人番号を復元できない方法で消去（上書き削除の後、データベースファイルを再構築）';
