/** Types generated for queries found in "queries/submit.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type round_status = 'DRAFT' | 'FAILED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type upload_status = 'failed' | 'pending' | 'processed' | 'uploaded' | 'uploading';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type round_statusArray = (round_status)[];

/** 'LockRoundForSubmit' parameters type */
export interface ILockRoundForSubmitParams {
  jobPk: string;
  roundId: string;
}

/** 'LockRoundForSubmit' return type */
export interface ILockRoundForSubmitResult {
  /** The form edits the device sent with its last submit; kept so a reprocess re-applies them. */
  client_form_patch: Json | null;
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
  /** JSON array of manifest items (artifact_id, section_id, client_order, kind, issue_id, recorded_at); replaced whole by each PUT. */
  manifest: Json;
  /** The review returned to the device: transcript, draft form, narrative, images, failures. */
  review_payload: Json | null;
  /** Public round id, always round_<round_number>. */
  round_id: string;
  /** Revision of the review the server returned (rev_<round_id>_<review_revision>); NULL before the first review. */
  server_revision_id: string | null;
  /** Workflow state of the round. */
  status: round_status;
}

/** 'LockRoundForSubmit' query type */
export interface ILockRoundForSubmitQuery {
  params: ILockRoundForSubmitParams;
  result: ILockRoundForSubmitResult;
}

