-- Media metadata: the voice notes and photos a device uploads into a round.
--
-- The bytes live in the artifact store under keys that include the round, so
-- rounds never overwrite each other's media; these rows record where, how big
-- and the SHA-256 of what was received. Uploads are idempotent by the
-- client-chosen recording_id / image_id.

-- Up Migration

CREATE TYPE upload_status AS ENUM ('pending', 'uploading', 'uploaded', 'processed', 'failed');
COMMENT ON TYPE upload_status IS 'State of an uploaded media file; the API writes uploaded once the bytes are stored.';

CREATE TABLE round_recordings (
  id                   uuid           NOT NULL DEFAULT gen_random_uuid(),
  round_pk             uuid           NOT NULL,
  section_id           varchar(128)   NOT NULL,
  recording_id         varchar(255)   NOT NULL,
  upload_status        upload_status  NOT NULL DEFAULT 'pending',
  content_type         varchar(255),
  byte_size            bigint,
  sha256               char(64),
  duration_ms          integer,
  artifact_path        text,
  transcript_text      text,
  transcription_error  text,
  transcribed_at       timestamptz,
  metadata_json        jsonb,
  uploaded_at          timestamptz,
  created_at           timestamptz    NOT NULL DEFAULT now(),
  updated_at           timestamptz    NOT NULL DEFAULT now(),
  CONSTRAINT pk_round_recordings PRIMARY KEY (id),
  CONSTRAINT uq_round_recordings_round_recording_id UNIQUE (round_pk, recording_id),
  CONSTRAINT fk_round_recordings_round FOREIGN KEY (round_pk) REFERENCES job_rounds (id) ON DELETE CASCADE,
  CONSTRAINT ck_round_recordings_section_id_format CHECK (section_id ~ '^[A-Za-z0-9_][A-Za-z0-9_.-]*$'),
  CONSTRAINT ck_round_recordings_recording_id_format CHECK (recording_id ~ '^[A-Za-z0-9_][A-Za-z0-9_.:-]*$'),
  CONSTRAINT ck_round_recordings_byte_size_not_negative CHECK (byte_size >= 0),
  CONSTRAINT ck_round_recordings_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  CONSTRAINT ck_round_recordings_duration_not_negative CHECK (duration_ms >= 0),
  CONSTRAINT ck_round_recordings_metadata_object CHECK (jsonb_typeof(metadata_json) = 'object')
);
CREATE TRIGGER tg_round_recordings_updated_at BEFORE UPDATE ON round_recordings
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE round_recordings IS 'Voice notes uploaded into a round, one row per recording_id, with their transcript once processed.';
COMMENT ON COLUMN round_recordings.id IS 'Internal key.';
COMMENT ON COLUMN round_recordings.round_pk IS 'The round the recording was uploaded into.';
COMMENT ON COLUMN round_recordings.section_id IS 'TRAQ form section the voice note describes (site_factors, trunk, ...).';
COMMENT ON COLUMN round_recordings.recording_id IS 'Id the device chose; re-uploading the same id replaces the recording.';
COMMENT ON COLUMN round_recordings.upload_status IS 'uploaded once the bytes are stored.';
COMMENT ON COLUMN round_recordings.content_type IS 'Content-Type the device sent (audio/mp4, audio/wav, ...).';
COMMENT ON COLUMN round_recordings.byte_size IS 'Size of the stored audio in bytes.';
COMMENT ON COLUMN round_recordings.sha256 IS 'SHA-256 (hex) of the stored audio, computed while streaming.';
COMMENT ON COLUMN round_recordings.duration_ms IS 'Duration read from the audio container, NULL when it cannot be read.';
COMMENT ON COLUMN round_recordings.artifact_path IS 'Artifact store key of the audio file.';
COMMENT ON COLUMN round_recordings.transcript_text IS 'Cached transcript; cleared when new bytes are uploaded.';
COMMENT ON COLUMN round_recordings.transcription_error IS 'Why the last transcription failed, if it did.';
COMMENT ON COLUMN round_recordings.transcribed_at IS 'When transcript_text was produced.';
COMMENT ON COLUMN round_recordings.metadata_json IS 'Extra facts about the file (audio probe results), informational only.';
COMMENT ON COLUMN round_recordings.uploaded_at IS 'When the current bytes were uploaded.';
COMMENT ON COLUMN round_recordings.created_at IS 'When the recording was first uploaded.';
COMMENT ON COLUMN round_recordings.updated_at IS 'When the row last changed (maintained by trigger).';

