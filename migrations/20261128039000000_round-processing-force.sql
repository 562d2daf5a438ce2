-- Reprocessing a round: the worker must know to re-transcribe every recording.

-- Up Migration

ALTER TABLE job_rounds ADD COLUMN processing_force boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN job_rounds.processing_force IS 'True when the pending processing is a reprocess: every recording is transcribed again, caches ignored.';

-- Down Migration

ALTER TABLE job_rounds DROP COLUMN processing_force;
