/* @name FindBillingExact */
-- Reuse rule of data-model §2: exact NULL-safe match on all four fields. The
-- first two are spelled as = / IS NULL so ix_billing_profiles_identity serves them.
-- KEY SHARE: the job about to point at it keeps it from being deleted or merged away meanwhile.
SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference
  FROM billing_profiles
 WHERE (billing_name = :billingName OR (billing_name IS NULL AND :billingName::text IS NULL))
   AND (billing_contact_name = :billingContactName OR (billing_contact_name IS NULL AND :billingContactName::text IS NULL))
   AND billing_address IS NOT DISTINCT FROM :billingAddress
   AND contact_preference IS NOT DISTINCT FROM :contactPreference
 ORDER BY billing_code
 LIMIT 1
   FOR KEY SHARE;

/* @name LockBillingName */
-- Serialises reuse-or-create of billing profiles with this name until the transaction ends.
SELECT pg_advisory_xact_lock(hashtextextended('billing' || chr(31) || coalesce(:billingName, ''), 0)) AS "locked";

/* @name InsertBilling */
INSERT INTO billing_profiles (billing_code, billing_name, billing_contact_name, billing_address, contact_preference)
VALUES (:code!, :billingName, :billingContactName, :billingAddress, :contactPreference)
RETURNING id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference;

/* @name FindBillingByRef */
SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference
  FROM billing_profiles
 WHERE id::text = :ref! OR billing_code = upper(:ref!)
 LIMIT 1;

/* @name SearchBilling */
-- Substring match on any of four columns (trigram indexes), in code order, one
-- page: codes after :after, at most :limit rows (NULL: all).
SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference
  FROM billing_profiles
 WHERE (:search::text IS NULL
        OR billing_code ILIKE '%' || :search || '%'
        OR billing_name ILIKE '%' || :search || '%'
        OR billing_contact_name ILIKE '%' || :search || '%'
        OR billing_address ILIKE '%' || :search || '%')
   AND (:after::text IS NULL OR billing_code > :after)
 ORDER BY billing_code
 LIMIT :limit::integer;

/* @name ListDuplicateBilling */
SELECT lower(btrim(billing_name)) AS "normalized_billing_name!", id, billing_code, billing_name,
       billing_contact_name, billing_address, contact_preference
  FROM billing_profiles
 WHERE lower(btrim(billing_name)) IN
       (SELECT lower(btrim(billing_name)) FROM billing_profiles WHERE billing_name IS NOT NULL GROUP BY 1 HAVING count(*) > 1)
 ORDER BY 1, billing_code;

/* @name UpdateBilling */
UPDATE billing_profiles
   SET billing_name = :billingName, billing_contact_name = :billingContactName,
       billing_address = :billingAddress, contact_preference = :contactPreference
 WHERE id = :id!
RETURNING id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference;

/* @name DeleteBilling */
DELETE FROM billing_profiles WHERE id = :id!;

/* @name BillingJobs */
SELECT j.job_number, j.job_id, c.customer_code AS "customer_code?", c.name AS "customer_name?", j.tree_number, j.status
  FROM jobs j
  LEFT JOIN customers c ON c.id = j.customer_id
 WHERE j.billing_profile_id = :id!
 ORDER BY j.job_number;

/* @name MoveBillingJobs */
UPDATE jobs SET billing_profile_id = :target! WHERE billing_profile_id = :source! RETURNING id;

/* @name LockBilling */
SELECT id FROM billing_profiles WHERE id = :id! FOR UPDATE;
