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
