-- The office's 法人番号 (13 digits, public, not 特定個人情報), printed as the payer's on every
-- statutory form. Empty for an office that has none (a sole proprietor) or has not set it.
ALTER TABLE office ADD COLUMN corporate_number TEXT NOT NULL DEFAULT '';
