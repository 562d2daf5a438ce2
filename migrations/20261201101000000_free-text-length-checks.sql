-- Free-text columns get a length limit (issue #11 item 10): a 900 KB
-- address was stored and then served to every arborist in the customer
-- list. The API refuses longer values first (src/http/fields.ts, 422); these
-- named CHECKs hold the line for any other writer. Values already longer
-- (only ever junk from such requests) are cut to the limit first, or every
-- later update of their row would fail the new check.

-- Up Migration

UPDATE customers SET address = left(address, 1000) WHERE char_length(address) > 1000;
UPDATE billing_profiles SET billing_address = left(billing_address, 1000) WHERE char_length(billing_address) > 1000;
UPDATE jobs SET job_address = left(job_address, 1000) WHERE char_length(job_address) > 1000;
UPDATE jobs SET reason = left(reason, 4000) WHERE char_length(reason) > 4000;
UPDATE jobs SET location_notes = left(location_notes, 4000) WHERE char_length(location_notes) > 4000;
UPDATE round_images SET caption = left(caption, 1000) WHERE char_length(caption) > 1000;

ALTER TABLE customers ADD CONSTRAINT customers_address_length CHECK (char_length(address) <= 1000);
ALTER TABLE billing_profiles ADD CONSTRAINT billing_profiles_billing_address_length CHECK (char_length(billing_address) <= 1000);
ALTER TABLE jobs ADD CONSTRAINT jobs_job_address_length CHECK (char_length(job_address) <= 1000);
ALTER TABLE jobs ADD CONSTRAINT jobs_reason_length CHECK (char_length(reason) <= 4000);
ALTER TABLE jobs ADD CONSTRAINT jobs_location_notes_length CHECK (char_length(location_notes) <= 4000);
ALTER TABLE round_images ADD CONSTRAINT round_images_caption_length CHECK (char_length(caption) <= 1000);

-- Down Migration

ALTER TABLE round_images DROP CONSTRAINT round_images_caption_length;
ALTER TABLE jobs DROP CONSTRAINT jobs_location_notes_length;
ALTER TABLE jobs DROP CONSTRAINT jobs_reason_length;
ALTER TABLE jobs DROP CONSTRAINT jobs_job_address_length;
ALTER TABLE billing_profiles DROP CONSTRAINT billing_profiles_billing_address_length;
ALTER TABLE customers DROP CONSTRAINT customers_address_length;