const lockRoundForSubmitIR: any = {"usedParamSet":{"jobPk":true,"roundId":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":145,"b":151}]},{"name":"roundId","required":true,"transform":{"type":"scalar"},"locs":[{"a":170,"b":178}]}],"statement":"SELECT r.id, r.round_id, r.status, r.manifest, r.review_payload, r.client_form_patch, r.server_revision_id\n  FROM job_rounds r\n WHERE r.job_id = :jobPk! AND r.round_id = :roundId!\n   FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * SELECT r.id, r.round_id, r.status, r.manifest, r.review_payload, r.client_form_patch, r.server_revision_id
 *   FROM job_rounds r
 *  WHERE r.job_id = :jobPk! AND r.round_id = :roundId!
 *    FOR UPDATE
 * ```
 */
export const lockRoundForSubmit = new PreparedQuery<ILockRoundForSubmitParams,ILockRoundForSubmitResult>(lockRoundForSubmitIR);


/** 'MarkRoundSubmitted' parameters type */
export interface IMarkRoundSubmittedParams {
  allowed: round_statusArray;
  clientFormPatch?: Json | null | void;
  clientRevisionId?: string | null | void;
  force: boolean;
  manifest: Json;
  roundPk: string;
}

/** 'MarkRoundSubmitted' return type */
export interface IMarkRoundSubmittedResult {
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
}

/** 'MarkRoundSubmitted' query type */
export interface IMarkRoundSubmittedQuery {
  params: IMarkRoundSubmittedParams;
  result: IMarkRoundSubmittedResult;
}

const markRoundSubmittedIR: any = {"usedParamSet":{"clientRevisionId":true,"clientFormPatch":true,"manifest":true,"force":true,"roundPk":true,"allowed":true},"params":[{"name":"clientRevisionId","required":false,"transform":{"type":"scalar"},"locs":[{"a":225,"b":241}]},{"name":"clientFormPatch","required":false,"transform":{"type":"scalar"},"locs":[{"a":292,"b":307}]},{"name":"manifest","required":true,"transform":{"type":"scalar"},"locs":[{"a":328,"b":337}]},{"name":"force","required":true,"transform":{"type":"scalar"},"locs":[{"a":366,"b":372}]},{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":671,"b":679}]},{"name":"allowed","required":true,"transform":{"type":"scalar"},"locs":[{"a":698,"b":706}]}],"statement":"-- DRAFT (or another allowed state) → SUBMITTED_FOR_PROCESSING; a concurrent submit finds the status changed and gets nothing\nUPDATE job_rounds\n   SET status = 'SUBMITTED_FOR_PROCESSING',\n       client_revision_id = coalesce(:clientRevisionId, client_revision_id),\n       client_form_patch = :clientFormPatch,\n       manifest = :manifest!,\n       processing_force = :force!,\n       submitted_at = clock_timestamp(),\n       processing_attempts = 0,\n       processing_lease_until = NULL,\n       processing_run_after = NULL,\n       processing_worker = NULL,\n       processing_started_at = NULL,\n       processing_finished_at = NULL,\n       failure_reason = NULL\n WHERE id = :roundPk! AND status = ANY(:allowed!::round_status[])\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- DRAFT (or another allowed state) → SUBMITTED_FOR_PROCESSING; a concurrent submit finds the status changed and gets nothing
 * UPDATE job_rounds
 *    SET status = 'SUBMITTED_FOR_PROCESSING',
 *        client_revision_id = coalesce(:clientRevisionId, client_revision_id),
 *        client_form_patch = :clientFormPatch,
 *        manifest = :manifest!,
 *        processing_force = :force!,
 *        submitted_at = clock_timestamp(),
 *        processing_attempts = 0,
 *        processing_lease_until = NULL,
 *        processing_run_after = NULL,
 *        processing_worker = NULL,
 *        processing_started_at = NULL,
 *        processing_finished_at = NULL,
 *        failure_reason = NULL
 *  WHERE id = :roundPk! AND status = ANY(:allowed!::round_status[])
 * RETURNING id
 * ```
 */
export const markRoundSubmitted = new PreparedQuery<IMarkRoundSubmittedParams,IMarkRoundSubmittedResult>(markRoundSubmittedIR);


/** 'ReturnExistingReview' parameters type */
export interface IReturnExistingReviewParams {
  clientRevisionId?: string | null | void;
  roundPk: string;
}

/** 'ReturnExistingReview' return type */
export interface IReturnExistingReviewResult {
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
}

/** 'ReturnExistingReview' query type */
export interface IReturnExistingReviewQuery {
  params: IReturnExistingReviewParams;
  result: IReturnExistingReviewResult;
}

const returnExistingReviewIR: any = {"usedParamSet":{"clientRevisionId":true,"roundPk":true},"params":[{"name":"clientRevisionId","required":false,"transform":{"type":"scalar"},"locs":[{"a":149,"b":165}]},{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":230,"b":238}]}],"statement":"-- the no-op submit: nothing new, the stored review stands\nUPDATE job_rounds\n   SET status = 'REVIEW_RETURNED',\n       client_revision_id = coalesce(:clientRevisionId, client_revision_id),\n       failure_reason = NULL\n WHERE id = :roundPk!\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- the no-op submit: nothing new, the stored review stands
 * UPDATE job_rounds
 *    SET status = 'REVIEW_RETURNED',
 *        client_revision_id = coalesce(:clientRevisionId, client_revision_id),
 *        failure_reason = NULL
 *  WHERE id = :roundPk!
 * RETURNING id
 * ```
 */
export const returnExistingReview = new PreparedQuery<IReturnExistingReviewParams,IReturnExistingReviewResult>(returnExistingReviewIR);


/** 'SetJobTree' parameters type */
export interface ISetJobTreeParams {
  jobPk: string;
  treeId: string;
  treeNumber: number;
}

/** 'SetJobTree' return type */
export type ISetJobTreeResult = void;

/** 'SetJobTree' query type */
export interface ISetJobTreeQuery {
  params: ISetJobTreeParams;
  result: ISetJobTreeResult;
}

const setJobTreeIR: any = {"usedParamSet":{"treeId":true,"treeNumber":true,"jobPk":true},"params":[{"name":"treeId","required":true,"transform":{"type":"scalar"},"locs":[{"a":26,"b":33}]},{"name":"treeNumber","required":true,"transform":{"type":"scalar"},"locs":[{"a":50,"b":61}]},{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":74,"b":80}]}],"statement":"UPDATE jobs SET tree_id = :treeId!, tree_number = :treeNumber! WHERE id = :jobPk!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE jobs SET tree_id = :treeId!, tree_number = :treeNumber! WHERE id = :jobPk!
 * ```
 */
export const setJobTree = new PreparedQuery<ISetJobTreeParams,ISetJobTreeResult>(setJobTreeIR);


/** 'LoadRoundForProcessing' parameters type */
export interface ILoadRoundForProcessingParams {
  roundPk: string;
}

/** 'LoadRoundForProcessing' return type */
export interface ILoadRoundForProcessingResult {
  /** The form edits the device sent with its last submit; kept so a reprocess re-applies them. */
  client_form_patch: Json | null;
  /** When the round was opened. */
  created_at: Date;
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Internal key. */
  job_pk: string;
  /** JSON array of manifest items (artifact_id, section_id, client_order, kind, issue_id, recorded_at); replaced whole by each PUT. */
  manifest: Json;
  /** True when the pending processing is a reprocess: every recording is transcribed again, caches ignored. */
  processing_force: boolean;
  /** The review returned to the device: transcript, draft form, narrative, images, failures. */
  review_payload: Json | null;
  /** Bumped each time review_payload changes. */
  review_revision: number;
  /** Public round id, always round_<round_number>. */
  round_id: string;
  /** Revision of the review the server returned (rev_<round_id>_<review_revision>); NULL before the first review. */
  server_revision_id: string | null;
  /** Workflow state of the round. */
  status: round_status;
  /** The tree's number within the customer, copied for fast reads; always equals trees.tree_number of tree_id. */
  tree_number: number | null;
}

/** 'LoadRoundForProcessing' query type */
export interface ILoadRoundForProcessingQuery {
  params: ILoadRoundForProcessingParams;
  result: ILoadRoundForProcessingResult;
}

const loadRoundForProcessingIR: any = {"usedParamSet":{"roundPk":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":282,"b":290}]}],"statement":"SELECT r.id, r.round_id, r.status, r.manifest, r.review_payload, r.client_form_patch, r.processing_force,\n       r.review_revision, r.server_revision_id, r.created_at,\n       j.id AS job_pk, j.job_id, j.tree_number\n  FROM job_rounds r\n  JOIN jobs j ON j.id = r.job_id\n WHERE r.id = :roundPk!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT r.id, r.round_id, r.status, r.manifest, r.review_payload, r.client_form_patch, r.processing_force,
 *        r.review_revision, r.server_revision_id, r.created_at,
 *        j.id AS job_pk, j.job_id, j.tree_number
 *   FROM job_rounds r
 *   JOIN jobs j ON j.id = r.job_id
 *  WHERE r.id = :roundPk!
 * ```
 */
export const loadRoundForProcessing = new PreparedQuery<ILoadRoundForProcessingParams,ILoadRoundForProcessingResult>(loadRoundForProcessingIR);


/** 'ListRecordingsForProcessing' parameters type */
export interface IListRecordingsForProcessingParams {
  roundPk: string;
}

/** 'ListRecordingsForProcessing' return type */
export interface IListRecordingsForProcessingResult {
  /** Artifact store key of the audio file. */
  artifact_path: string | null;
  /** Content-Type the device sent (audio/mp4, audio/wav, ...). */
  content_type: string | null;
  /** Id the device chose; re-uploading the same id replaces the recording. */
  recording_id: string;
  /** TRAQ form section the voice note describes (site_factors, trunk, ...). */
  section_id: string;
  /** Cached transcript; cleared when new bytes are uploaded. */
  transcript_text: string | null;
  /** When the current bytes were uploaded. */
  uploaded_at: Date | null;
}

/** 'ListRecordingsForProcessing' query type */
export interface IListRecordingsForProcessingQuery {
  params: IListRecordingsForProcessingParams;
  result: IListRecordingsForProcessingResult;
}

const listRecordingsForProcessingIR: any = {"usedParamSet":{"roundPk":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":133,"b":141}]}],"statement":"SELECT recording_id, section_id, artifact_path, content_type, transcript_text, uploaded_at\n  FROM round_recordings\n WHERE round_pk = :roundPk!\n ORDER BY section_id, recording_id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT recording_id, section_id, artifact_path, content_type, transcript_text, uploaded_at
 *   FROM round_recordings
 *  WHERE round_pk = :roundPk!
 *  ORDER BY section_id, recording_id
 * ```
 */
export const listRecordingsForProcessing = new PreparedQuery<IListRecordingsForProcessingParams,IListRecordingsForProcessingResult>(listRecordingsForProcessingIR);


/** 'ListImagesForReview' parameters type */
export interface IListImagesForReviewParams {
  roundPk: string;
}

/** 'ListImagesForReview' return type */
export interface IListImagesForReviewResult {
  /** Artifact store key of the original photo. */
  artifact_path: string | null;
  /** Caption shown under the photo in the report letter. */
  caption: string | null;
  /** Id the device chose; re-uploading the same id replaces the bytes and keeps caption and GPS. */
  image_id: string;
  /** WGS84 latitude in degrees where the photo was taken. */
  latitude: number | null;
  /** WGS84 longitude in degrees where the photo was taken. */
  longitude: number | null;
  /** Artifact store key of the report variant (EXIF-rotated JPEG within 1600x1600). */
  report_artifact_path: string | null;
  /** Always job_photos. */
  section_id: string;
  /** uploaded once the bytes are stored. */
  upload_status: upload_status;
  /** When the current bytes were uploaded. */
  uploaded_at: Date | null;
}

/** 'ListImagesForReview' query type */
export interface IListImagesForReviewQuery {
  params: IListImagesForReviewParams;
  result: IListImagesForReviewResult;
}

const listImagesForReviewIR: any = {"usedParamSet":{"roundPk":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":161,"b":169}]}],"statement":"SELECT image_id, section_id, upload_status, caption, artifact_path, report_artifact_path, uploaded_at, latitude, longitude\n  FROM round_images\n WHERE round_pk = :roundPk!\n ORDER BY section_id, image_id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT image_id, section_id, upload_status, caption, artifact_path, report_artifact_path, uploaded_at, latitude, longitude
 *   FROM round_images
 *  WHERE round_pk = :roundPk!
 *  ORDER BY section_id, image_id
 * ```
 */
export const listImagesForReview = new PreparedQuery<IListImagesForReviewParams,IListImagesForReviewResult>(listImagesForReviewIR);


/** 'LatestOtherReview' parameters type */
export interface ILatestOtherReviewParams {
  jobPk: string;
  roundPk: string;
}

/** 'LatestOtherReview' return type */
export interface ILatestOtherReviewResult {
  /** The review returned to the device: transcript, draft form, narrative, images, failures. */
  review_payload: Json;
}

/** 'LatestOtherReview' query type */
export interface ILatestOtherReviewQuery {
  params: ILatestOtherReviewParams;
  result: ILatestOtherReviewResult;
}

const latestOtherReviewIR: any = {"usedParamSet":{"jobPk":true,"roundPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":159,"b":165}]},{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":177,"b":185}]}],"statement":"-- the newest review of another round of the same job: the base a round builds on\nSELECT review_payload AS \"review_payload!\"\n  FROM job_rounds\n WHERE job_id = :jobPk! AND id <> :roundPk! AND review_payload IS NOT NULL\n ORDER BY created_at DESC, round_number DESC\n LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * -- the newest review of another round of the same job: the base a round builds on
 * SELECT review_payload AS "review_payload!"
 *   FROM job_rounds
 *  WHERE job_id = :jobPk! AND id <> :roundPk! AND review_payload IS NOT NULL
 *  ORDER BY created_at DESC, round_number DESC
 *  LIMIT 1
 * ```
 */
export const latestOtherReview = new PreparedQuery<ILatestOtherReviewParams,ILatestOtherReviewResult>(latestOtherReviewIR);


/** 'CacheTranscription' parameters type */
export interface ICacheTranscriptionParams {
  error?: string | null | void;
  recordingId: string;
  roundPk: string;
  transcript?: string | null | void;
}

/** 'CacheTranscription' return type */
export type ICacheTranscriptionResult = void;

/** 'CacheTranscription' query type */
export interface ICacheTranscriptionQuery {
  params: ICacheTranscriptionParams;
  result: ICacheTranscriptionResult;
}

const cacheTranscriptionIR: any = {"usedParamSet":{"transcript":true,"error":true,"roundPk":true,"recordingId":true},"params":[{"name":"transcript","required":false,"transform":{"type":"scalar"},"locs":[{"a":49,"b":59},{"a":133,"b":143}]},{"name":"error","required":false,"transform":{"type":"scalar"},"locs":[{"a":91,"b":96}]},{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":224,"b":232}]},{"name":"recordingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":253,"b":265}]}],"statement":"UPDATE round_recordings\n   SET transcript_text = :transcript,\n       transcription_error = :error,\n       transcribed_at = CASE WHEN :transcript::text IS NULL THEN transcribed_at ELSE clock_timestamp() END\n WHERE round_pk = :roundPk! AND recording_id = :recordingId!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE round_recordings
 *    SET transcript_text = :transcript,
 *        transcription_error = :error,
 *        transcribed_at = CASE WHEN :transcript::text IS NULL THEN transcribed_at ELSE clock_timestamp() END
 *  WHERE round_pk = :roundPk! AND recording_id = :recordingId!
 * ```
 */
export const cacheTranscription = new PreparedQuery<ICacheTranscriptionParams,ICacheTranscriptionResult>(cacheTranscriptionIR);


/** 'CompleteRoundReview' parameters type */
export interface ICompleteRoundReviewParams {
  manifest: Json;
  reviewPayload: Json;
  reviewRevision: number;
  roundPk: string;
  serverRevisionId: string;
  workerId: string;
}

/** 'CompleteRoundReview' return type */
export interface ICompleteRoundReviewResult {
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
}

/** 'CompleteRoundReview' query type */
export interface ICompleteRoundReviewQuery {
  params: ICompleteRoundReviewParams;
  result: ICompleteRoundReviewResult;
}

const completeRoundReviewIR: any = {"usedParamSet":{"reviewPayload":true,"reviewRevision":true,"serverRevisionId":true,"manifest":true,"roundPk":true,"workerId":true},"params":[{"name":"reviewPayload","required":true,"transform":{"type":"scalar"},"locs":[{"a":146,"b":160}]},{"name":"reviewRevision","required":true,"transform":{"type":"scalar"},"locs":[{"a":188,"b":203}]},{"name":"serverRevisionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":234,"b":251}]},{"name":"manifest","required":true,"transform":{"type":"scalar"},"locs":[{"a":272,"b":281}]},{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":447,"b":455}]},{"name":"workerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":481,"b":490}]}],"statement":"-- the worker's result, accepted only while it still holds the round\nUPDATE job_rounds\n   SET status = 'REVIEW_RETURNED',\n       review_payload = :reviewPayload!,\n       review_revision = :reviewRevision!,\n       server_revision_id = :serverRevisionId!,\n       manifest = :manifest!,\n       processing_force = false,\n       processing_lease_until = NULL,\n       processing_finished_at = clock_timestamp(),\n       failure_reason = NULL\n WHERE id = :roundPk! AND processing_worker = :workerId! AND status = 'SUBMITTED_FOR_PROCESSING'\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- the worker's result, accepted only while it still holds the round
 * UPDATE job_rounds
 *    SET status = 'REVIEW_RETURNED',
 *        review_payload = :reviewPayload!,
 *        review_revision = :reviewRevision!,
 *        server_revision_id = :serverRevisionId!,
 *        manifest = :manifest!,
 *        processing_force = false,
 *        processing_lease_until = NULL,
 *        processing_finished_at = clock_timestamp(),
 *        failure_reason = NULL
 *  WHERE id = :roundPk! AND processing_worker = :workerId! AND status = 'SUBMITTED_FOR_PROCESSING'
 * RETURNING id
 * ```
 */
export const completeRoundReview = new PreparedQuery<ICompleteRoundReviewParams,ICompleteRoundReviewResult>(completeRoundReviewIR);


/** 'GetRoundOutcome' parameters type */
export interface IGetRoundOutcomeParams {
  roundPk: string;
}

/** 'GetRoundOutcome' return type */
export interface IGetRoundOutcomeResult {
  /** Why the round is FAILED (processing error or the stuck-round watchdog). */
  failure_reason: string | null;
  /** JSON array of manifest items (artifact_id, section_id, client_order, kind, issue_id, recorded_at); replaced whole by each PUT. */
  manifest: Json;
  /** The review returned to the device: transcript, draft form, narrative, images, failures. */
  review_payload: Json | null;
  /** Workflow state of the round. */
  status: round_status;
}

/** 'GetRoundOutcome' query type */
export interface IGetRoundOutcomeQuery {
  params: IGetRoundOutcomeParams;
  result: IGetRoundOutcomeResult;
}

const getRoundOutcomeIR: any = {"usedParamSet":{"roundPk":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":83,"b":91}]}],"statement":"SELECT status, failure_reason, review_payload, manifest FROM job_rounds WHERE id = :roundPk!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT status, failure_reason, review_payload, manifest FROM job_rounds WHERE id = :roundPk!
 * ```
 */
export const getRoundOutcome = new PreparedQuery<IGetRoundOutcomeParams,IGetRoundOutcomeResult>(getRoundOutcomeIR);


