-- Durable round processing.
--
-- A submitted round is its own queue item: workers claim rounds in
-- SUBMITTED_FOR_PROCESSING with FOR UPDATE SKIP LOCKED and hold a lease they
-- renew while they work. A worker that crashes stops renewing; when its lease
-- lapses another worker claims the round again (up to a maximum number of
-- attempts). A watchdog fails rounds that stay submitted past a deadline.

-- Up Migration

ALTER TABLE job_rounds
  ADD COLUMN processing_attempts    integer      NOT NULL DEFAULT 0,
  ADD COLUMN processing_lease_until timestamptz,
  ADD COLUMN processing_worker      varchar(255),
  ADD COLUMN processing_run_after   timestamptz,
  ADD CONSTRAINT ck_job_rounds_processing_attempts_not_negative CHECK (processing_attempts >= 0);

CREATE INDEX ix_job_rounds_claimable ON job_rounds (submitted_at)
  WHERE status = 'SUBMITTED_FOR_PROCESSING';

COMMENT ON COLUMN job_rounds.processing_attempts IS 'How many times a worker has claimed the round since it was last submitted.';
COMMENT ON COLUMN job_rounds.processing_lease_until IS 'The claiming worker owns the round until this time and renews it while working; NULL when nobody holds it.';
COMMENT ON COLUMN job_rounds.processing_worker IS 'Id of the worker that holds (or last held) the lease, for operators.';
COMMENT ON COLUMN job_rounds.processing_run_after IS 'Not to be claimed before this time (back-off after a failed attempt); NULL means at once.';

-- Down Migration

DROP INDEX ix_job_rounds_claimable;
ALTER TABLE job_rounds
  DROP CONSTRAINT ck_job_rounds_processing_attempts_not_negative,
  DROP COLUMN processing_run_after,
  DROP COLUMN processing_worker,
  DROP COLUMN processing_lease_until,
  DROP COLUMN processing_attempts;
