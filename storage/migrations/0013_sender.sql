-- Who signs the office's letters (利用目的通知書, the answers to requests from individuals): a
-- title such as 特定個人情報管理責任者 総務部長, and a name. Empty until the manager sets them.
ALTER TABLE office ADD COLUMN sender_title TEXT NOT NULL DEFAULT '';
ALTER TABLE office ADD COLUMN sender_name TEXT NOT NULL DEFAULT '';
