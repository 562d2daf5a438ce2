-- Admin customer and billing profile search (GET /v1/admin/customers?search=,
-- GET /v1/admin/billing-profiles?search=, and the device prefill lookups) is a
-- case-insensitive substring match (ILIKE '%x%') on four columns each. B-tree
-- indexes cannot serve that; trigram GIN indexes can, one per column, so the
-- planner combines them (BitmapOr) and the match stays exactly per column.
-- pg_trgm is a trusted extension: the role that runs migrations can create it
-- without being a superuser (it needs CREATE on the database).

-- Up Migration

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX ix_customers_customer_code_trgm ON customers USING gin (customer_code gin_trgm_ops);
CREATE INDEX ix_customers_name_trgm ON customers USING gin (name gin_trgm_ops);
CREATE INDEX ix_customers_phone_trgm ON customers USING gin (phone gin_trgm_ops);
CREATE INDEX ix_customers_address_trgm ON customers USING gin (address gin_trgm_ops);
COMMENT ON INDEX ix_customers_name_trgm IS 'Substring search (ILIKE) on the name; the other *_trgm indexes serve the other searched columns.';

CREATE INDEX ix_billing_profiles_billing_code_trgm ON billing_profiles USING gin (billing_code gin_trgm_ops);
CREATE INDEX ix_billing_profiles_billing_name_trgm ON billing_profiles USING gin (billing_name gin_trgm_ops);
CREATE INDEX ix_billing_profiles_billing_contact_name_trgm ON billing_profiles USING gin (billing_contact_name gin_trgm_ops);
CREATE INDEX ix_billing_profiles_billing_address_trgm ON billing_profiles USING gin (billing_address gin_trgm_ops);
COMMENT ON INDEX ix_billing_profiles_billing_name_trgm IS 'Substring search (ILIKE) on the billing name; the other *_trgm indexes serve the other searched columns.';

-- Down Migration

DROP INDEX ix_billing_profiles_billing_address_trgm;
DROP INDEX ix_billing_profiles_billing_contact_name_trgm;
DROP INDEX ix_billing_profiles_billing_name_trgm;
DROP INDEX ix_billing_profiles_billing_code_trgm;
DROP INDEX ix_customers_address_trgm;
DROP INDEX ix_customers_phone_trgm;
DROP INDEX ix_customers_name_trgm;
DROP INDEX ix_customers_customer_code_trgm;
DROP EXTENSION IF EXISTS pg_trgm;
