/* @name InsertConsoleSession */
INSERT INTO console_sessions (token_hash, csrf_token, key_fingerprint, user_agent, expires_at)
VALUES (:tokenHash!, :csrfToken!, :keyFingerprint!, :userAgent, now() + make_interval(secs => :ttlSeconds!::int))
RETURNING id, expires_at;

/* @name TouchConsoleSession */
-- A live session of the admin key in force; touching it records use (the lifetime is fixed, never extended).
UPDATE console_sessions
   SET last_seen_at = now()
 WHERE token_hash = :tokenHash!
   AND key_fingerprint = :keyFingerprint!
   AND expires_at > now()
RETURNING id, csrf_token, expires_at;

/* @name DeleteConsoleSession */
DELETE FROM console_sessions WHERE token_hash = :tokenHash! RETURNING id;

/* @name DeleteExpiredConsoleSessions */
DELETE FROM console_sessions WHERE expires_at <= now() RETURNING id;

/* @name ConsoleJobPage */
-- One page of the console's job table. search matches job number, job id, job name,
-- customer name or code and address (case-insensitive); total is the count before paging.
SELECT j.job_id, j.job_number, j.status, j.tree_number, j.job_name, j.job_address,
       j.latest_round_id, j.latest_round_status, j.updated_at,
       c.name AS "customer_name?", c.customer_code AS "customer_code?",
       p.name AS "project?", p.project_id AS "project_id?",
       d.device_id AS "assigned_device_id?", d.device_name AS "assigned_device_name?",
       count(*) OVER ()::int AS "total!"
  FROM jobs j
  LEFT JOIN customers c ON c.id = j.customer_id
  LEFT JOIN projects p ON p.id = j.project_id
  LEFT JOIN job_assignments a ON a.job_id = j.id
  LEFT JOIN devices d ON d.id = a.device_id
 WHERE (:status::job_status IS NULL OR j.status = :status::job_status)
   AND (:projectId::text IS NULL OR p.project_id = :projectId::text)
   AND (:search::text IS NULL
        OR j.job_number ILIKE '%' || :search::text || '%'
        OR j.job_id ILIKE '%' || :search::text || '%'
        OR j.job_name ILIKE '%' || :search::text || '%'
        OR j.job_address ILIKE '%' || :search::text || '%'
        OR c.name ILIKE '%' || :search::text || '%'
        OR c.customer_code ILIKE '%' || :search::text || '%')
 ORDER BY j.updated_at DESC, j.job_number DESC
 LIMIT :limit!::int OFFSET :offset!::int;

/* @name ConsoleJobRounds */
SELECT r.round_id, r.round_number, r.status, r.server_revision_id, r.client_revision_id,
       r.review_payload, r.failure_reason, r.submitted_at, r.processing_finished_at,
       r.created_at, r.updated_at
  FROM job_rounds r
 WHERE r.job_id = :jobPk!
 ORDER BY r.round_number DESC;

/* @name ConsoleJobRecordings */
SELECT r.round_id, m.section_id, m.recording_id, m.upload_status, m.content_type, m.byte_size,
       m.duration_ms, m.transcript_text, m.transcription_error, m.uploaded_at,
       m.artifact_path IS NOT NULL AS "has_audio!"
  FROM round_recordings m
  JOIN job_rounds r ON r.id = m.round_pk
 WHERE r.job_id = :jobPk!
 ORDER BY r.round_number DESC, m.section_id, m.recording_id;

/* @name ConsoleRecordingFile */
SELECT m.content_type, m.byte_size, m.artifact_path
  FROM round_recordings m
  JOIN job_rounds r ON r.id = m.round_pk
 WHERE r.job_id = :jobPk! AND r.round_id = :roundId! AND m.recording_id = :recordingId!;

/* @name ConsoleJobImages */
SELECT r.round_id, i.image_id, i.upload_status, i.caption, i.latitude, i.longitude, i.uploaded_at,
       i.artifact_path IS NOT NULL AS "has_image!"
  FROM round_images i
  JOIN job_rounds r ON r.id = i.round_pk
 WHERE r.job_id = :jobPk!
 ORDER BY r.round_number DESC, i.image_id;

/* @name ConsoleImageFile */
-- The report variant (rotated, bounded) when there is one: what a browser should show.
SELECT COALESCE(i.report_artifact_path, i.artifact_path) AS path,
       CASE WHEN i.report_artifact_path IS NOT NULL THEN 'image/jpeg' ELSE i.content_type END AS content_type
  FROM round_images i
  JOIN job_rounds r ON r.id = i.round_pk
 WHERE r.job_id = :jobPk! AND r.round_id = :roundId! AND i.image_id = :imageId!;

/* @name ConsoleJobFinals */
SELECT f.kind, f.round_id, f.actor_identity, f.payload, f.created_at, f.updated_at
  FROM job_finals f
 WHERE f.job_id = :jobPk!
 ORDER BY f.created_at;

/* @name ConsoleMapJobs */
-- Every job with the form its map point comes from: the correction's, else the final's,
-- else the latest round's review (draft_form.data, or form in older payloads).
SELECT j.job_id, j.job_number, j.status, j.job_name, c.name AS "customer_name?",
       COALESCE(fc.payload -> 'form' -> 'data', ff.payload -> 'form' -> 'data',
                r.review_payload -> 'draft_form' -> 'data', r.review_payload -> 'form') AS form_data
  FROM jobs j
  LEFT JOIN customers c ON c.id = j.customer_id
  LEFT JOIN job_finals fc ON fc.job_id = j.id AND fc.kind = 'correction'
  LEFT JOIN job_finals ff ON ff.job_id = j.id AND ff.kind = 'final'
  LEFT JOIN job_rounds r ON r.job_id = j.id AND r.round_id = j.latest_round_id
 ORDER BY j.job_number;
