/** Types generated for queries found in "queries/console.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type job_status = 'ARCHIVED' | 'DRAFT' | 'FAILED' | 'NOT_STARTED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type round_status = 'DRAFT' | 'FAILED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type upload_status = 'failed' | 'pending' | 'processed' | 'uploaded' | 'uploading';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'InsertConsoleSession' parameters type */
export interface IInsertConsoleSessionParams {
  csrfToken: string;
  keyFingerprint: string;
  tokenHash: string;
  ttlSeconds: number;
  userAgent?: string | null | void;
}

/** 'InsertConsoleSession' return type */
export interface IInsertConsoleSessionResult {
  /** After this the session is refused and the operator signs in again (fixed lifetime, not extended by use). */
  expires_at: Date;
  /** Internal key. */
  id: string;
}

/** 'InsertConsoleSession' query type */
export interface IInsertConsoleSessionQuery {
  params: IInsertConsoleSessionParams;
  result: IInsertConsoleSessionResult;
}

const insertConsoleSessionIR: any = {"usedParamSet":{"tokenHash":true,"csrfToken":true,"keyFingerprint":true,"userAgent":true,"ttlSeconds":true},"params":[{"name":"tokenHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":103,"b":113}]},{"name":"csrfToken","required":true,"transform":{"type":"scalar"},"locs":[{"a":116,"b":126}]},{"name":"keyFingerprint","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":144}]},{"name":"userAgent","required":false,"transform":{"type":"scalar"},"locs":[{"a":147,"b":156}]},{"name":"ttlSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":189,"b":200}]}],"statement":"INSERT INTO console_sessions (token_hash, csrf_token, key_fingerprint, user_agent, expires_at)\nVALUES (:tokenHash!, :csrfToken!, :keyFingerprint!, :userAgent, now() + make_interval(secs => :ttlSeconds!::int))\nRETURNING id, expires_at"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO console_sessions (token_hash, csrf_token, key_fingerprint, user_agent, expires_at)
 * VALUES (:tokenHash!, :csrfToken!, :keyFingerprint!, :userAgent, now() + make_interval(secs => :ttlSeconds!::int))
 * RETURNING id, expires_at
 * ```
 */
export const insertConsoleSession = new PreparedQuery<IInsertConsoleSessionParams,IInsertConsoleSessionResult>(insertConsoleSessionIR);


/** 'TouchConsoleSession' parameters type */
export interface ITouchConsoleSessionParams {
  keyFingerprint: string;
  tokenHash: string;
}

/** 'TouchConsoleSession' return type */
export interface ITouchConsoleSessionResult {
  /** Per-session token every console form posts back; a POST without it is refused (the cookie alone is not enough). */
  csrf_token: string;
  /** After this the session is refused and the operator signs in again (fixed lifetime, not extended by use). */
  expires_at: Date;
  /** Internal key. */
  id: string;
}

/** 'TouchConsoleSession' query type */
export interface ITouchConsoleSessionQuery {
  params: ITouchConsoleSessionParams;
  result: ITouchConsoleSessionResult;
}

const touchConsoleSessionIR: any = {"usedParamSet":{"tokenHash":true,"keyFingerprint":true},"params":[{"name":"tokenHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":182,"b":192}]},{"name":"keyFingerprint","required":true,"transform":{"type":"scalar"},"locs":[{"a":219,"b":234}]}],"statement":"-- A live session of the admin key in force; touching it records use (the lifetime is fixed, never extended).\nUPDATE console_sessions\n   SET last_seen_at = now()\n WHERE token_hash = :tokenHash!\n   AND key_fingerprint = :keyFingerprint!\n   AND expires_at > now()\nRETURNING id, csrf_token, expires_at"};

/**
 * Query generated from SQL:
 * ```
 * -- A live session of the admin key in force; touching it records use (the lifetime is fixed, never extended).
 * UPDATE console_sessions
 *    SET last_seen_at = now()
 *  WHERE token_hash = :tokenHash!
 *    AND key_fingerprint = :keyFingerprint!
 *    AND expires_at > now()
 * RETURNING id, csrf_token, expires_at
 * ```
 */
export const touchConsoleSession = new PreparedQuery<ITouchConsoleSessionParams,ITouchConsoleSessionResult>(touchConsoleSessionIR);


/** 'DeleteConsoleSession' parameters type */
export interface IDeleteConsoleSessionParams {
  tokenHash: string;
}

/** 'DeleteConsoleSession' return type */
export interface IDeleteConsoleSessionResult {
  /** Internal key. */
  id: string;
}

/** 'DeleteConsoleSession' query type */
export interface IDeleteConsoleSessionQuery {
  params: IDeleteConsoleSessionParams;
  result: IDeleteConsoleSessionResult;
}

const deleteConsoleSessionIR: any = {"usedParamSet":{"tokenHash":true},"params":[{"name":"tokenHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":48,"b":58}]}],"statement":"DELETE FROM console_sessions WHERE token_hash = :tokenHash! RETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM console_sessions WHERE token_hash = :tokenHash! RETURNING id
 * ```
 */
