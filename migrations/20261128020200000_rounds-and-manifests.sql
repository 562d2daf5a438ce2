-- Review rounds and their manifests.
--
-- A job is worked in rounds: the device uploads recordings and photos into a
-- round, submits it, the server processes it and returns a review; the
-- arborist corrects it and may open another round. Every status change of a
-- round is written together with the job row (jobs.latest_round_*) and a
-- job_events row in one transaction.

-- Up Migration

CREATE TABLE job_rounds (
  id                      uuid          NOT NULL DEFAULT gen_random_uuid(),
  job_id                  uuid          NOT NULL,
  round_number            integer       NOT NULL,
  round_id                varchar(128)  NOT NULL,
  status                  round_status  NOT NULL DEFAULT 'DRAFT',
  server_revision_id      varchar(128),
  review_revision         integer       NOT NULL DEFAULT 0,
  client_revision_id      varchar(128),
  manifest                jsonb         NOT NULL DEFAULT '[]'::jsonb,
  client_form_patch       jsonb,
  review_payload          jsonb,
  submitted_at            timestamptz,
  processing_started_at   timestamptz,
  processing_finished_at  timestamptz,
  failure_reason          text,
  created_at              timestamptz   NOT NULL DEFAULT now(),
  updated_at              timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_job_rounds PRIMARY KEY (id),
  CONSTRAINT uq_job_rounds_job_round_number UNIQUE (job_id, round_number),
  CONSTRAINT uq_job_rounds_job_round_id UNIQUE (job_id, round_id),
  CONSTRAINT fk_job_rounds_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE,
  CONSTRAINT ck_job_rounds_round_number_positive CHECK (round_number > 0),
  CONSTRAINT ck_job_rounds_round_id_matches_number CHECK (round_id = 'round_' || round_number),
  CONSTRAINT ck_job_rounds_review_revision_not_negative CHECK (review_revision >= 0),
  CONSTRAINT ck_job_rounds_manifest_array CHECK (jsonb_typeof(manifest) = 'array'),
  CONSTRAINT ck_job_rounds_client_form_patch_object CHECK (jsonb_typeof(client_form_patch) = 'object'),
  CONSTRAINT ck_job_rounds_review_payload_object CHECK (jsonb_typeof(review_payload) = 'object'),
  CONSTRAINT ck_job_rounds_failed_has_reason CHECK (status <> 'FAILED' OR failure_reason IS NOT NULL)
);
CREATE INDEX ix_job_rounds_status ON job_rounds (status) WHERE status = 'SUBMITTED_FOR_PROCESSING';
CREATE TRIGGER tg_job_rounds_updated_at BEFORE UPDATE ON job_rounds
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE job_rounds IS 'Working review rounds of a job (round_1, round_2, ...). May be pruned after the job is archived unless a final references them.';
COMMENT ON COLUMN job_rounds.id IS 'Internal key; media and artifacts reference it as round_pk.';
COMMENT ON COLUMN job_rounds.job_id IS 'The job the round belongs to.';
COMMENT ON COLUMN job_rounds.round_number IS 'n of round_<n>; allocated as max + 1 while the job row is locked.';
COMMENT ON COLUMN job_rounds.round_id IS 'Public round id, always round_<round_number>.';
COMMENT ON COLUMN job_rounds.status IS 'Workflow state of the round.';
COMMENT ON COLUMN job_rounds.server_revision_id IS 'Revision of the review the server returned (rev_<round_id>_<review_revision>); NULL before the first review.';
COMMENT ON COLUMN job_rounds.review_revision IS 'Bumped each time review_payload changes.';
COMMENT ON COLUMN job_rounds.client_revision_id IS 'Opaque revision the device sent with its last submit; stored with the submit transition so a reconciliation read sees it at once.';
COMMENT ON COLUMN job_rounds.manifest IS 'JSON array of manifest items (artifact_id, section_id, client_order, kind, issue_id, recorded_at); replaced whole by each PUT.';
COMMENT ON COLUMN job_rounds.client_form_patch IS 'The form edits the device sent with its last submit; kept so a reprocess re-applies them.';
COMMENT ON COLUMN job_rounds.review_payload IS 'The review returned to the device: transcript, draft form, narrative, images, failures.';
COMMENT ON COLUMN job_rounds.submitted_at IS 'When the round was last submitted (or reprocessed).';
COMMENT ON COLUMN job_rounds.processing_started_at IS 'When a worker last started processing the round.';
COMMENT ON COLUMN job_rounds.processing_finished_at IS 'When processing last finished, successfully or not.';
COMMENT ON COLUMN job_rounds.failure_reason IS 'Why the round is FAILED (processing error or the stuck-round watchdog).';
COMMENT ON COLUMN job_rounds.created_at IS 'When the round was opened.';
COMMENT ON COLUMN job_rounds.updated_at IS 'When the row last changed (maintained by trigger).';

-- jobs.latest_round_id must name one of the job's own rounds.
ALTER TABLE jobs ADD CONSTRAINT fk_jobs_latest_round
  FOREIGN KEY (id, latest_round_id) REFERENCES job_rounds (job_id, round_id);

-- Down Migration

ALTER TABLE jobs DROP CONSTRAINT fk_jobs_latest_round;
DROP TABLE job_rounds;
