-- The audit trail.
--
-- One job_events row per state change, written in the same transaction as the
-- change itself. The table is append-only: UPDATE, DELETE and TRUNCATE are
-- refused by trigger, and a job or device with history cannot be deleted.

-- Up Migration

CREATE TYPE event_type AS ENUM (
  'device_registered', 'device_approved', 'device_revoked', 'token_issued', 'profile_updated',
  'job_created', 'job_updated', 'job_assigned', 'job_unassigned', 'job_unlocked',
  'round_created', 'manifest_updated', 'round_submitted', 'round_reprocessed', 'review_returned',
  'round_failed', 'round_reopened', 'final_generated', 'correction_generated', 'status_changed',
  'customer_merged', 'billing_profile_merged', 'retention_pruned'
);
COMMENT ON TYPE event_type IS 'What happened, one value per kind of state change.';

CREATE TABLE job_events (
  id              uuid          NOT NULL DEFAULT gen_random_uuid(),
  job_id          uuid,
  device_id       uuid,
  event_type      event_type    NOT NULL,
  actor_identity  varchar(255)  NOT NULL,
  payload         jsonb         NOT NULL DEFAULT '{}'::jsonb,
  created_at      timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_job_events PRIMARY KEY (id),
  CONSTRAINT fk_job_events_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE RESTRICT,
  CONSTRAINT fk_job_events_device FOREIGN KEY (device_id) REFERENCES devices (id) ON DELETE RESTRICT,
  CONSTRAINT ck_job_events_payload_object CHECK (jsonb_typeof(payload) = 'object'),
  CONSTRAINT ck_job_events_actor_format CHECK (actor_identity IN ('admin', 'system') OR actor_identity LIKE 'device:_%')
);
CREATE INDEX ix_job_events_job_created ON job_events (job_id, created_at);
CREATE INDEX ix_job_events_device_created ON job_events (device_id, created_at);
CREATE INDEX ix_job_events_event_type ON job_events (event_type);

CREATE FUNCTION refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'job_events is append-only (% refused)', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
COMMENT ON FUNCTION refuse_audit_change() IS 'Trigger function: refuses UPDATE, DELETE and TRUNCATE on the audit trail.';
CREATE TRIGGER tg_job_events_append_only BEFORE UPDATE OR DELETE ON job_events
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER tg_job_events_no_truncate BEFORE TRUNCATE ON job_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

COMMENT ON TABLE job_events IS 'Append-only audit trail: one row per state change of a device, job, round or final, written in the same transaction as the change. Kept forever.';
COMMENT ON COLUMN job_events.id IS 'Internal key.';
COMMENT ON COLUMN job_events.job_id IS 'The job concerned; NULL for device-level events.';
COMMENT ON COLUMN job_events.device_id IS 'The device concerned, if any (the actor or the subject of the change).';
COMMENT ON COLUMN job_events.event_type IS 'What happened.';
COMMENT ON COLUMN job_events.actor_identity IS 'Who did it: device:<device_id>, admin (the admin key) or system (workers, watchdogs).';
COMMENT ON COLUMN job_events.payload IS 'Details of the change (ids, before and after values); never a secret or token.';
COMMENT ON COLUMN job_events.created_at IS 'Transaction time of the change.';

-- Down Migration

DROP TRIGGER tg_job_events_no_truncate ON job_events;
DROP TRIGGER tg_job_events_append_only ON job_events;
DROP TABLE job_events;
DROP FUNCTION refuse_audit_change();
DROP TYPE event_type;
