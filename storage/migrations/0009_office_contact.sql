-- Where a person reaches the office about their data (個人情報保護法第32条第1項第4号・第40条):
-- printed on the request form and on every answer to a request.
ALTER TABLE office ADD COLUMN request_desk TEXT NOT NULL DEFAULT '';
ALTER TABLE office ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE office ADD COLUMN phone TEXT NOT NULL DEFAULT '';
