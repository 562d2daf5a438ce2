/* @name FindBillingExact */
-- Reuse rule of data-model §2: exact NULL-safe match on all four fields.
SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference
  FROM billing_profiles
 WHERE billing_name IS NOT DISTINCT FROM :billingName
   AND billing_contact_name IS NOT DISTINCT FROM :billingContactName
   AND billing_address IS NOT DISTINCT FROM :billingAddress
   AND contact_preference IS NOT DISTINCT FROM :contactPreference
 ORDER BY billing_code
 LIMIT 1;

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
SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference
  FROM billing_profiles
 WHERE :search::text IS NULL
    OR billing_code ILIKE '%' || :search || '%'
    OR billing_name ILIKE '%' || :search || '%'
    OR billing_contact_name ILIKE '%' || :search || '%'
    OR billing_address ILIKE '%' || :search || '%'
 ORDER BY billing_code;

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