CREATE TABLE round_images (
  id                    uuid              NOT NULL DEFAULT gen_random_uuid(),
  round_pk              uuid              NOT NULL,
  section_id            varchar(128)      NOT NULL DEFAULT 'job_photos',
  image_id              varchar(255)      NOT NULL,
  upload_status         upload_status     NOT NULL DEFAULT 'pending',
  content_type          varchar(255),
  byte_size             bigint,
  sha256                char(64),
  caption               text,
  latitude              double precision,
  longitude             double precision,
  artifact_path         text,
  report_artifact_path  text,
  report_byte_size      bigint,
  metadata_json         jsonb,
  uploaded_at           timestamptz,
  created_at            timestamptz       NOT NULL DEFAULT now(),
  updated_at            timestamptz       NOT NULL DEFAULT now(),
  CONSTRAINT pk_round_images PRIMARY KEY (id),
  CONSTRAINT uq_round_images_round_image_id UNIQUE (round_pk, image_id),
  CONSTRAINT fk_round_images_round FOREIGN KEY (round_pk) REFERENCES job_rounds (id) ON DELETE CASCADE,
  CONSTRAINT ck_round_images_section_job_photos CHECK (section_id = 'job_photos'),
  CONSTRAINT ck_round_images_image_id_format CHECK (image_id ~ '^[A-Za-z0-9_][A-Za-z0-9_.:-]*$'),
  CONSTRAINT ck_round_images_byte_size_not_negative CHECK (byte_size >= 0),
  CONSTRAINT ck_round_images_report_byte_size_not_negative CHECK (report_byte_size >= 0),
  CONSTRAINT ck_round_images_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  CONSTRAINT ck_round_images_latitude_range CHECK (latitude BETWEEN -90 AND 90),
  CONSTRAINT ck_round_images_longitude_range CHECK (longitude BETWEEN -180 AND 180),
  CONSTRAINT ck_round_images_metadata_object CHECK (jsonb_typeof(metadata_json) = 'object')
);
CREATE TRIGGER tg_round_images_updated_at BEFORE UPDATE ON round_images
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE round_images IS 'Photos uploaded into a round (section job_photos only), with caption and GPS; the report letter shows up to five.';
COMMENT ON COLUMN round_images.id IS 'Internal key.';
COMMENT ON COLUMN round_images.round_pk IS 'The round the photo was uploaded into.';
COMMENT ON COLUMN round_images.section_id IS 'Always job_photos.';
COMMENT ON COLUMN round_images.image_id IS 'Id the device chose; re-uploading the same id replaces the bytes and keeps caption and GPS.';
COMMENT ON COLUMN round_images.upload_status IS 'uploaded once the bytes are stored.';
COMMENT ON COLUMN round_images.content_type IS 'Content-Type the device sent (image/jpeg, image/png).';
COMMENT ON COLUMN round_images.byte_size IS 'Size of the stored original in bytes.';
COMMENT ON COLUMN round_images.sha256 IS 'SHA-256 (hex) of the stored original, computed while streaming.';
COMMENT ON COLUMN round_images.caption IS 'Caption shown under the photo in the report letter.';
COMMENT ON COLUMN round_images.latitude IS 'WGS84 latitude in degrees where the photo was taken.';
COMMENT ON COLUMN round_images.longitude IS 'WGS84 longitude in degrees where the photo was taken.';
COMMENT ON COLUMN round_images.artifact_path IS 'Artifact store key of the original photo.';
COMMENT ON COLUMN round_images.report_artifact_path IS 'Artifact store key of the report variant (EXIF-rotated JPEG within 1600x1600).';
COMMENT ON COLUMN round_images.report_byte_size IS 'Size of the report variant in bytes.';
COMMENT ON COLUMN round_images.metadata_json IS 'Extra facts about the photo, informational only.';
COMMENT ON COLUMN round_images.uploaded_at IS 'When the current bytes were uploaded.';
COMMENT ON COLUMN round_images.created_at IS 'When the photo was first uploaded.';
COMMENT ON COLUMN round_images.updated_at IS 'When the row last changed (maintained by trigger).';

-- Down Migration

DROP TABLE round_images;
DROP TABLE round_recordings;
DROP TYPE upload_status;
