/* @name PreserveUpdatedAt */
-- For this transaction only: set_updated_at() keeps the source rows' updated_at.
SELECT set_config('traq.preserve_updated_at', 'on', true) AS "set!";

/* @name ImportDevice */
INSERT INTO devices (id, device_id, device_name, app_version, role, status, profile_summary, approved_at, revoked_at,
                     pairing_used_at, last_seen_at, created_at, updated_at)
VALUES (:id!, :deviceId!, :deviceName, :appVersion, :role!, :status!, :profileSummary!, :approvedAt, :revokedAt,
        :pairingUsedAt, :lastSeenAt, :createdAt!, :updatedAt!)
ON CONFLICT DO NOTHING;

/* @name ImportDeviceToken */
-- Only the SHA-256 of the old plaintext token is kept.
INSERT INTO device_tokens (id, token_hash, device_id, role, expires_at, revoked, revoked_at, created_at, updated_at)
VALUES (:id!, :tokenHash!, :devicePk!, :role!, :expiresAt!, :revoked!, :revokedAt, :createdAt!, :updatedAt!)
ON CONFLICT DO NOTHING;

/* @name ImportProfile */
INSERT INTO runtime_profiles (id, identity_key, profile_payload, created_at, updated_at)
VALUES (:id!, :identityKey!, :payload!, :createdAt!, :updatedAt!)
ON CONFLICT DO NOTHING;

/* @name ImportCustomer */
INSERT INTO customers (id, customer_code, name, phone, address, created_at, updated_at)
VALUES (:id!, :code!, :name!, :phone, :address, :createdAt!, :updatedAt!)
ON CONFLICT DO NOTHING;

/* @name ImportBillingProfile */
INSERT INTO billing_profiles (id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference, created_at, updated_at)
VALUES (:id!, :code!, :name, :contactName, :address, :contactPreference, :createdAt!, :updatedAt!)
ON CONFLICT DO NOTHING;

/* @name ImportProject */
INSERT INTO projects (id, project_id, name, slug, created_at, updated_at)
VALUES (:id!, :projectId!, :name!, :slug!, :createdAt!, :updatedAt!)
ON CONFLICT DO NOTHING;

/* @name ImportOperator */
INSERT INTO operators (id, name, created_at, updated_at)
VALUES (:id!, :name!, :createdAt!, :updatedAt!)
ON CONFLICT DO NOTHING;

/* @name ImportTree */
INSERT INTO trees (id, customer_id, tree_number, created_at, updated_at)
VALUES (:id!, :customerId!, :treeNumber!, :createdAt!, :updatedAt!)
ON CONFLICT DO NOTHING;

/* @name FindTree */
SELECT id, tree_number FROM trees WHERE customer_id = :customerId! AND tree_number = :treeNumber!;

/* @name RaiseCounter */
-- Keeps a code counter ahead of the imported codes; never lowers it, never touches it when already ahead.
UPDATE runtime_counters SET current_value = :value!
 WHERE counter_key = :key! AND current_value < :value!;

/* @name ImportedJob */
-- Whether a job id is already here, and whether an import of it completed (its audit row exists).
SELECT j.id, j.job_number,
       EXISTS (SELECT 1 FROM job_events e WHERE e.job_id = j.id AND e.event_type = 'imported') AS "imported!"
  FROM jobs j
 WHERE j.id = :id! OR j.job_id = :jobId! OR j.job_number = :jobNumber!;

/* @name ImportJob */
-- Inserted without its latest round (the rounds reference the job); SetImportedLatestRound fills it in.
INSERT INTO jobs (id, job_id, job_number, customer_id, billing_profile_id, project_id, operator_id, tree_id, tree_number,
                  job_name, job_address, reason, location_notes, tree_species, status, archived_at, created_at, updated_at)
VALUES (:id!, :jobId!, :jobNumber!, :customerId, :billingProfileId, :projectId, :operatorId, :treeId, :treeNumber,
        :jobName, :jobAddress, :reason, :locationNotes, :treeSpecies, :status!, :archivedAt, :createdAt!, :updatedAt!);

/* @name SetImportedLatestRound */
UPDATE jobs SET latest_round_id = :roundId!, latest_round_status = :roundStatus!
 WHERE id = :id!;

/* @name ImportRound */
INSERT INTO job_rounds (id, job_id, round_number, round_id, status, server_revision_id, client_revision_id, manifest,
                        review_payload, failure_reason, created_at, updated_at)
VALUES (:id!, :jobPk!, :roundNumber!, :roundId!, :status!, :serverRevisionId, :clientRevisionId, :manifest!,
        :reviewPayload, :failureReason, :createdAt!, :updatedAt!);

/* @name ImportRecording */
INSERT INTO round_recordings (id, round_pk, section_id, recording_id, upload_status, content_type, byte_size, sha256,
                              duration_ms, artifact_path, transcript_text, metadata_json, uploaded_at, created_at, updated_at)
VALUES (:id!, :roundPk!, :sectionId!, :recordingId!, :uploadStatus!, :contentType, :byteSize, :sha256,
        :durationMs, :artifactPath, :transcriptText, :metadata, :uploadedAt, :createdAt!, :updatedAt!);

