-- The export feed's change log.
--
-- Every change to a job or to what the export feed shows of it (its rounds,
-- photos, finals, GeoJSON) appends one row here, stamped with the changing
-- transaction's id (xid8) and a sequence number. Reporting clients page
-- through jobs in (change_xid, seq) order, reading only changes of
-- transactions older than every transaction still running, so a write that
-- commits late is still delivered: nothing is ever behind the cursor.
-- One row per job per transaction (repeat changes in a transaction are folded).

-- Up Migration

CREATE TABLE job_changes (
  seq         bigint       GENERATED ALWAYS AS IDENTITY,
  job_id      uuid         NOT NULL,
  change_xid  xid8         NOT NULL DEFAULT pg_current_xact_id(),
  source      varchar(32)  NOT NULL,
  created_at  timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT pk_job_changes PRIMARY KEY (seq),
  CONSTRAINT fk_job_changes_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE,
  CONSTRAINT ck_job_changes_source CHECK (source IN ('job', 'round', 'image', 'final', 'geojson', 'completed', 'reopened'))
);
CREATE INDEX ix_job_changes_job_position ON job_changes (job_id, change_xid, seq);
CREATE INDEX ix_job_changes_position ON job_changes (change_xid, seq);
CREATE INDEX ix_job_changes_created_at ON job_changes (created_at);

COMMENT ON TABLE job_changes IS 'Change log behind GET /v1/export/changes: one row per job per changing transaction (plus completed/reopened markers). Rows older than every client cursor may be deleted.';
COMMENT ON COLUMN job_changes.seq IS 'Order of the change within its transaction''s xid (and globally unique).';
COMMENT ON COLUMN job_changes.job_id IS 'The job that changed.';
COMMENT ON COLUMN job_changes.change_xid IS 'Id of the transaction that made the change; the feed only reads changes of transactions older than all running ones.';
COMMENT ON COLUMN job_changes.source IS 'What changed: job, round, image, final, geojson; or a category marker: completed (job archived) or reopened (left archived).';
COMMENT ON COLUMN job_changes.created_at IS 'Transaction time of the change (used for legacy ISO-time cursors).';

CREATE FUNCTION log_job_change(p_job_id uuid, p_source varchar) RETURNS void
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

CREATE FUNCTION tg_log_job_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  row_data record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  IF TG_TABLE_NAME = 'jobs' THEN
    PERFORM log_job_change(row_data.id, 'job');
    IF TG_OP = 'UPDATE' AND OLD.status IS DISTINCT FROM NEW.status THEN
      IF NEW.status = 'ARCHIVED' THEN PERFORM log_job_change(NEW.id, 'completed');
      ELSIF OLD.status = 'ARCHIVED' THEN PERFORM log_job_change(NEW.id, 'reopened');
      END IF;
    ELSIF TG_OP = 'INSERT' AND NEW.status = 'ARCHIVED' THEN
      PERFORM log_job_change(NEW.id, 'completed');
    END IF;
  ELSIF TG_TABLE_NAME = 'job_rounds' THEN
    PERFORM log_job_change(row_data.job_id, 'round');
  ELSIF TG_TABLE_NAME = 'round_images' THEN
    PERFORM log_job_change((SELECT r.job_id FROM job_rounds r WHERE r.id = row_data.round_pk), 'image');
  ELSIF TG_TABLE_NAME = 'job_finals' THEN
    PERFORM log_job_change(row_data.job_id, 'final');
  ELSIF TG_TABLE_NAME = 'job_geojson_exports' THEN
    PERFORM log_job_change(row_data.job_id, 'geojson');
  END IF;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION tg_log_job_change() IS 'AFTER trigger: logs the affected job in job_changes for the export feed.';

CREATE TRIGGER tg_jobs_log_change AFTER INSERT OR UPDATE ON jobs
  FOR EACH ROW EXECUTE FUNCTION tg_log_job_change();
CREATE TRIGGER tg_job_rounds_log_change AFTER INSERT OR UPDATE OR DELETE ON job_rounds
  FOR EACH ROW EXECUTE FUNCTION tg_log_job_change();
CREATE TRIGGER tg_round_images_log_change AFTER INSERT OR UPDATE OR DELETE ON round_images
  FOR EACH ROW EXECUTE FUNCTION tg_log_job_change();
CREATE TRIGGER tg_job_finals_log_change AFTER INSERT OR UPDATE ON job_finals
  FOR EACH ROW EXECUTE FUNCTION tg_log_job_change();
CREATE TRIGGER tg_job_geojson_exports_log_change AFTER INSERT OR UPDATE ON job_geojson_exports
  FOR EACH ROW EXECUTE FUNCTION tg_log_job_change();

-- Jobs that exist already enter the log once, so a full snapshot lists them.
INSERT INTO job_changes (job_id, source) SELECT id, 'job' FROM jobs;
INSERT INTO job_changes (job_id, source) SELECT id, 'completed' FROM jobs WHERE status = 'ARCHIVED';

-- Down Migration

DROP TRIGGER tg_job_geojson_exports_log_change ON job_geojson_exports;
DROP TRIGGER tg_job_finals_log_change ON job_finals;
DROP TRIGGER tg_round_images_log_change ON round_images;
DROP TRIGGER tg_job_rounds_log_change ON job_rounds;
DROP TRIGGER tg_jobs_log_change ON jobs;
DROP FUNCTION tg_log_job_change();
DROP FUNCTION log_job_change(uuid, varchar);
DROP TABLE job_changes;
