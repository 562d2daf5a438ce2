/* @name InsertPlacement */
-- Recorded in the transaction that writes the rows naming :key (under the job row lock).
INSERT INTO artifact_placements (job_id, staged_key, key, byte_size, sha256)
VALUES (:jobPk!, :stagedKey, :key!, :byteSize, :sha256);

/* @name LockPendingPlacements */
-- Pending placements of one job (or of every job when :jobPk is null), locked so that two processes
-- finishing the same moves take turns; in commit order.
SELECT id, job_id, staged_key, key, byte_size, sha256
  FROM artifact_placements
 WHERE (:jobPk::uuid IS NULL OR job_id = :jobPk::uuid)
 ORDER BY id
   FOR UPDATE;

/* @name DeletePlacements */
DELETE FROM artifact_placements WHERE id = ANY(:ids!::bigint[]);

/* @name ListStagedKeys */
-- Temp keys named by pending placements: the temp sweep must leave them.
SELECT staged_key AS "staged_key!" FROM artifact_placements WHERE staged_key IS NOT NULL;