export const deleteConsoleSession = new PreparedQuery<IDeleteConsoleSessionParams,IDeleteConsoleSessionResult>(deleteConsoleSessionIR);


/** 'DeleteExpiredConsoleSessions' parameters type */
export type IDeleteExpiredConsoleSessionsParams = void;

/** 'DeleteExpiredConsoleSessions' return type */
export interface IDeleteExpiredConsoleSessionsResult {
  /** Internal key. */
  id: string;
}

/** 'DeleteExpiredConsoleSessions' query type */
export interface IDeleteExpiredConsoleSessionsQuery {
  params: IDeleteExpiredConsoleSessionsParams;
  result: IDeleteExpiredConsoleSessionsResult;
}

const deleteExpiredConsoleSessionsIR: any = {"usedParamSet":{},"params":[],"statement":"DELETE FROM console_sessions WHERE expires_at <= now() RETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM console_sessions WHERE expires_at <= now() RETURNING id
 * ```
 */
export const deleteExpiredConsoleSessions = new PreparedQuery<IDeleteExpiredConsoleSessionsParams,IDeleteExpiredConsoleSessionsResult>(deleteExpiredConsoleSessionsIR);


/** 'ConsoleJobPage' parameters type */
export interface IConsoleJobPageParams {
  limit: number;
  offset: number;
  projectId?: string | null | void;
  search?: string | null | void;
  status?: job_status | null | void;
}

/** 'ConsoleJobPage' return type */
export interface IConsoleJobPageResult {
  /** Identifier the device chose for itself at registration (public, not a secret). */
  assigned_device_id: string | null;
  /** Human-readable name the device reported, e.g. "Pixel 8". */
  assigned_device_name: string | null;
  /** Human code C0001, C0002, ... (at least four digits), allocated from runtime_counters. */
  customer_code: string | null;
  /** Customer name as the arborist entered it. */
  customer_name: string | null;
  /** Job-site address. */
  job_address: string | null;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Name of the job as the arborist entered it. */
  job_name: string | null;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** The round the device works in now (round_<n>); NULL before the first round. */
  latest_round_id: string | null;
  /** Status of the latest round, mirrored here in the same transaction that changes the round. */
  latest_round_status: round_status | null;
  /** Display name, unique (the API calls it project). */
  project: string | null;
  /** Public id, project_<12 hex> when the server makes it (imports may carry other project_<name> ids); shown by the API as project_id. */
  project_id: string | null;
  /** Workflow state of the job. */
  status: job_status;
  total: number;
  /** The tree's number within the customer, copied for fast reads; always equals trees.tree_number of tree_id. */
  tree_number: number | null;
  /** When the row last changed (maintained by trigger). */
  updated_at: Date;
}

/** 'ConsoleJobPage' query type */
export interface IConsoleJobPageQuery {
  params: IConsoleJobPageParams;
  result: IConsoleJobPageResult;
}

const consoleJobPageIR: any = {"usedParamSet":{"status":true,"projectId":true,"search":true,"limit":true,"offset":true},"params":[{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":791,"b":797},{"a":833,"b":839}]},{"name":"projectId","required":false,"transform":{"type":"scalar"},"locs":[{"a":862,"b":871},{"a":905,"b":914}]},{"name":"search","required":false,"transform":{"type":"scalar"},"locs":[{"a":931,"b":937},{"a":990,"b":996},{"a":1044,"b":1050},{"a":1100,"b":1106},{"a":1159,"b":1165},{"a":1211,"b":1217},{"a":1272,"b":1278}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":1348,"b":1354}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":1368,"b":1375}]}],"statement":"-- One page of the console's job table. search matches job number, job id, job name,\n-- customer name or code and address (case-insensitive); total is the count before paging.\nSELECT j.job_id, j.job_number, j.status, j.tree_number, j.job_name, j.job_address,\n       j.latest_round_id, j.latest_round_status, j.updated_at,\n       c.name AS \"customer_name?\", c.customer_code AS \"customer_code?\",\n       p.name AS \"project?\", p.project_id AS \"project_id?\",\n       d.device_id AS \"assigned_device_id?\", d.device_name AS \"assigned_device_name?\",\n       count(*) OVER ()::int AS \"total!\"\n  FROM jobs j\n  LEFT JOIN customers c ON c.id = j.customer_id\n  LEFT JOIN projects p ON p.id = j.project_id\n  LEFT JOIN job_assignments a ON a.job_id = j.id\n  LEFT JOIN devices d ON d.id = a.device_id\n WHERE (:status::job_status IS NULL OR j.status = :status::job_status)\n   AND (:projectId::text IS NULL OR p.project_id = :projectId::text)\n   AND (:search::text IS NULL\n        OR j.job_number ILIKE '%' || :search::text || '%'\n        OR j.job_id ILIKE '%' || :search::text || '%'\n        OR j.job_name ILIKE '%' || :search::text || '%'\n        OR j.job_address ILIKE '%' || :search::text || '%'\n        OR c.name ILIKE '%' || :search::text || '%'\n        OR c.customer_code ILIKE '%' || :search::text || '%')\n ORDER BY j.updated_at DESC, j.job_number DESC\n LIMIT :limit!::int OFFSET :offset!::int"};

/**
 * Query generated from SQL:
 * ```
 * -- One page of the console's job table. search matches job number, job id, job name,
 * -- customer name or code and address (case-insensitive); total is the count before paging.
 * SELECT j.job_id, j.job_number, j.status, j.tree_number, j.job_name, j.job_address,
 *        j.latest_round_id, j.latest_round_status, j.updated_at,
 *        c.name AS "customer_name?", c.customer_code AS "customer_code?",
 *        p.name AS "project?", p.project_id AS "project_id?",
 *        d.device_id AS "assigned_device_id?", d.device_name AS "assigned_device_name?",
 *        count(*) OVER ()::int AS "total!"
 *   FROM jobs j
 *   LEFT JOIN customers c ON c.id = j.customer_id
 *   LEFT JOIN projects p ON p.id = j.project_id
 *   LEFT JOIN job_assignments a ON a.job_id = j.id
 *   LEFT JOIN devices d ON d.id = a.device_id
 *  WHERE (:status::job_status IS NULL OR j.status = :status::job_status)
 *    AND (:projectId::text IS NULL OR p.project_id = :projectId::text)
 *    AND (:search::text IS NULL
 *         OR j.job_number ILIKE '%' || :search::text || '%'
 *         OR j.job_id ILIKE '%' || :search::text || '%'
 *         OR j.job_name ILIKE '%' || :search::text || '%'
 *         OR j.job_address ILIKE '%' || :search::text || '%'
 *         OR c.name ILIKE '%' || :search::text || '%'
 *         OR c.customer_code ILIKE '%' || :search::text || '%')
 *  ORDER BY j.updated_at DESC, j.job_number DESC
 *  LIMIT :limit!::int OFFSET :offset!::int
 * ```
 */
export const consoleJobPage = new PreparedQuery<IConsoleJobPageParams,IConsoleJobPageResult>(consoleJobPageIR);


/** 'ConsoleJobRounds' parameters type */
export interface IConsoleJobRoundsParams {
  jobPk: string;
}

/** 'ConsoleJobRounds' return type */
export interface IConsoleJobRoundsResult {
  /** Opaque revision the device sent with its last submit; stored with the submit transition so a reconciliation read sees it at once. */
  client_revision_id: string | null;
  /** When the round was opened. */
  created_at: Date;
  /** Why the round is FAILED (processing error or the stuck-round watchdog). */
  failure_reason: string | null;
  /** When processing last finished, successfully or not. */
  processing_finished_at: Date | null;
  /** The review returned to the device: transcript, draft form, narrative, images, failures. */
  review_payload: Json | null;
  /** Public round id, always round_<round_number>. */
  round_id: string;
  /** n of round_<n>; allocated as max + 1 while the job row is locked. */
  round_number: number;
  /** Revision of the review the server returned (rev_<round_id>_<review_revision>); NULL before the first review. */
  server_revision_id: string | null;
  /** Workflow state of the round. */
  status: round_status;
  /** When the round was last submitted (or reprocessed). */
  submitted_at: Date | null;
  /** When the row last changed (maintained by trigger). */
  updated_at: Date;
}

/** 'ConsoleJobRounds' query type */
export interface IConsoleJobRoundsQuery {
  params: IConsoleJobRoundsParams;
  result: IConsoleJobRoundsResult;
}

const consoleJobRoundsIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":246,"b":252}]}],"statement":"SELECT r.round_id, r.round_number, r.status, r.server_revision_id, r.client_revision_id,\n       r.review_payload, r.failure_reason, r.submitted_at, r.processing_finished_at,\n       r.created_at, r.updated_at\n  FROM job_rounds r\n WHERE r.job_id = :jobPk!\n ORDER BY r.round_number DESC"};

/**
 * Query generated from SQL:
 * ```
 * SELECT r.round_id, r.round_number, r.status, r.server_revision_id, r.client_revision_id,
 *        r.review_payload, r.failure_reason, r.submitted_at, r.processing_finished_at,
 *        r.created_at, r.updated_at
 *   FROM job_rounds r
 *  WHERE r.job_id = :jobPk!
 *  ORDER BY r.round_number DESC
 * ```
 */
export const consoleJobRounds = new PreparedQuery<IConsoleJobRoundsParams,IConsoleJobRoundsResult>(consoleJobRoundsIR);


/** 'ConsoleJobRecordings' parameters type */
export interface IConsoleJobRecordingsParams {
  jobPk: string;
}

/** 'ConsoleJobRecordings' return type */
export interface IConsoleJobRecordingsResult {
  /** Size of the stored audio in bytes. */
  byte_size: number | null;
  /** Content-Type the device sent (audio/mp4, audio/wav, ...). */
  content_type: string | null;
  /** Duration read from the audio container, NULL when it cannot be read. */
  duration_ms: number | null;
  has_audio: boolean;
  /** Id the device chose; re-uploading the same id replaces the recording. */
  recording_id: string;
  /** Public round id, always round_<round_number>. */
  round_id: string;
  /** TRAQ form section the voice note describes (site_factors, trunk, ...). */
  section_id: string;
  /** Cached transcript; cleared when new bytes are uploaded. */
  transcript_text: string | null;
  /** Why the last transcription failed, if it did. */
  transcription_error: string | null;
  /** uploaded once the bytes are stored. */
  upload_status: upload_status;
  /** When the current bytes were uploaded. */
  uploaded_at: Date | null;
}

/** 'ConsoleJobRecordings' query type */
export interface IConsoleJobRecordingsQuery {
  params: IConsoleJobRecordingsParams;
  result: IConsoleJobRecordingsResult;
}

const consoleJobRecordingsIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":310,"b":316}]}],"statement":"SELECT r.round_id, m.section_id, m.recording_id, m.upload_status, m.content_type, m.byte_size,\n       m.duration_ms, m.transcript_text, m.transcription_error, m.uploaded_at,\n       m.artifact_path IS NOT NULL AS \"has_audio!\"\n  FROM round_recordings m\n  JOIN job_rounds r ON r.id = m.round_pk\n WHERE r.job_id = :jobPk!\n ORDER BY r.round_number DESC, m.section_id, m.recording_id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT r.round_id, m.section_id, m.recording_id, m.upload_status, m.content_type, m.byte_size,
 *        m.duration_ms, m.transcript_text, m.transcription_error, m.uploaded_at,
 *        m.artifact_path IS NOT NULL AS "has_audio!"
 *   FROM round_recordings m
 *   JOIN job_rounds r ON r.id = m.round_pk
 *  WHERE r.job_id = :jobPk!
 *  ORDER BY r.round_number DESC, m.section_id, m.recording_id
 * ```
 */
export const consoleJobRecordings = new PreparedQuery<IConsoleJobRecordingsParams,IConsoleJobRecordingsResult>(consoleJobRecordingsIR);


/** 'ConsoleRecordingFile' parameters type */
export interface IConsoleRecordingFileParams {
  jobPk: string;
  recordingId: string;
  roundId: string;
}

/** 'ConsoleRecordingFile' return type */
export interface IConsoleRecordingFileResult {
  /** Artifact store key of the audio file. */
  artifact_path: string | null;
  /** Size of the stored audio in bytes. */
  byte_size: number | null;
  /** Content-Type the device sent (audio/mp4, audio/wav, ...). */
  content_type: string | null;
}

/** 'ConsoleRecordingFile' query type */
export interface IConsoleRecordingFileQuery {
  params: IConsoleRecordingFileParams;
  result: IConsoleRecordingFileResult;
}

const consoleRecordingFileIR: any = {"usedParamSet":{"jobPk":true,"roundId":true,"recordingId":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":137,"b":143}]},{"name":"roundId","required":true,"transform":{"type":"scalar"},"locs":[{"a":162,"b":170}]},{"name":"recordingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":193,"b":205}]}],"statement":"SELECT m.content_type, m.byte_size, m.artifact_path\n  FROM round_recordings m\n  JOIN job_rounds r ON r.id = m.round_pk\n WHERE r.job_id = :jobPk! AND r.round_id = :roundId! AND m.recording_id = :recordingId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT m.content_type, m.byte_size, m.artifact_path
 *   FROM round_recordings m
 *   JOIN job_rounds r ON r.id = m.round_pk
 *  WHERE r.job_id = :jobPk! AND r.round_id = :roundId! AND m.recording_id = :recordingId!
 * ```
 */
export const consoleRecordingFile = new PreparedQuery<IConsoleRecordingFileParams,IConsoleRecordingFileResult>(consoleRecordingFileIR);


/** 'ConsoleJobImages' parameters type */
export interface IConsoleJobImagesParams {
  jobPk: string;
}

/** 'ConsoleJobImages' return type */
export interface IConsoleJobImagesResult {
  /** Caption shown under the photo in the report letter. */
  caption: string | null;
  has_image: boolean;
  /** Id the device chose; re-uploading the same id replaces the bytes and keeps caption and GPS. */
  image_id: string;
  /** WGS84 latitude in degrees where the photo was taken. */
  latitude: number | null;
  /** WGS84 longitude in degrees where the photo was taken. */
  longitude: number | null;
  /** Public round id, always round_<round_number>. */
  round_id: string;
  /** uploaded once the bytes are stored. */
  upload_status: upload_status;
  /** When the current bytes were uploaded. */
  uploaded_at: Date | null;
}

/** 'ConsoleJobImages' query type */
export interface IConsoleJobImagesQuery {
  params: IConsoleJobImagesParams;
  result: IConsoleJobImagesResult;
}

const consoleJobImagesIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":231,"b":237}]}],"statement":"SELECT r.round_id, i.image_id, i.upload_status, i.caption, i.latitude, i.longitude, i.uploaded_at,\n       i.artifact_path IS NOT NULL AS \"has_image!\"\n  FROM round_images i\n  JOIN job_rounds r ON r.id = i.round_pk\n WHERE r.job_id = :jobPk!\n ORDER BY r.round_number DESC, i.image_id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT r.round_id, i.image_id, i.upload_status, i.caption, i.latitude, i.longitude, i.uploaded_at,
 *        i.artifact_path IS NOT NULL AS "has_image!"
 *   FROM round_images i
 *   JOIN job_rounds r ON r.id = i.round_pk
 *  WHERE r.job_id = :jobPk!
 *  ORDER BY r.round_number DESC, i.image_id
 * ```
 */
export const consoleJobImages = new PreparedQuery<IConsoleJobImagesParams,IConsoleJobImagesResult>(consoleJobImagesIR);


/** 'ConsoleImageFile' parameters type */
export interface IConsoleImageFileParams {
  imageId: string;
  jobPk: string;
  roundId: string;
}

/** 'ConsoleImageFile' return type */
export interface IConsoleImageFileResult {
  content_type: string | null;
  path: string | null;
}

/** 'ConsoleImageFile' query type */
export interface IConsoleImageFileQuery {
  params: IConsoleImageFileParams;
  result: IConsoleImageFileResult;
}

const consoleImageFileIR: any = {"usedParamSet":{"jobPk":true,"roundId":true,"imageId":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":345,"b":351}]},{"name":"roundId","required":true,"transform":{"type":"scalar"},"locs":[{"a":370,"b":378}]},{"name":"imageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":397,"b":405}]}],"statement":"-- The report variant (rotated, bounded) when there is one: what a browser should show.\nSELECT COALESCE(i.report_artifact_path, i.artifact_path) AS path,\n       CASE WHEN i.report_artifact_path IS NOT NULL THEN 'image/jpeg' ELSE i.content_type END AS content_type\n  FROM round_images i\n  JOIN job_rounds r ON r.id = i.round_pk\n WHERE r.job_id = :jobPk! AND r.round_id = :roundId! AND i.image_id = :imageId!"};

/**
 * Query generated from SQL:
 * ```
 * -- The report variant (rotated, bounded) when there is one: what a browser should show.
 * SELECT COALESCE(i.report_artifact_path, i.artifact_path) AS path,
 *        CASE WHEN i.report_artifact_path IS NOT NULL THEN 'image/jpeg' ELSE i.content_type END AS content_type
 *   FROM round_images i
 *   JOIN job_rounds r ON r.id = i.round_pk
 *  WHERE r.job_id = :jobPk! AND r.round_id = :roundId! AND i.image_id = :imageId!
 * ```
 */
export const consoleImageFile = new PreparedQuery<IConsoleImageFileParams,IConsoleImageFileResult>(consoleImageFileIR);


/** 'ConsoleJobFinals' parameters type */
export interface IConsoleJobFinalsParams {
  jobPk: string;
}

/** 'ConsoleJobFinals' return type */
export interface IConsoleJobFinalsResult {
  /** Who finalized: device:<device_id> or admin. */
  actor_identity: string;
  /** When the snapshot was stored. */
  created_at: Date;
  /** final (the first, never changes) or correction (the latest re-finalization after an admin unlock). */
  kind: string;
  /** The final.json document: form, transcript, narrative, report images, profile, archived_at. */
  payload: Json;
  /** round_<n> of that round, as the payload names it. */
  round_id: string | null;
  /** When the row last changed (corrections only; maintained by trigger). */
  updated_at: Date;
}

/** 'ConsoleJobFinals' query type */
export interface IConsoleJobFinalsQuery {
  params: IConsoleJobFinalsParams;
  result: IConsoleJobFinalsResult;
}

const consoleJobFinalsIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":121,"b":127}]}],"statement":"SELECT f.kind, f.round_id, f.actor_identity, f.payload, f.created_at, f.updated_at\n  FROM job_finals f\n WHERE f.job_id = :jobPk!\n ORDER BY f.created_at"};

/**
 * Query generated from SQL:
 * ```
 * SELECT f.kind, f.round_id, f.actor_identity, f.payload, f.created_at, f.updated_at
 *   FROM job_finals f
 *  WHERE f.job_id = :jobPk!
 *  ORDER BY f.created_at
 * ```
 */
export const consoleJobFinals = new PreparedQuery<IConsoleJobFinalsParams,IConsoleJobFinalsResult>(consoleJobFinalsIR);


/** 'ConsoleMapJobs' parameters type */
export type IConsoleMapJobsParams = void;

/** 'ConsoleMapJobs' return type */
export interface IConsoleMapJobsResult {
  /** Customer name as the arborist entered it. */
  customer_name: string | null;
  form_data: Json | null;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Name of the job as the arborist entered it. */
  job_name: string | null;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** Workflow state of the job. */
  status: job_status;
}

/** 'ConsoleMapJobs' query type */
export interface IConsoleMapJobsQuery {
  params: IConsoleMapJobsParams;
  result: IConsoleMapJobsResult;
}

const consoleMapJobsIR: any = {"usedParamSet":{},"params":[],"statement":"-- Every job with the form its map point comes from: the correction's, else the final's,\n-- else the latest round's review (draft_form.data, or form in older payloads).\nSELECT j.job_id, j.job_number, j.status, j.job_name, c.name AS \"customer_name?\",\n       COALESCE(fc.payload -> 'form' -> 'data', ff.payload -> 'form' -> 'data',\n                r.review_payload -> 'draft_form' -> 'data', r.review_payload -> 'form') AS form_data\n  FROM jobs j\n  LEFT JOIN customers c ON c.id = j.customer_id\n  LEFT JOIN job_finals fc ON fc.job_id = j.id AND fc.kind = 'correction'\n  LEFT JOIN job_finals ff ON ff.job_id = j.id AND ff.kind = 'final'\n  LEFT JOIN job_rounds r ON r.job_id = j.id AND r.round_id = j.latest_round_id\n ORDER BY j.job_number"};

/**
 * Query generated from SQL:
 * ```
 * -- Every job with the form its map point comes from: the correction's, else the final's,
 * -- else the latest round's review (draft_form.data, or form in older payloads).
 * SELECT j.job_id, j.job_number, j.status, j.job_name, c.name AS "customer_name?",
 *        COALESCE(fc.payload -> 'form' -> 'data', ff.payload -> 'form' -> 'data',
 *                 r.review_payload -> 'draft_form' -> 'data', r.review_payload -> 'form') AS form_data
 *   FROM jobs j
 *   LEFT JOIN customers c ON c.id = j.customer_id
 *   LEFT JOIN job_finals fc ON fc.job_id = j.id AND fc.kind = 'correction'
 *   LEFT JOIN job_finals ff ON ff.job_id = j.id AND ff.kind = 'final'
 *   LEFT JOIN job_rounds r ON r.job_id = j.id AND r.round_id = j.latest_round_id
 *  ORDER BY j.job_number
 * ```
 */
export const consoleMapJobs = new PreparedQuery<IConsoleMapJobsParams,IConsoleMapJobsResult>(consoleMapJobsIR);


