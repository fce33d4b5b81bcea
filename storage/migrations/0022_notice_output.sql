-- The outputs-register entry of the notice that carried the person's own My Number: a notice
-- withdrawn unprinted (取消（出力せず）) did not disclose it, so it may be made again.
ALTER TABLE individual_request ADD COLUMN own_number_output_id INTEGER;