/* @name ImportImage */
INSERT INTO round_images (id, round_pk, section_id, image_id, upload_status, content_type, byte_size, sha256, caption,
                          latitude, longitude, artifact_path, report_artifact_path, report_byte_size, metadata_json,
                          uploaded_at, created_at, updated_at)
VALUES (:id!, :roundPk!, :sectionId!, :imageId!, :uploadStatus!, :contentType, :byteSize, :sha256, :caption,
        :latitude, :longitude, :artifactPath, :reportArtifactPath, :reportByteSize, :metadata,
        :uploadedAt, :createdAt!, :updatedAt!);

/* @name ImportFinal */
INSERT INTO job_finals (id, job_id, kind, round_pk, round_id, client_revision_id, server_revision_id, actor_identity,
                        payload, created_at, updated_at)
VALUES (:id!, :jobPk!, :kind!, :roundPk, :roundId, :clientRevisionId, :serverRevisionId, 'system',
        :payload!, :createdAt!, :updatedAt!);

/* @name ImportGeojson */
INSERT INTO job_geojson_exports (id, job_id, job_final_id, kind, payload, created_at, updated_at)
VALUES (:id!, :jobPk!, :jobFinalId!, :kind!, :payload!, :createdAt!, :updatedAt!);

/* @name ImportArtifact */
INSERT INTO artifacts (id, job_id, round_pk, job_final_id, kind, path, content_type, byte_size, sha256, metadata_json, created_at)
VALUES (:id!, :jobPk, :roundPk, :jobFinalId, :kind!, :path!, :contentType, :byteSize!, :sha256!, :metadata, :createdAt!)
ON CONFLICT DO NOTHING;

/* @name ImportAssignment */
INSERT INTO job_assignments (id, job_id, device_id, assigned_by, assigned_at, updated_at)
VALUES (:id!, :jobPk!, :devicePk!, :assignedBy!, :assignedAt!, :updatedAt!);

/* @name ImportEvent */
-- A row of the old audit trail (the old runtime wrote none; its legacy importer might have).
INSERT INTO job_events (id, job_id, device_id, event_type, actor_identity, payload, created_at)
VALUES (:id!, :jobPk, :devicePk, :eventType!, :actor!, :payload!, :createdAt!)
ON CONFLICT DO NOTHING;

/*
  @name CountImported
  @param ids -> (...)
*/
-- How many of the given ids a target table holds, for the end-of-run verification (one query per table kind).
SELECT 'devices' AS "table!", count(*)::int AS "count!" FROM devices WHERE id::text IN :ids!
UNION ALL SELECT 'device_tokens', count(*)::int FROM device_tokens WHERE id::text IN :ids!
UNION ALL SELECT 'runtime_profiles', count(*)::int FROM runtime_profiles WHERE id::text IN :ids!
UNION ALL SELECT 'customers', count(*)::int FROM customers WHERE id::text IN :ids!
UNION ALL SELECT 'billing_profiles', count(*)::int FROM billing_profiles WHERE id::text IN :ids!
UNION ALL SELECT 'projects', count(*)::int FROM projects WHERE id::text IN :ids!
UNION ALL SELECT 'operators', count(*)::int FROM operators WHERE id::text IN :ids!
UNION ALL SELECT 'trees', count(*)::int FROM trees WHERE id::text IN :ids!
UNION ALL SELECT 'jobs', count(*)::int FROM jobs WHERE id::text IN :ids!
UNION ALL SELECT 'job_assignments', count(*)::int FROM job_assignments WHERE id::text IN :ids!
UNION ALL SELECT 'job_rounds', count(*)::int FROM job_rounds WHERE id::text IN :ids!
UNION ALL SELECT 'round_recordings', count(*)::int FROM round_recordings WHERE id::text IN :ids!
UNION ALL SELECT 'round_images', count(*)::int FROM round_images WHERE id::text IN :ids!
UNION ALL SELECT 'job_finals', count(*)::int FROM job_finals WHERE id::text IN :ids!
UNION ALL SELECT 'job_geojson_exports', count(*)::int FROM job_geojson_exports WHERE id::text IN :ids!
UNION ALL SELECT 'artifacts', count(*)::int FROM artifacts WHERE id::text IN :ids!
UNION ALL SELECT 'job_events', count(*)::int FROM job_events WHERE id::text IN :ids!;

/*
  @name ListArtifactChecks
  @param paths -> (...)
*/
-- The sizes and hashes the target recorded for the given keys (artifacts index, recordings, photos).
SELECT path AS "path!", byte_size AS "byte_size!", sha256 AS "sha256!" FROM artifacts WHERE path IN :paths!
UNION ALL SELECT artifact_path, byte_size, sha256 FROM round_recordings WHERE artifact_path IN :paths! AND sha256 IS NOT NULL
UNION ALL SELECT artifact_path, byte_size, sha256 FROM round_images WHERE artifact_path IN :paths! AND sha256 IS NOT NULL;
