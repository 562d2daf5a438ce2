-- Finals, corrections, GeoJSON exports and the artifact index.
--
-- Finalizing a job stores an immutable snapshot (kind final) of the reviewed
-- form; a later correction is kept beside it (kind correction, replaceable).
-- Every file the server produces for a final (TRAQ PDF, report letter PDF and
-- DOCX, final.json, GeoJSON) is indexed in artifacts with its size and
-- SHA-256. A final row can never be updated or deleted: the database refuses.

-- Up Migration

CREATE TABLE job_finals (
  id                      uuid          NOT NULL DEFAULT gen_random_uuid(),
  job_id                  uuid          NOT NULL,
  kind                    varchar(32)   NOT NULL,
  round_pk                uuid,
  round_id                varchar(128),
  client_revision_id      varchar(128),
  server_revision_id      varchar(128),
  finalized_by_device_id  uuid,
  actor_identity          varchar(255)  NOT NULL,
  payload                 jsonb         NOT NULL,
  created_at              timestamptz   NOT NULL DEFAULT now(),
  updated_at              timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_job_finals PRIMARY KEY (id),
  CONSTRAINT uq_job_finals_job_kind UNIQUE (job_id, kind),
  CONSTRAINT fk_job_finals_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE,
  CONSTRAINT fk_job_finals_round FOREIGN KEY (round_pk) REFERENCES job_rounds (id),
  CONSTRAINT fk_job_finals_device FOREIGN KEY (finalized_by_device_id) REFERENCES devices (id) ON DELETE SET NULL,
  CONSTRAINT ck_job_finals_kind CHECK (kind IN ('final', 'correction')),
  CONSTRAINT ck_job_finals_payload_object CHECK (jsonb_typeof(payload) = 'object')
);
CREATE INDEX ix_job_finals_round_pk ON job_finals (round_pk);
CREATE INDEX ix_job_finals_finalized_by_device_id ON job_finals (finalized_by_device_id);
CREATE TRIGGER tg_job_finals_updated_at BEFORE UPDATE ON job_finals
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE FUNCTION refuse_final_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'job_finals row % of kind final is immutable (% refused)', OLD.id, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
COMMENT ON FUNCTION refuse_final_change() IS 'Trigger function: refuses any UPDATE or DELETE of an original final snapshot.';
CREATE TRIGGER tg_job_finals_final_immutable BEFORE UPDATE OR DELETE ON job_finals
  FOR EACH ROW WHEN (OLD.kind = 'final') EXECUTE FUNCTION refuse_final_change();

COMMENT ON TABLE job_finals IS 'Archived snapshots of a job: at most one original final (immutable) and one correction (replaceable) per job. Kept forever.';
COMMENT ON COLUMN job_finals.id IS 'Internal key.';
COMMENT ON COLUMN job_finals.job_id IS 'The finalized job.';
COMMENT ON COLUMN job_finals.kind IS 'final (the first, never changes) or correction (the latest re-finalization after an admin unlock).';
COMMENT ON COLUMN job_finals.round_pk IS 'The round whose review was finalized; such a round is never pruned.';
COMMENT ON COLUMN job_finals.round_id IS 'round_<n> of that round, as the payload names it.';
COMMENT ON COLUMN job_finals.client_revision_id IS 'Revision the device sent with the final; a retry with the same value returns this row instead of making a correction.';
COMMENT ON COLUMN job_finals.server_revision_id IS 'Review revision the final was made from.';
COMMENT ON COLUMN job_finals.finalized_by_device_id IS 'Device that finalized; it keeps read access to the outputs after the job is unassigned.';
COMMENT ON COLUMN job_finals.actor_identity IS 'Who finalized: device:<device_id> or admin.';
COMMENT ON COLUMN job_finals.payload IS 'The final.json document: form, transcript, narrative, report images, profile, archived_at.';
COMMENT ON COLUMN job_finals.created_at IS 'When the snapshot was stored.';
COMMENT ON COLUMN job_finals.updated_at IS 'When the row last changed (corrections only; maintained by trigger).';

