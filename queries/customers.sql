/* @name FindCustomerExact */
-- Reuse rule of data-model §2: exact match on (name, phone, address), NULL-safe.
SELECT id, customer_code, name, phone, address
  FROM customers
 WHERE name = :name! AND phone IS NOT DISTINCT FROM :phone AND address IS NOT DISTINCT FROM :address
 ORDER BY customer_code
 LIMIT 1;

/* @name LockCustomerName */
-- Serialises reuse-or-create of customers with this name (and nothing else)
-- until the transaction ends, so two concurrent creates make one customer.
SELECT pg_advisory_xact_lock(hashtextextended('customer' || chr(31) || :name!, 0)) AS "locked";

/* @name InsertCustomer */
INSERT INTO customers (customer_code, name, phone, address)
VALUES (:code!, :name!, :phone, :address)
RETURNING id, customer_code, name, phone, address;

/* @name FindCustomerByRef */
-- A ref is the UUID or the code (codes case-insensitive).
SELECT id, customer_code, name, phone, address
  FROM customers
 WHERE id::text = :ref! OR customer_code = upper(:ref!)
 LIMIT 1;

/* @name LockCustomer */
SELECT id FROM customers WHERE id = :id! FOR UPDATE;

/* @name SearchCustomers */
-- Substring match on any of four columns (trigram indexes), in code order, one
-- page: codes after :after, at most :limit rows (NULL: all).
SELECT id, customer_code, name, phone, address
  FROM customers
 WHERE (:search::text IS NULL
        OR customer_code ILIKE '%' || :search || '%'
        OR name ILIKE '%' || :search || '%'
        OR phone ILIKE '%' || :search || '%'
        OR address ILIKE '%' || :search || '%')
   AND (:after::text IS NULL OR customer_code > :after)
 ORDER BY customer_code
 LIMIT :limit::integer;

/* @name ListDuplicateCustomers */
-- Customers whose trimmed, lower-cased name is shared with another customer.
SELECT lower(btrim(name)) AS "normalized_name!", id, customer_code, name, phone, address
  FROM customers
 WHERE lower(btrim(name)) IN (SELECT lower(btrim(name)) FROM customers GROUP BY 1 HAVING count(*) > 1)
 ORDER BY 1, customer_code;

/* @name UpdateCustomer */
UPDATE customers SET name = :name!, phone = :phone, address = :address
 WHERE id = :id!
RETURNING id, customer_code, name, phone, address;

/* @name DeleteCustomer */
DELETE FROM customers WHERE id = :id!;

/* @name CustomerUsage */
SELECT (SELECT count(*) FROM jobs WHERE customer_id = :id!) AS "job_count!",
       (SELECT count(*) FROM trees WHERE customer_id = :id!) AS "tree_count!";

/* @name CustomerJobs */
SELECT j.job_number, j.job_id, b.billing_code AS "billing_code?", b.billing_name AS "billing_name?", j.tree_number, j.status
  FROM jobs j
  LEFT JOIN billing_profiles b ON b.id = j.billing_profile_id
 WHERE j.customer_id = :id!
 ORDER BY j.job_number;

/* @name RepointJobsToTargetTrees */
-- Merge: jobs on a source tree whose number the target already has move to the target's tree.
UPDATE jobs j SET tree_id = tt.id, tree_number = tt.tree_number
  FROM trees st
  JOIN trees tt ON tt.customer_id = :target! AND tt.tree_number = st.tree_number
 WHERE st.customer_id = :source! AND j.tree_id = st.id;

/* @name DeleteClashingSourceTrees */
DELETE FROM trees st USING trees tt
 WHERE st.customer_id = :source! AND tt.customer_id = :target! AND tt.tree_number = st.tree_number
RETURNING st.id;

/* @name MoveTrees */
UPDATE trees SET customer_id = :target! WHERE customer_id = :source! RETURNING id;

/* @name MoveCustomerJobs */
UPDATE jobs SET customer_id = :target! WHERE customer_id = :source! RETURNING id;

/* @name LockCustomerJobs */
-- Merge locks the affected jobs before the customer rows, the same order an admin job update takes them.
SELECT id FROM jobs
 WHERE customer_id = :source! OR tree_id IN (SELECT id FROM trees WHERE customer_id = :source!)
 ORDER BY id
 FOR UPDATE;
