/* @name AllocateCode */
-- One statement that locks, reads and bumps a counter row: max(counter,
-- largest existing number) + 1, the largest number read from its index
-- (ix_*_value), so the lock is taken with O(1) work. The row stays locked
-- until the transaction ends: call it as late in the transaction as possible.
UPDATE runtime_counters
   SET current_value = GREATEST(current_value, CASE counter_key
         WHEN 'job_number' THEN (SELECT max(substring(job_number FROM 2)::numeric) FROM jobs)
         WHEN 'customer_code' THEN (SELECT max(substring(customer_code FROM 2)::numeric) FROM customers)
         WHEN 'billing_code' THEN (SELECT max(substring(billing_code FROM 2)::numeric) FROM billing_profiles)
       END) + 1
 WHERE counter_key = :counterKey!
RETURNING current_value AS "value!";

/* @name ClaimJobNumber */
-- An explicitly numbered job (admin create): locks the job_number counter and
-- raises it to that number, so device creates that follow continue after it.
UPDATE runtime_counters SET current_value = GREATEST(current_value, :value!::numeric)
 WHERE counter_key = 'job_number'
RETURNING current_value AS "value!";
