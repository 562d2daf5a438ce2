/* @name LockCounter */
-- Takes the counter row lock; held until the inserting transaction ends, so
-- every later statement of that transaction sees all earlier allocations.
SELECT current_value AS "value!" FROM runtime_counters WHERE counter_key = :counterKey! FOR UPDATE;

/* @name NextJobNumber */
-- max(counter, largest numeric suffix of existing job numbers) + 1; call with the lock held.
UPDATE runtime_counters
   SET current_value = GREATEST(current_value,
         (SELECT COALESCE(max(substring(job_number FROM 2)::bigint), 0) FROM jobs WHERE job_number ~ '^J[0-9]+$')) + 1
 WHERE counter_key = 'job_number'
RETURNING current_value AS "value!";

/* @name NextCustomerCode */
UPDATE runtime_counters
   SET current_value = GREATEST(current_value,
         (SELECT COALESCE(max(substring(customer_code FROM 2)::bigint), 0) FROM customers)) + 1
 WHERE counter_key = 'customer_code'
RETURNING current_value AS "value!";

/* @name NextBillingCode */
UPDATE runtime_counters
   SET current_value = GREATEST(current_value,
         (SELECT COALESCE(max(substring(billing_code FROM 2)::bigint), 0) FROM billing_profiles)) + 1
 WHERE counter_key = 'billing_code'
RETURNING current_value AS "value!";
