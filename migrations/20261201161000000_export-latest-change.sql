-- Each job's newest change, kept beside the export feed's change log (issue 16).
--
-- A feed page lists jobs in the order of their newest change. From the log
-- alone that meant walking every superseded change from the cursor on (with a
-- cursor at 0: the whole log, several rows per job) to find the newest ones, so
-- the first page at 100k jobs cost 50 times the page at 1k. This table holds
-- one row per job, moved forward in the same transaction as every logged
-- change, so a page is an index walk of the rows it returns.
--
-- Concurrency: the row is moved only forward in log order (change_xid, seq), and
-- writers of the same job queue on it, so in any snapshot the visible row is the
-- newest committed change of the job. The feed reads only changes older than
-- every running transaction; a job whose visible row is newer than that bound
-- (a handful, changed in the last moments) is looked up in the log instead.
-- The row is taken after the job row (lock order of src/db/tx.ts: "the rest").

-- Up Migration

CREATE TABLE job_latest_changes (
  job_id      uuid         NOT NULL,
  change_xid  xid8         NOT NULL,
  seq         bigint       NOT NULL,
  created_at  timestamptz  NOT NULL,
  CONSTRAINT pk_job_latest_changes PRIMARY KEY (job_id),
  CONSTRAINT fk_job_latest_changes_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE
);
CREATE INDEX ix_job_latest_changes_position ON job_latest_changes (change_xid, seq);

COMMENT ON TABLE job_latest_changes IS 'Copy of the newest job_changes row of each job (written by log_job_change), so an export feed page walks one row per job. A copy, not a reference: pruning old log rows must not take it away.';
COMMENT ON COLUMN job_latest_changes.job_id IS 'The job.';
COMMENT ON COLUMN job_latest_changes.change_xid IS 'change_xid of the job''s newest change.';
COMMENT ON COLUMN job_latest_changes.seq IS 'seq of the job''s newest change (the job_changes row).';
COMMENT ON COLUMN job_latest_changes.created_at IS 'created_at of that change (legacy ISO-time cursors).';
COMMENT ON INDEX ix_job_latest_changes_position IS 'Feed order: pages walk this from the cursor.';

-- No change may be logged between the backfill and the new function.
LOCK TABLE job_changes IN EXCLUSIVE MODE;

CREATE OR REPLACE FUNCTION log_job_change(p_job_id uuid, p_source varchar) RETURNS void
LANGUAGE sql AS $$
  WITH logged AS (
    INSERT INTO job_changes (job_id, source)
    SELECT p_job_id, p_source
     WHERE EXISTS (SELECT 1 FROM jobs j WHERE j.id = p_job_id)
       AND (p_source IN ('completed', 'reopened') OR NOT EXISTS (
             SELECT 1 FROM job_changes c
              WHERE c.job_id = p_job_id AND c.change_xid = pg_current_xact_id()
                AND c.source NOT IN ('completed', 'reopened')))
    RETURNING job_id, change_xid, seq, created_at
  )
  INSERT INTO job_latest_changes AS l (job_id, change_xid, seq, created_at)
  SELECT job_id, change_xid, seq, created_at FROM logged
  ON CONFLICT (job_id) DO UPDATE
     SET change_xid = EXCLUDED.change_xid, seq = EXCLUDED.seq, created_at = EXCLUDED.created_at
   WHERE (EXCLUDED.change_xid, EXCLUDED.seq) > (l.change_xid, l.seq);
$$;
COMMENT ON FUNCTION log_job_change(uuid, varchar) IS 'Appends a job_changes row unless this transaction already logged the job, and moves the job''s job_latest_changes row to it.';

INSERT INTO job_latest_changes (job_id, change_xid, seq, created_at)
SELECT DISTINCT ON (job_id) job_id, change_xid, seq, created_at
  FROM job_changes
 ORDER BY job_id, change_xid DESC, seq DESC;

-- Down Migration

CREATE OR REPLACE FUNCTION log_job_change(p_job_id uuid, p_source varchar) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO job_changes (job_id, source)
  SELECT p_job_id, p_source
   WHERE EXISTS (SELECT 1 FROM jobs j WHERE j.id = p_job_id)
     AND (p_source IN ('completed', 'reopened') OR NOT EXISTS (
           SELECT 1 FROM job_changes c
            WHERE c.job_id = p_job_id AND c.change_xid = pg_current_xact_id()
              AND c.source NOT IN ('completed', 'reopened')));
$$;
COMMENT ON FUNCTION log_job_change(uuid, varchar) IS 'Appends a job_changes row unless this transaction already logged the job.';
DROP TABLE job_latest_changes;
