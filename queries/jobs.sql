/* @name GetJobView */
-- The job read model: job columns joined with the live customer, billing,
-- project and latest round rows (never a copy, so admin edits show at once).
SELECT j.id, j.job_id, j.job_number, j.status, j.tree_number, j.tree_id,
       j.job_name, j.job_address, j.reason, j.location_notes, j.tree_species,
       j.latest_round_id, j.latest_round_status,
       c.id AS "customer_id?", c.customer_code AS "customer_code?", c.name AS "customer_name?",
       c.address AS "address?", c.phone AS "job_phone?",
       b.id AS "billing_profile_id?", b.billing_code AS "billing_code?", b.billing_name AS "billing_name?",
       b.billing_address AS "billing_address?", b.billing_contact_name AS "billing_contact_name?",
       b.contact_preference AS "contact_preference?",
       p.project_id AS "project_id?", p.name AS "project?", p.slug AS "project_slug?",
       r.server_revision_id AS "server_revision_id?", r.review_payload AS "review_payload?"
  FROM jobs j
  LEFT JOIN customers c ON c.id = j.customer_id
  LEFT JOIN billing_profiles b ON b.id = j.billing_profile_id
  LEFT JOIN projects p ON p.id = j.project_id
  LEFT JOIN job_rounds r ON r.job_id = j.id AND r.round_id = j.latest_round_id
 WHERE j.id = :jobPk!;

/* @name ListAssignedJobViews */
-- Jobs with an assignment row (of one device, or all when devicePk is NULL), in assignment order.
SELECT j.id, j.job_id, j.job_number, j.status, j.tree_number, j.tree_id,
       j.job_name, j.job_address, j.reason, j.location_notes, j.tree_species,
       j.latest_round_id, j.latest_round_status,
       c.id AS "customer_id?", c.customer_code AS "customer_code?", c.name AS "customer_name?",
       c.address AS "address?", c.phone AS "job_phone?",
       b.id AS "billing_profile_id?", b.billing_code AS "billing_code?", b.billing_name AS "billing_name?",
       b.billing_address AS "billing_address?", b.billing_contact_name AS "billing_contact_name?",
       b.contact_preference AS "contact_preference?",
       p.project_id AS "project_id?", p.name AS "project?", p.slug AS "project_slug?",
       r.server_revision_id AS "server_revision_id?", r.review_payload AS "review_payload?"
  FROM job_assignments a
  JOIN jobs j ON j.id = a.job_id
  LEFT JOIN customers c ON c.id = j.customer_id
  LEFT JOIN billing_profiles b ON b.id = j.billing_profile_id
  LEFT JOIN projects p ON p.id = j.project_id
  LEFT JOIN job_rounds r ON r.job_id = j.id AND r.round_id = j.latest_round_id
 WHERE :devicePk::uuid IS NULL OR a.device_id = :devicePk
 ORDER BY a.assigned_at, j.job_number;

/* @name FindJobByRef */
SELECT id, job_id, job_number, status
  FROM jobs
 WHERE job_id = :ref! OR job_number = upper(:ref!)
 ORDER BY (job_id = :ref!) DESC
 LIMIT 1;

/* @name JobIdOrNumberTaken */
SELECT job_id = :jobId! AS "id_taken!", job_number = :jobNumber! AS "number_taken!"
  FROM jobs WHERE job_id = :jobId! OR job_number = :jobNumber!;

/* @name InsertJob */
INSERT INTO jobs (job_id, job_number, status, customer_id, billing_profile_id, project_id, tree_id, tree_number,
                  job_name, job_address, reason, location_notes, tree_species)
VALUES (:jobId!, :jobNumber!, :status!, :customerId, :billingProfileId, :projectId, :treeId, :treeNumber,
        :jobName, :jobAddress, :reason, :locationNotes, :treeSpecies)
RETURNING id;

/* @name UpdateJobFields */
-- Writes the whole editable set; callers pass the current value for anything unchanged.
UPDATE jobs
   SET status = :status!, customer_id = :customerId, billing_profile_id = :billingProfileId, project_id = :projectId,
       tree_id = :treeId, tree_number = :treeNumber, job_name = :jobName, job_address = :jobAddress,
       reason = :reason, location_notes = :locationNotes, tree_species = :treeSpecies
 WHERE id = :id!;

/* @name LockJobFields */
SELECT id, job_id, job_number, status, customer_id, billing_profile_id, project_id, tree_id, tree_number,
       job_name, job_address, reason, location_notes, tree_species, latest_round_id, latest_round_status
  FROM jobs WHERE id = :id! FOR UPDATE;

/* @name SetJobState */
UPDATE jobs SET status = :status!, latest_round_id = :latestRoundId, latest_round_status = :latestRoundStatus
 WHERE id = :id!;

/* @name FindRound */
SELECT id, round_id, status FROM job_rounds WHERE job_id = :jobPk! AND round_id = :roundId! FOR UPDATE;

/* @name SetRoundStatus */
-- A FAILED round must carry a reason (ck_job_rounds_failed_has_reason).
UPDATE job_rounds
   SET status = :status!::round_status,
       failure_reason = CASE WHEN :status!::round_status = 'FAILED' THEN COALESCE(failure_reason, :reason!) ELSE failure_reason END
 WHERE id = :id!;

