/* @name LockJobForFinal */
-- The job row, locked: a final serializes with round creation, uploads, submit and other finals.
SELECT id, job_id, job_number, status, customer_id, tree_id, tree_number, latest_round_id, latest_round_status
  FROM jobs
 WHERE id = :jobPk!
   FOR UPDATE;

/* @name FindRoundForFinal */
SELECT id, round_id, status, server_revision_id, review_payload
  FROM job_rounds
 WHERE job_id = :jobPk! AND round_id = :roundId!;

/* @name CountProcessingRounds */
SELECT count(*)::int AS "count!"
  FROM job_rounds
 WHERE job_id = :jobPk! AND status = 'SUBMITTED_FOR_PROCESSING';

/* @name ListJobFinals */
-- The job's final and correction rows (at most one of each).
SELECT id, kind, round_pk, round_id, client_revision_id, server_revision_id, finalized_by_device_id,
       actor_identity, payload, created_at, updated_at
  FROM job_finals
 WHERE job_id = :jobPk!
 ORDER BY kind DESC;

/* @name ListJobReportImages */
-- Every uploaded photo of the job with its round, for the report image selection (api.md §5.2 step 6).
SELECT r.round_id, r.round_number, i.image_id, i.caption, i.uploaded_at, i.artifact_path, i.report_artifact_path
  FROM round_images i
  JOIN job_rounds r ON r.id = i.round_pk
 WHERE r.job_id = :jobPk! AND i.upload_status IN ('uploaded', 'processed') AND i.artifact_path IS NOT NULL
 ORDER BY r.round_number DESC, i.uploaded_at, i.image_id;

/* @name MaxTreeNumber */
SELECT COALESCE(max(tree_number), 0)::int AS "max!" FROM trees WHERE customer_id = :customerId!;

/* @name InsertFinal */
-- The original final: write-once; a second one conflicts and returns nothing.
INSERT INTO job_finals (job_id, kind, round_pk, round_id, client_revision_id, server_revision_id,
                        finalized_by_device_id, actor_identity, payload)
VALUES (:jobPk!, 'final', :roundPk, :roundId, :clientRevisionId, :serverRevisionId, :devicePk, :actor!, :payload!)
ON CONFLICT (job_id, kind) DO NOTHING
RETURNING id;

/* @name UpsertCorrection */
-- The one current correction, replaced in place.
INSERT INTO job_finals (job_id, kind, round_pk, round_id, client_revision_id, server_revision_id,
                        finalized_by_device_id, actor_identity, payload)
VALUES (:jobPk!, 'correction', :roundPk, :roundId, :clientRevisionId, :serverRevisionId, :devicePk, :actor!, :payload!)
ON CONFLICT (job_id, kind) DO UPDATE
   SET round_pk = EXCLUDED.round_pk, round_id = EXCLUDED.round_id,
       client_revision_id = EXCLUDED.client_revision_id, server_revision_id = EXCLUDED.server_revision_id,
       finalized_by_device_id = EXCLUDED.finalized_by_device_id, actor_identity = EXCLUDED.actor_identity,
       payload = EXCLUDED.payload
RETURNING id;

/* @name UpsertGeojsonExport */
INSERT INTO job_geojson_exports (job_id, job_final_id, kind, payload)
VALUES (:jobPk!, :jobFinalId!, :kind!, :payload!)
ON CONFLICT (job_id, kind) DO UPDATE SET job_final_id = EXCLUDED.job_final_id, payload = EXCLUDED.payload;

/* @name UpsertFinalArtifact */
-- One rendered output of a final or correction; a correction's files replace the previous correction's rows.
INSERT INTO artifacts (job_id, job_final_id, kind, path, content_type, byte_size, sha256)
VALUES (:jobPk!, :jobFinalId!, :kind!, :path!, :contentType!, :byteSize!, :sha256!)
ON CONFLICT (path) DO UPDATE
   SET job_id = EXCLUDED.job_id, job_final_id = EXCLUDED.job_final_id, kind = EXCLUDED.kind,
       content_type = EXCLUDED.content_type, byte_size = EXCLUDED.byte_size, sha256 = EXCLUDED.sha256,
       created_at = now();

/* @name ListGeojsonKinds */
SELECT kind FROM job_geojson_exports WHERE job_id = :jobPk!;

/* @name UpsertOperator */
INSERT INTO operators (name) VALUES (:name!)
ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
RETURNING id;

/* @name ArchiveJob */
-- The job after a final: archived, its latest round shown as returned, tree and operator in sync.
UPDATE jobs
   SET status = 'ARCHIVED',
       latest_round_status = CASE WHEN latest_round_id IS NULL THEN NULL ELSE 'REVIEW_RETURNED'::round_status END,
       archived_at = :archivedAt!,
       tree_id = :treeId, tree_number = :treeNumber,
       operator_id = COALESCE(:operatorId, operator_id)
 WHERE id = :jobPk!;

/*
  @name DeleteOtherFinalArtifacts
  @param keep -> (...)
*/
-- Rows of a replaced correction's outputs that the new correction does not have.
DELETE FROM artifacts WHERE job_final_id = :jobFinalId! AND path NOT IN :keep! RETURNING path;
