/* @name FindRecording */
SELECT id, section_id, recording_id, content_type, byte_size, sha256, artifact_path
  FROM round_recordings
 WHERE round_pk = :roundPk! AND recording_id = :recordingId!;

/* @name UpsertRecording */
-- New bytes for a recording id: the cached transcript belongs to the old bytes, so it goes.
INSERT INTO round_recordings
  (round_pk, section_id, recording_id, upload_status, content_type, byte_size, sha256, duration_ms,
   artifact_path, metadata_json, uploaded_at)
VALUES
  (:roundPk!, :sectionId!, :recordingId!, 'uploaded', :contentType!, :byteSize!, :sha256!, :durationMs,
   :artifactPath!, :metadata!, now())
ON CONFLICT (round_pk, recording_id) DO UPDATE
   SET upload_status = 'uploaded', content_type = EXCLUDED.content_type, byte_size = EXCLUDED.byte_size,
       sha256 = EXCLUDED.sha256, duration_ms = EXCLUDED.duration_ms, artifact_path = EXCLUDED.artifact_path,
       metadata_json = EXCLUDED.metadata_json, uploaded_at = now(),
       transcript_text = NULL, transcription_error = NULL, transcribed_at = NULL
RETURNING id;

/* @name FindImage */
SELECT id, image_id, content_type, byte_size, sha256, artifact_path, report_artifact_path,
       caption, latitude, longitude
  FROM round_images
 WHERE round_pk = :roundPk! AND image_id = :imageId!;

/* @name CountJobImages */
-- Distinct photo ids of the whole job (every round), and whether this id is one of them: the 5-photo limit is per job.
SELECT count(DISTINCT i.image_id)::int AS "count!",
       bool_or(i.image_id = :imageId!) AS "already_known"
  FROM round_images i
  JOIN job_rounds r ON r.id = i.round_pk
 WHERE r.job_id = :jobPk!;

/* @name UpsertImage */
-- A re-upload replaces the bytes and keeps caption and GPS.
INSERT INTO round_images
  (round_pk, image_id, upload_status, content_type, byte_size, sha256, artifact_path,
   report_artifact_path, report_byte_size, metadata_json, uploaded_at)
VALUES
  (:roundPk!, :imageId!, 'uploaded', :contentType!, :byteSize!, :sha256!, :artifactPath!,
   :reportArtifactPath!, :reportByteSize!, :metadata!, now())
ON CONFLICT (round_pk, image_id) DO UPDATE
   SET upload_status = 'uploaded', content_type = EXCLUDED.content_type, byte_size = EXCLUDED.byte_size,
       sha256 = EXCLUDED.sha256, artifact_path = EXCLUDED.artifact_path,
       report_artifact_path = EXCLUDED.report_artifact_path, report_byte_size = EXCLUDED.report_byte_size,
       metadata_json = EXCLUDED.metadata_json, uploaded_at = now()
RETURNING id;

/* @name UpdateImageDetails */
-- Caption and GPS from PATCH; the caller passes the current value for anything the body left out.
UPDATE round_images
   SET caption = :caption, latitude = :latitude, longitude = :longitude
 WHERE id = :imagePk!;