/* @name InsertDeviceJob */
-- The last statement of a device job create (api.md §2.5.1): every code it
-- needs (a new customer's C, a new billing profile's B, the job's J) is
-- allocated here, with the rows that carry them, the job_created and
-- job_assigned audit rows and the auto-assignment. The counter rows are locked
-- in key order (no deadlock between two creates) and stay locked only from
-- this statement to COMMIT. Everything else (reuse lookups, the tree of an
-- existing customer) was done before, under no global lock.
WITH locked AS (
  SELECT counter_key FROM runtime_counters
   WHERE counter_key = 'job_number'
      OR (counter_key = 'customer_code' AND :customerId::uuid IS NULL)
      OR (counter_key = 'billing_code' AND :newBilling!::boolean)
   ORDER BY counter_key
   FOR UPDATE
), bumped AS (
  UPDATE runtime_counters r
     SET current_value = GREATEST(r.current_value, CASE r.counter_key
           WHEN 'job_number' THEN (SELECT max(substring(job_number FROM 2)::numeric) FROM jobs)
           WHEN 'customer_code' THEN (SELECT max(substring(customer_code FROM 2)::numeric) FROM customers)
           WHEN 'billing_code' THEN (SELECT max(substring(billing_code FROM 2)::numeric) FROM billing_profiles)
         END) + 1
    FROM locked l
   WHERE r.counter_key = l.counter_key
  RETURNING r.counter_key, lpad(r.current_value::text, greatest(4, length(r.current_value::text)), '0') AS digits
), new_customer AS (
  INSERT INTO customers (customer_code, name, phone, address)
  SELECT 'C' || digits, :customerName!, :customerPhone, :customerAddress FROM bumped WHERE counter_key = 'customer_code'
  RETURNING id, customer_code, name, phone, address
), customer AS (
  SELECT id, customer_code, name, phone, address FROM new_customer
  UNION ALL
  SELECT id, customer_code, name, phone, address FROM customers WHERE id = :customerId::uuid
), new_tree AS (
  INSERT INTO trees (customer_id, tree_number) SELECT id, :treeNumber!::integer FROM new_customer
  RETURNING id, tree_number
), tree AS (
  SELECT id, tree_number FROM new_tree
  UNION ALL
  SELECT id, tree_number FROM trees WHERE id = :treeId::uuid
), new_billing AS (
  INSERT INTO billing_profiles (billing_code, billing_name, billing_contact_name, billing_address, contact_preference)
  SELECT 'B' || digits, :billingName, :billingContactName, :billingAddress, :contactPreference FROM bumped WHERE counter_key = 'billing_code'
  RETURNING id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference
), billing AS (
  SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference FROM new_billing
  UNION ALL
  SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference FROM billing_profiles WHERE id = :billingId::uuid
), job AS (
  INSERT INTO jobs (job_id, job_number, status, customer_id, billing_profile_id, project_id, tree_id, tree_number, job_name, job_address, location_notes)
  SELECT :jobId!, 'J' || n.digits, 'DRAFT', c.id, b.id, :projectPk::uuid, t.id, t.tree_number, :jobName, :jobAddress, :locationNotes
    FROM bumped n
    JOIN customer c ON true
    JOIN tree t ON true
    LEFT JOIN billing b ON true
   WHERE n.counter_key = 'job_number'
  RETURNING id, job_id, job_number, status, tree_number, job_name, job_address, location_notes
), created_event AS (
  INSERT INTO job_events (job_id, device_id, event_type, actor_identity, payload)
  SELECT j.id, :actorDevicePk::uuid, 'job_created', :actor!,
         jsonb_build_object('job_number', j.job_number, 'customer_code', c.customer_code, 'billing_code', b.billing_code,
                            'project_id', :projectId::text, 'tree_number', j.tree_number, 'source', 'device')
    FROM job j JOIN customer c ON true LEFT JOIN billing b ON true
  RETURNING id
), assignment AS (
  INSERT INTO job_assignments (job_id, device_id, assigned_by)
  SELECT j.id, :assignDevicePk::uuid, 'auto' FROM job j WHERE :assignDevicePk::uuid IS NOT NULL
  RETURNING job_id, device_id
), assigned_event AS (
  INSERT INTO job_events (job_id, device_id, event_type, actor_identity, payload)
  SELECT a.job_id, a.device_id, 'job_assigned', :actor!,
         jsonb_build_object('device_id', :assignDeviceId::text, 'previous_device_id', NULL, 'assigned_by', 'auto')
    FROM assignment a
  RETURNING id
)
SELECT j.id, j.job_id, j.job_number, j.status, j.tree_number, j.job_name, j.job_address, j.location_notes,
       c.customer_code, c.name AS customer_name, c.address, c.phone AS job_phone,
       b.billing_code AS "billing_code?", b.billing_name AS "billing_name?", b.billing_address AS "billing_address?",
       b.billing_contact_name AS "billing_contact_name?", b.contact_preference AS "contact_preference?",
       (SELECT count(*) FROM created_event) + (SELECT count(*) FROM assigned_event) AS "events!"
  FROM job j JOIN customer c ON true LEFT JOIN billing b ON true;
