/* @name ListArchivedJobs */
-- The jobs retention looks at: archived ones, or the one named.
SELECT id, job_id, job_number
  FROM jobs
 WHERE status = 'ARCHIVED' AND (:jobPk::uuid IS NULL OR id = :jobPk::uuid)
 ORDER BY job_number;

/* @name LockArchivedJob */
-- Locked and still archived (a correction round may have reopened it meanwhile).
SELECT id, job_id, job_number, latest_round_id
  FROM jobs
 WHERE id = :jobPk! AND status = 'ARCHIVED'
   FOR UPDATE;

/* @name ListRetentionRounds */
-- The job's rounds and whether a final or correction names them.
SELECT r.id, r.round_id, (r.review_payload IS NOT NULL) AS "has_review!",
       EXISTS (SELECT 1 FROM job_finals f
                WHERE f.job_id = r.job_id AND (f.round_pk = r.id OR f.round_id = r.round_id)) AS "referenced!"
  FROM job_rounds r
 WHERE r.job_id = :jobPk!
 ORDER BY r.round_number;

/* @name ListFinalImageKeys */
-- Store keys of every photo a final or correction of the job uses in its report.
SELECT DISTINCT e.value->>'stored_path' AS key
  FROM job_finals f,
       jsonb_array_elements(CASE WHEN jsonb_typeof(f.payload->'report_images') = 'array'
                                 THEN f.payload->'report_images' ELSE '[]'::jsonb END) e
 WHERE f.job_id = :jobPk! AND jsonb_typeof(e.value) = 'object';

/* @name ListJobRecordingFiles */
SELECT rec.id, rec.round_pk, rec.artifact_path
  FROM round_recordings rec
  JOIN job_rounds r ON r.id = rec.round_pk
 WHERE r.job_id = :jobPk! AND rec.artifact_path IS NOT NULL;

/* @name ListJobImageFiles */
SELECT i.round_pk, i.artifact_path, i.report_artifact_path
  FROM round_images i
  JOIN job_rounds r ON r.id = i.round_pk
 WHERE r.job_id = :jobPk!;

/* @name ListPrunableRoundArtifacts */
-- Indexed working files of the job's rounds that the policy prunes (audio, review JSON).
SELECT a.id, a.round_pk, a.path
  FROM artifacts a
  JOIN job_rounds r ON r.id = a.round_pk
 WHERE r.job_id = :jobPk! AND a.kind IN ('audio', 'review_json');

/*
  @name ClearRecordingAudio
  @param ids -> (...)
*/
-- The audio goes; the transcript text stays (the final embeds it, and it is small).
UPDATE round_recordings SET artifact_path = NULL WHERE id IN :ids!;

/*
  @name ClearReviewPayloads
  @param ids -> (...)
*/
UPDATE job_rounds SET review_payload = NULL WHERE id IN :ids!;

/*
  @name DeleteArtifactRows
  @param ids -> (...)
*/
DELETE FROM artifacts WHERE id IN :ids!;

/*
  @name DeleteRounds
  @param ids -> (...)
*/
-- Working rounds no final references; their media rows and artifact rows cascade.
DELETE FROM job_rounds WHERE id IN :ids! RETURNING round_id;
