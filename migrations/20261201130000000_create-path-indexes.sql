-- Indexes for every lookup job creation makes, so a create costs the same at
-- 100k jobs as at 1k (issue 16).
--
-- The counters are bumped as max(counter, largest existing number) + 1: the
-- largest existing number now comes from an index on the numeric value of the
-- code (one index probe instead of a scan of the whole table). The value is
-- numeric, not bigint, so no code the format CHECK allows can fail to index.
-- The reuse lookups of job creation (exact customer, exact billing profile)
-- match on the plain columns.

-- Up Migration

CREATE INDEX ix_jobs_job_number_value ON jobs ((substring(job_number FROM 2)::numeric));
COMMENT ON INDEX ix_jobs_job_number_value IS 'Largest job number in one probe, for the job_number counter.';

CREATE INDEX ix_customers_customer_code_value ON customers ((substring(customer_code FROM 2)::numeric));
COMMENT ON INDEX ix_customers_customer_code_value IS 'Largest customer code in one probe, for the customer_code counter.';

CREATE INDEX ix_billing_profiles_billing_code_value ON billing_profiles ((substring(billing_code FROM 2)::numeric));
COMMENT ON INDEX ix_billing_profiles_billing_code_value IS 'Largest billing code in one probe, for the billing_code counter.';

CREATE INDEX ix_customers_name_phone ON customers (name, phone);
COMMENT ON INDEX ix_customers_name_phone IS 'Exact reuse lookup of job creation (name, phone, then address as a filter).';

CREATE INDEX ix_billing_profiles_identity ON billing_profiles (billing_name, billing_contact_name);
COMMENT ON INDEX ix_billing_profiles_identity IS 'Exact reuse lookup of job creation (name and contact, then the rest as a filter); NULLs are indexed too.';

-- Down Migration

DROP INDEX ix_billing_profiles_identity;
DROP INDEX ix_customers_name_phone;
DROP INDEX ix_billing_profiles_billing_code_value;
DROP INDEX ix_customers_customer_code_value;
DROP INDEX ix_jobs_job_number_value;
