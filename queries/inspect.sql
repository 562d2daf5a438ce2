/* @name InspectAssignment */
-- The job's current assignment, if any (read only, no lock).
SELECT d.device_id AS "device_id!", a.assigned_by AS "assigned_by!", a.assigned_at AS "assigned_at!"
  FROM job_assignments a JOIN devices d ON d.id = a.device_id
 WHERE a.job_id = :jobPk!;

/* @name InspectRoundIds */
-- Every round of the job, oldest first (api.md §2.13 reads round directories; we read job_rounds).
SELECT round_id AS "round_id!" FROM job_rounds WHERE job_id = :jobPk! ORDER BY round_number;

/* @name InspectFinalKinds */
-- Which snapshots exist: 'final' and/or 'correction'.
SELECT kind AS "kind!" FROM job_finals WHERE job_id = :jobPk!;

/* @name InspectRound */
-- One round with its media counts; review fields come from the stored review payload.
SELECT r.id AS "id!", r.round_id AS "round_id!", r.round_number AS "round_number!", r.status AS "status!",
       r.server_revision_id, r.review_revision AS "review_revision!", r.client_revision_id,
       jsonb_array_length(r.manifest) AS "manifest_count!",
       r.review_payload, r.submitted_at, r.processing_started_at, r.processing_finished_at, r.failure_reason,
       r.created_at AS "created_at!", r.updated_at AS "updated_at!",
       (SELECT count(*) FROM round_recordings rr WHERE rr.round_pk = r.id) AS "recording_count!",
       (SELECT count(*) FROM round_images ri WHERE ri.round_pk = r.id) AS "image_count!"
  FROM job_rounds r
 WHERE r.job_id = :jobPk! AND r.round_id = :roundId!;
