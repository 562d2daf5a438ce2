/* @name LockJobRow */
-- The job row, locked: round creation, reopen and every media write serialize on it.
SELECT id, job_id, status, latest_round_id, latest_round_status
  FROM jobs
 WHERE id = :jobPk!
   FOR UPDATE;

/* @name FindJobRoundState */
-- The job's status and latest round, unlocked (pre-checks before reading an upload body).
SELECT id, job_id, status, latest_round_id, latest_round_status
  FROM jobs
 WHERE id = :jobPk!;

/* @name NextRoundNumber */
-- max + 1; only correct while the job row is locked (LockJobRow).
SELECT coalesce(max(round_number), 0) + 1 AS "next!"
  FROM job_rounds
 WHERE job_id = :jobPk!;

/* @name InsertRound */
INSERT INTO job_rounds (job_id, round_number, round_id)
VALUES (:jobPk!, :roundNumber!, :roundId!)
RETURNING id, round_id, status;

/* @name SetJobLatestRoundDraft */
-- The job follows its latest round: DRAFT, pointing at it.
UPDATE jobs
   SET status = 'DRAFT', latest_round_id = :roundId!, latest_round_status = 'DRAFT'
 WHERE id = :jobPk!;

/* @name FindRound */
SELECT id, job_id, round_number, round_id, status, server_revision_id, client_revision_id,
       manifest, review_payload
  FROM job_rounds
 WHERE job_id = :jobPk! AND round_id = :roundId!;

/* @name UpdateRoundManifest */
UPDATE job_rounds
   SET manifest = :manifest!
 WHERE id = :roundPk!;

/* @name ReopenRound */
-- Persists the round row itself (the old server only changed the job row).
UPDATE job_rounds
   SET status = 'DRAFT', failure_reason = NULL
 WHERE id = :roundPk!;

/* @name ListRoundRecordingIds */
SELECT section_id, recording_id, upload_status
  FROM round_recordings
 WHERE round_pk = :roundPk!
 ORDER BY section_id, recording_id;

/* @name ListRoundImageIds */
SELECT section_id, image_id, upload_status
  FROM round_images
 WHERE round_pk = :roundPk!
 ORDER BY section_id, image_id;
