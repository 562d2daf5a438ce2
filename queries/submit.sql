/* @name LockRoundForSubmit */
SELECT r.id, r.round_id, r.status, r.manifest, r.review_payload, r.client_form_patch, r.server_revision_id
  FROM job_rounds r
 WHERE r.job_id = :jobPk! AND r.round_id = :roundId!
   FOR UPDATE;

/* @name MarkRoundSubmitted */
-- DRAFT (or another allowed state) → SUBMITTED_FOR_PROCESSING; a concurrent submit finds the status changed and gets nothing
UPDATE job_rounds
   SET status = 'SUBMITTED_FOR_PROCESSING',
       client_revision_id = coalesce(:clientRevisionId, client_revision_id),
       client_form_patch = :clientFormPatch,
       manifest = :manifest!,
       processing_force = :force!,
       submitted_at = clock_timestamp(),
       processing_attempts = 0,
       processing_lease_until = NULL,
       processing_run_after = NULL,
       processing_worker = NULL,
       processing_started_at = NULL,
       processing_finished_at = NULL,
       failure_reason = NULL
 WHERE id = :roundPk! AND status = ANY(:allowed!::round_status[])
RETURNING id;

/* @name ReturnExistingReview */
-- the no-op submit: nothing new, the stored review stands
UPDATE job_rounds
   SET status = 'REVIEW_RETURNED',
       client_revision_id = coalesce(:clientRevisionId, client_revision_id),
       failure_reason = NULL
 WHERE id = :roundPk!
RETURNING id;

/* @name SetJobTree */
UPDATE jobs SET tree_id = :treeId!, tree_number = :treeNumber! WHERE id = :jobPk!;

/* @name LoadRoundForProcessing */
SELECT r.id, r.round_id, r.status, r.manifest, r.review_payload, r.client_form_patch, r.processing_force,
       r.review_revision, r.server_revision_id, r.created_at,
       j.id AS job_pk, j.job_id, j.tree_number
  FROM job_rounds r
  JOIN jobs j ON j.id = r.job_id
 WHERE r.id = :roundPk!;

/* @name ListRecordingsForProcessing */
SELECT recording_id, section_id, artifact_path, content_type, transcript_text, uploaded_at
  FROM round_recordings
 WHERE round_pk = :roundPk!
 ORDER BY section_id, recording_id;

/* @name ListImagesForReview */
SELECT image_id, section_id, upload_status, caption, artifact_path, report_artifact_path, uploaded_at, latitude, longitude
  FROM round_images
 WHERE round_pk = :roundPk!
 ORDER BY section_id, image_id;

/* @name LatestOtherReview */
-- the newest review of another round of the same job: the base a round builds on
SELECT review_payload AS "review_payload!"
  FROM job_rounds
 WHERE job_id = :jobPk! AND id <> :roundPk! AND review_payload IS NOT NULL
 ORDER BY created_at DESC, round_number DESC
 LIMIT 1;

/* @name CacheTranscription */
UPDATE round_recordings
   SET transcript_text = :transcript,
       transcription_error = :error,
       transcribed_at = CASE WHEN :transcript::text IS NULL THEN transcribed_at ELSE clock_timestamp() END
 WHERE round_pk = :roundPk! AND recording_id = :recordingId!;

/* @name CompleteRoundReview */
-- the worker's result, accepted only while it still holds the round
UPDATE job_rounds
   SET status = 'REVIEW_RETURNED',
       review_payload = :reviewPayload!,
       review_revision = :reviewRevision!,
       server_revision_id = :serverRevisionId!,
       manifest = :manifest!,
       processing_force = false,
       processing_lease_until = NULL,
       processing_finished_at = clock_timestamp(),
       failure_reason = NULL
 WHERE id = :roundPk! AND processing_worker = :workerId! AND status = 'SUBMITTED_FOR_PROCESSING'
RETURNING id;

/* @name GetRoundOutcome */
SELECT status, failure_reason, review_payload, manifest FROM job_rounds WHERE id = :roundPk!;
