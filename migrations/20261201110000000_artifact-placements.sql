-- Up Migration

-- Crash safety of artifact writes (issue #12 items 1, 2): a write request stages its bytes under a temp key,
-- and the same transaction that writes the rows naming the final keys also records here where the staged
-- bytes must go. After COMMIT the request performs the moves and deletes these rows; a request killed in
-- between leaves the rows, and the same-request retry or the start-up recovery pass finishes the moves.
CREATE TABLE artifact_placements (
  id          bigint       GENERATED ALWAYS AS IDENTITY,
  job_id      uuid         NOT NULL,
  staged_key  text,
  key         text         NOT NULL,
  byte_size   bigint,
  sha256      char(64),
  created_at  timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT pk_artifact_placements PRIMARY KEY (id),
  CONSTRAINT fk_artifact_placements_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE,
  CONSTRAINT uq_artifact_placements_staged_key UNIQUE (staged_key),
  CONSTRAINT ck_artifact_placements_key_relative CHECK (key <> '' AND key !~ '^/' AND key !~ '(^|/)\.\.?(/|$)' AND key !~ '\\'),
  CONSTRAINT ck_artifact_placements_staged_or_delete CHECK ((staged_key IS NULL) = (sha256 IS NULL) AND (staged_key IS NULL) = (byte_size IS NULL)),
  CONSTRAINT ck_artifact_placements_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  CONSTRAINT ck_artifact_placements_byte_size_not_negative CHECK (byte_size >= 0)
);
CREATE INDEX ix_artifact_placements_job_id ON artifact_placements (job_id);

COMMENT ON TABLE artifact_placements IS 'Committed but not yet performed artifact moves and deletions (crash recovery of artifact writes). Rows live for milliseconds unless the process died after COMMIT; the retry or the start-up recovery pass performs them in id order, the latest per key winning.';
COMMENT ON COLUMN artifact_placements.id IS 'Order of commit per job (every writer holds the job row lock while inserting).';
COMMENT ON COLUMN artifact_placements.job_id IS 'The job whose rows name the key; recovery of one job (a retry) takes only its rows.';
COMMENT ON COLUMN artifact_placements.staged_key IS 'Artifact store temp key holding the bytes to move into key; NULL: key is to be deleted (a replaced file under another name).';
COMMENT ON COLUMN artifact_placements.key IS 'The artifact key the committed rows name.';
COMMENT ON COLUMN artifact_placements.byte_size IS 'Size of the staged bytes, as the rows record it (NULL for a deletion).';
COMMENT ON COLUMN artifact_placements.sha256 IS 'sha256 of the staged bytes, as the rows record it (NULL for a deletion).';
COMMENT ON COLUMN artifact_placements.created_at IS 'When the placement was committed.';

-- Down Migration
DROP TABLE artifact_placements;