CREATE TABLE job_geojson_exports (
  id            uuid         NOT NULL DEFAULT gen_random_uuid(),
  job_id        uuid         NOT NULL,
  job_final_id  uuid         NOT NULL,
  kind          varchar(32)  NOT NULL,
  payload       jsonb        NOT NULL,
  created_at    timestamptz  NOT NULL DEFAULT now(),
  updated_at    timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT pk_job_geojson_exports PRIMARY KEY (id),
  CONSTRAINT uq_job_geojson_exports_job_kind UNIQUE (job_id, kind),
  CONSTRAINT fk_job_geojson_exports_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE,
  CONSTRAINT fk_job_geojson_exports_final FOREIGN KEY (job_final_id) REFERENCES job_finals (id) ON DELETE CASCADE,
  CONSTRAINT ck_job_geojson_exports_kind CHECK (kind IN ('final', 'correction')),
  CONSTRAINT ck_job_geojson_exports_payload_object CHECK (jsonb_typeof(payload) = 'object')
);
CREATE INDEX ix_job_geojson_exports_job_final_id ON job_geojson_exports (job_final_id);
CREATE TRIGGER tg_job_geojson_exports_updated_at BEFORE UPDATE ON job_geojson_exports
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE job_geojson_exports IS 'Public-map GeoJSON of each final and correction, scrubbed of private details.';
COMMENT ON COLUMN job_geojson_exports.id IS 'Internal key.';
COMMENT ON COLUMN job_geojson_exports.job_id IS 'The job the GeoJSON describes.';
COMMENT ON COLUMN job_geojson_exports.job_final_id IS 'The final or correction it was made from.';
COMMENT ON COLUMN job_geojson_exports.kind IS 'final or correction, as the snapshot it was made from.';
COMMENT ON COLUMN job_geojson_exports.payload IS 'The GeoJSON FeatureCollection as published.';
COMMENT ON COLUMN job_geojson_exports.created_at IS 'When it was first stored.';
COMMENT ON COLUMN job_geojson_exports.updated_at IS 'When it was last replaced (maintained by trigger).';

CREATE TYPE artifact_kind AS ENUM
  ('audio', 'image', 'image_report', 'transcript_txt', 'review_json', 'final_json',
   'final_pdf', 'report_pdf', 'report_docx', 'geojson');
COMMENT ON TYPE artifact_kind IS 'What a stored file is; decides how the retention policy treats it.';

CREATE TABLE artifacts (
  id             uuid           NOT NULL DEFAULT gen_random_uuid(),
  job_id         uuid,
  round_pk       uuid,
  job_final_id   uuid,
  kind           artifact_kind  NOT NULL,
  path           text           NOT NULL,
  content_type   varchar(255),
  byte_size      bigint         NOT NULL,
  sha256         char(64)       NOT NULL,
  metadata_json  jsonb,
  created_at     timestamptz    NOT NULL DEFAULT now(),
  CONSTRAINT pk_artifacts PRIMARY KEY (id),
  CONSTRAINT uq_artifacts_path UNIQUE (path),
  CONSTRAINT fk_artifacts_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE,
  CONSTRAINT fk_artifacts_round FOREIGN KEY (round_pk) REFERENCES job_rounds (id) ON DELETE CASCADE,
  CONSTRAINT fk_artifacts_final FOREIGN KEY (job_final_id) REFERENCES job_finals (id) ON DELETE CASCADE,
  CONSTRAINT ck_artifacts_linked CHECK (num_nonnulls(job_id, round_pk, job_final_id) >= 1),
  CONSTRAINT ck_artifacts_path_relative CHECK (path <> '' AND path !~ '^/' AND path !~ '(^|/)\.\.?(/|$)' AND path !~ '\\'),
  CONSTRAINT ck_artifacts_byte_size_not_negative CHECK (byte_size >= 0),
  CONSTRAINT ck_artifacts_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  CONSTRAINT ck_artifacts_metadata_object CHECK (jsonb_typeof(metadata_json) = 'object')
);
CREATE INDEX ix_artifacts_job_id ON artifacts (job_id);
CREATE INDEX ix_artifacts_round_pk ON artifacts (round_pk);
CREATE INDEX ix_artifacts_job_final_id ON artifacts (job_final_id);

COMMENT ON TABLE artifacts IS 'Index of files in the artifact store that belong to a job, a round or a final, with size and SHA-256 as written.';
COMMENT ON COLUMN artifacts.id IS 'Internal key.';
COMMENT ON COLUMN artifacts.job_id IS 'Owning job, when the file belongs to the job as a whole.';
COMMENT ON COLUMN artifacts.round_pk IS 'Owning round, for working files of a round.';
COMMENT ON COLUMN artifacts.job_final_id IS 'Owning final or correction, for its rendered outputs.';
COMMENT ON COLUMN artifacts.kind IS 'What the file is.';
COMMENT ON COLUMN artifacts.path IS 'Artifact store key: a relative POSIX path under the storage root.';
COMMENT ON COLUMN artifacts.content_type IS 'MIME type the file is served with.';
COMMENT ON COLUMN artifacts.byte_size IS 'Size in bytes as written.';
COMMENT ON COLUMN artifacts.sha256 IS 'SHA-256 (hex) of the bytes as written.';
COMMENT ON COLUMN artifacts.metadata_json IS 'Extra facts about the file, informational only.';
COMMENT ON COLUMN artifacts.created_at IS 'When the file was recorded.';

-- Down Migration

DROP TABLE artifacts;
DROP TYPE artifact_kind;
DROP TABLE job_geojson_exports;
DROP TRIGGER tg_job_finals_final_immutable ON job_finals;
DROP FUNCTION refuse_final_change();
DROP TABLE job_finals;
