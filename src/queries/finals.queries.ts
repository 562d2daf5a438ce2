/** Types generated for queries found in "queries/finals.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type artifact_kind = 'audio' | 'final_json' | 'final_pdf' | 'geojson' | 'image' | 'image_report' | 'report_docx' | 'report_pdf' | 'review_json' | 'transcript_txt';

export type job_status = 'ARCHIVED' | 'DRAFT' | 'FAILED' | 'NOT_STARTED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type round_status = 'DRAFT' | 'FAILED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'LockJobForFinal' parameters type */
export interface ILockJobForFinalParams {
  jobPk: string;
}

/** 'LockJobForFinal' return type */
export interface ILockJobForFinalResult {
  /** Customer whose tree is assessed. */
  customer_id: string | null;
  /** Internal key. */
  id: string;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** The round the device works in now (round_<n>); NULL before the first round. */
  latest_round_id: string | null;
  /** Status of the latest round, mirrored here in the same transaction that changes the round. */
  latest_round_status: round_status | null;
  /** Workflow state of the job. */
  status: job_status;
  /** The customer's tree this job assesses; kept in step with tree_number. */
  tree_id: string | null;
  /** The tree's number within the customer, copied for fast reads; always equals trees.tree_number of tree_id. */
  tree_number: number | null;
}

/** 'LockJobForFinal' query type */
export interface ILockJobForFinalQuery {
  params: ILockJobForFinalParams;
  result: ILockJobForFinalResult;
}

const lockJobForFinalIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":233,"b":239}]}],"statement":"-- The job row, locked: a final serializes with round creation, uploads, submit and other finals.\nSELECT id, job_id, job_number, status, customer_id, tree_id, tree_number, latest_round_id, latest_round_status\n  FROM jobs\n WHERE id = :jobPk!\n   FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * -- The job row, locked: a final serializes with round creation, uploads, submit and other finals.
 * SELECT id, job_id, job_number, status, customer_id, tree_id, tree_number, latest_round_id, latest_round_status
 *   FROM jobs
 *  WHERE id = :jobPk!
 *    FOR UPDATE
 * ```
 */
export const lockJobForFinal = new PreparedQuery<ILockJobForFinalParams,ILockJobForFinalResult>(lockJobForFinalIR);


/** 'FindRoundForFinal' parameters type */
export interface IFindRoundForFinalParams {
  jobPk: string;
  roundId: string;
}

/** 'FindRoundForFinal' return type */
export interface IFindRoundForFinalResult {
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
  /** The review returned to the device: transcript, draft form, narrative, images, failures. */
  review_payload: Json | null;
  /** Public round id, always round_<round_number>. */
  round_id: string;
  /** Revision of the review the server returned (rev_<round_id>_<review_revision>); NULL before the first review. */
  server_revision_id: string | null;
  /** Workflow state of the round. */
  status: round_status;
}

/** 'FindRoundForFinal' query type */
export interface IFindRoundForFinalQuery {
  params: IFindRoundForFinalParams;
  result: IFindRoundForFinalResult;
}

const findRoundForFinalIR: any = {"usedParamSet":{"jobPk":true,"roundId":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":98,"b":104}]},{"name":"roundId","required":true,"transform":{"type":"scalar"},"locs":[{"a":121,"b":129}]}],"statement":"SELECT id, round_id, status, server_revision_id, review_payload\n  FROM job_rounds\n WHERE job_id = :jobPk! AND round_id = :roundId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, round_id, status, server_revision_id, review_payload
 *   FROM job_rounds
 *  WHERE job_id = :jobPk! AND round_id = :roundId!
 * ```
 */
export const findRoundForFinal = new PreparedQuery<IFindRoundForFinalParams,IFindRoundForFinalResult>(findRoundForFinalIR);


/** 'CountProcessingRounds' parameters type */
export interface ICountProcessingRoundsParams {
  jobPk: string;
}

/** 'CountProcessingRounds' return type */
export interface ICountProcessingRoundsResult {
  count: number;
}

/** 'CountProcessingRounds' query type */
export interface ICountProcessingRoundsQuery {
  params: ICountProcessingRoundsParams;
  result: ICountProcessingRoundsResult;
}

const countProcessingRoundsIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":67,"b":73}]}],"statement":"SELECT count(*)::int AS \"count!\"\n  FROM job_rounds\n WHERE job_id = :jobPk! AND status = 'SUBMITTED_FOR_PROCESSING'"};

/**
 * Query generated from SQL:
 * ```
 * SELECT count(*)::int AS "count!"
 *   FROM job_rounds
 *  WHERE job_id = :jobPk! AND status = 'SUBMITTED_FOR_PROCESSING'
 * ```
 */
export const countProcessingRounds = new PreparedQuery<ICountProcessingRoundsParams,ICountProcessingRoundsResult>(countProcessingRoundsIR);


/** 'ListJobFinals' parameters type */
export interface IListJobFinalsParams {
  jobPk: string;
}

/** 'ListJobFinals' return type */
export interface IListJobFinalsResult {
  /** Who finalized: device:<device_id> or admin. */
  actor_identity: string;
  /** Revision the device sent with the final; a retry with the same value returns this row instead of making a correction. */
  client_revision_id: string | null;
  /** When the snapshot was stored. */
  created_at: Date;
  /** Device that finalized; it keeps read access to the outputs after the job is unassigned. */
  finalized_by_device_id: string | null;
  /** Internal key. */
  id: string;
  /** final (the first, never changes) or correction (the latest re-finalization after an admin unlock). */
  kind: string;
  /** The final.json document: form, transcript, narrative, report images, profile, archived_at. */
  payload: Json;
  /** round_<n> of that round, as the payload names it. */
  round_id: string | null;
  /** The round whose review was finalized; such a round is never pruned. */
  round_pk: string | null;
  /** Review revision the final was made from. */
  server_revision_id: string | null;
  /** When the row last changed (corrections only; maintained by trigger). */
  updated_at: Date;
}

/** 'ListJobFinals' query type */
export interface IListJobFinalsQuery {
  params: IListJobFinalsParams;
  result: IListJobFinalsResult;
}

const listJobFinalsIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":252,"b":258}]}],"statement":"-- The job's final and correction rows (at most one of each).\nSELECT id, kind, round_pk, round_id, client_revision_id, server_revision_id, finalized_by_device_id,\n       actor_identity, payload, created_at, updated_at\n  FROM job_finals\n WHERE job_id = :jobPk!\n ORDER BY kind DESC"};

/**
 * Query generated from SQL:
 * ```
 * -- The job's final and correction rows (at most one of each).
 * SELECT id, kind, round_pk, round_id, client_revision_id, server_revision_id, finalized_by_device_id,
 *        actor_identity, payload, created_at, updated_at
 *   FROM job_finals
 *  WHERE job_id = :jobPk!
 *  ORDER BY kind DESC
 * ```
 */
export const listJobFinals = new PreparedQuery<IListJobFinalsParams,IListJobFinalsResult>(listJobFinalsIR);


/** 'ListJobReportImages' parameters type */
export interface IListJobReportImagesParams {
  jobPk: string;
}

/** 'ListJobReportImages' return type */
export interface IListJobReportImagesResult {
  /** Artifact store key of the original photo. */
  artifact_path: string | null;
  /** Caption shown under the photo in the report letter. */
  caption: string | null;
  /** Id the device chose; re-uploading the same id replaces the bytes and keeps caption and GPS. */
  image_id: string;
  /** Artifact store key of the report variant (EXIF-rotated JPEG within 1600x1600). */
  report_artifact_path: string | null;
  /** Public round id, always round_<round_number>. */
  round_id: string;
  /** n of round_<n>; allocated as max + 1 while the job row is locked. */
  round_number: number;
  /** When the current bytes were uploaded. */
  uploaded_at: Date | null;
}

/** 'ListJobReportImages' query type */
export interface IListJobReportImagesQuery {
  params: IListJobReportImagesParams;
  result: IListJobReportImagesResult;
}

const listJobReportImagesIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":298,"b":304}]}],"statement":"-- Every uploaded photo of the job with its round, for the report image selection (api.md §5.2 step 6).\nSELECT r.round_id, r.round_number, i.image_id, i.caption, i.uploaded_at, i.artifact_path, i.report_artifact_path\n  FROM round_images i\n  JOIN job_rounds r ON r.id = i.round_pk\n WHERE r.job_id = :jobPk! AND i.upload_status IN ('uploaded', 'processed') AND i.artifact_path IS NOT NULL\n ORDER BY r.round_number DESC, i.uploaded_at, i.image_id"};

/**
 * Query generated from SQL:
 * ```
 * -- Every uploaded photo of the job with its round, for the report image selection (api.md §5.2 step 6).
 * SELECT r.round_id, r.round_number, i.image_id, i.caption, i.uploaded_at, i.artifact_path, i.report_artifact_path
 *   FROM round_images i
 *   JOIN job_rounds r ON r.id = i.round_pk
 *  WHERE r.job_id = :jobPk! AND i.upload_status IN ('uploaded', 'processed') AND i.artifact_path IS NOT NULL
 *  ORDER BY r.round_number DESC, i.uploaded_at, i.image_id
 * ```
 */
export const listJobReportImages = new PreparedQuery<IListJobReportImagesParams,IListJobReportImagesResult>(listJobReportImagesIR);


/** 'MaxTreeNumber' parameters type */
export interface IMaxTreeNumberParams {
  customerId: string;
}

/** 'MaxTreeNumber' return type */
export interface IMaxTreeNumberResult {
  max: number;
}

/** 'MaxTreeNumber' query type */
export interface IMaxTreeNumberQuery {
  params: IMaxTreeNumberParams;
  result: IMaxTreeNumberResult;
}

const maxTreeNumberIR: any = {"usedParamSet":{"customerId":true},"params":[{"name":"customerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":83,"b":94}]}],"statement":"SELECT COALESCE(max(tree_number), 0)::int AS \"max!\" FROM trees WHERE customer_id = :customerId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT COALESCE(max(tree_number), 0)::int AS "max!" FROM trees WHERE customer_id = :customerId!
 * ```
 */
export const maxTreeNumber = new PreparedQuery<IMaxTreeNumberParams,IMaxTreeNumberResult>(maxTreeNumberIR);


/** 'InsertFinal' parameters type */
export interface IInsertFinalParams {
  actor: string;
  clientRevisionId?: string | null | void;
  devicePk?: string | null | void;
  jobPk: string;
  payload: Json;
  roundId?: string | null | void;
  roundPk?: string | null | void;
  serverRevisionId?: string | null | void;
}

/** 'InsertFinal' return type */
export interface IInsertFinalResult {
  /** Internal key. */
  id: string;
}

/** 'InsertFinal' query type */
export interface IInsertFinalQuery {
  params: IInsertFinalParams;
  result: IInsertFinalResult;
}

const insertFinalIR: any = {"usedParamSet":{"jobPk":true,"roundPk":true,"roundId":true,"clientRevisionId":true,"serverRevisionId":true,"devicePk":true,"actor":true,"payload":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":258,"b":264}]},{"name":"roundPk","required":false,"transform":{"type":"scalar"},"locs":[{"a":276,"b":283}]},{"name":"roundId","required":false,"transform":{"type":"scalar"},"locs":[{"a":286,"b":293}]},{"name":"clientRevisionId","required":false,"transform":{"type":"scalar"},"locs":[{"a":296,"b":312}]},{"name":"serverRevisionId","required":false,"transform":{"type":"scalar"},"locs":[{"a":315,"b":331}]},{"name":"devicePk","required":false,"transform":{"type":"scalar"},"locs":[{"a":334,"b":342}]},{"name":"actor","required":true,"transform":{"type":"scalar"},"locs":[{"a":345,"b":351}]},{"name":"payload","required":true,"transform":{"type":"scalar"},"locs":[{"a":354,"b":362}]}],"statement":"-- The original final: write-once; a second one conflicts and returns nothing.\nINSERT INTO job_finals (job_id, kind, round_pk, round_id, client_revision_id, server_revision_id,\n                        finalized_by_device_id, actor_identity, payload)\nVALUES (:jobPk!, 'final', :roundPk, :roundId, :clientRevisionId, :serverRevisionId, :devicePk, :actor!, :payload!)\nON CONFLICT (job_id, kind) DO NOTHING\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- The original final: write-once; a second one conflicts and returns nothing.
 * INSERT INTO job_finals (job_id, kind, round_pk, round_id, client_revision_id, server_revision_id,
 *                         finalized_by_device_id, actor_identity, payload)
 * VALUES (:jobPk!, 'final', :roundPk, :roundId, :clientRevisionId, :serverRevisionId, :devicePk, :actor!, :payload!)
 * ON CONFLICT (job_id, kind) DO NOTHING
 * RETURNING id
 * ```
 */
export const insertFinal = new PreparedQuery<IInsertFinalParams,IInsertFinalResult>(insertFinalIR);


/** 'UpsertCorrection' parameters type */
export interface IUpsertCorrectionParams {
  actor: string;
  clientRevisionId?: string | null | void;
  devicePk?: string | null | void;
  jobPk: string;
  payload: Json;
  roundId?: string | null | void;
  roundPk?: string | null | void;
  serverRevisionId?: string | null | void;
}

/** 'UpsertCorrection' return type */
export interface IUpsertCorrectionResult {
  /** Internal key. */
  id: string;
}

/** 'UpsertCorrection' query type */
export interface IUpsertCorrectionQuery {
  params: IUpsertCorrectionParams;
  result: IUpsertCorrectionResult;
}

const upsertCorrectionIR: any = {"usedParamSet":{"jobPk":true,"roundPk":true,"roundId":true,"clientRevisionId":true,"serverRevisionId":true,"devicePk":true,"actor":true,"payload":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":229,"b":235}]},{"name":"roundPk","required":false,"transform":{"type":"scalar"},"locs":[{"a":252,"b":259}]},{"name":"roundId","required":false,"transform":{"type":"scalar"},"locs":[{"a":262,"b":269}]},{"name":"clientRevisionId","required":false,"transform":{"type":"scalar"},"locs":[{"a":272,"b":288}]},{"name":"serverRevisionId","required":false,"transform":{"type":"scalar"},"locs":[{"a":291,"b":307}]},{"name":"devicePk","required":false,"transform":{"type":"scalar"},"locs":[{"a":310,"b":318}]},{"name":"actor","required":true,"transform":{"type":"scalar"},"locs":[{"a":321,"b":327}]},{"name":"payload","required":true,"transform":{"type":"scalar"},"locs":[{"a":330,"b":338}]}],"statement":"-- The one current correction, replaced in place.\nINSERT INTO job_finals (job_id, kind, round_pk, round_id, client_revision_id, server_revision_id,\n                        finalized_by_device_id, actor_identity, payload)\nVALUES (:jobPk!, 'correction', :roundPk, :roundId, :clientRevisionId, :serverRevisionId, :devicePk, :actor!, :payload!)\nON CONFLICT (job_id, kind) DO UPDATE\n   SET round_pk = EXCLUDED.round_pk, round_id = EXCLUDED.round_id,\n       client_revision_id = EXCLUDED.client_revision_id, server_revision_id = EXCLUDED.server_revision_id,\n       finalized_by_device_id = EXCLUDED.finalized_by_device_id, actor_identity = EXCLUDED.actor_identity,\n       payload = EXCLUDED.payload\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- The one current correction, replaced in place.
 * INSERT INTO job_finals (job_id, kind, round_pk, round_id, client_revision_id, server_revision_id,
 *                         finalized_by_device_id, actor_identity, payload)
 * VALUES (:jobPk!, 'correction', :roundPk, :roundId, :clientRevisionId, :serverRevisionId, :devicePk, :actor!, :payload!)
 * ON CONFLICT (job_id, kind) DO UPDATE
 *    SET round_pk = EXCLUDED.round_pk, round_id = EXCLUDED.round_id,
 *        client_revision_id = EXCLUDED.client_revision_id, server_revision_id = EXCLUDED.server_revision_id,
 *        finalized_by_device_id = EXCLUDED.finalized_by_device_id, actor_identity = EXCLUDED.actor_identity,
 *        payload = EXCLUDED.payload
 * RETURNING id
 * ```
 */
export const upsertCorrection = new PreparedQuery<IUpsertCorrectionParams,IUpsertCorrectionResult>(upsertCorrectionIR);


/** 'UpsertGeojsonExport' parameters type */
export interface IUpsertGeojsonExportParams {
  jobFinalId: string;
  jobPk: string;
  kind: string;
  payload: Json;
}

/** 'UpsertGeojsonExport' return type */
export type IUpsertGeojsonExportResult = void;

/** 'UpsertGeojsonExport' query type */
export interface IUpsertGeojsonExportQuery {
  params: IUpsertGeojsonExportParams;
  result: IUpsertGeojsonExportResult;
}

const upsertGeojsonExportIR: any = {"usedParamSet":{"jobPk":true,"jobFinalId":true,"kind":true,"payload":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":78,"b":84}]},{"name":"jobFinalId","required":true,"transform":{"type":"scalar"},"locs":[{"a":87,"b":98}]},{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":101,"b":106}]},{"name":"payload","required":true,"transform":{"type":"scalar"},"locs":[{"a":109,"b":117}]}],"statement":"INSERT INTO job_geojson_exports (job_id, job_final_id, kind, payload)\nVALUES (:jobPk!, :jobFinalId!, :kind!, :payload!)\nON CONFLICT (job_id, kind) DO UPDATE SET job_final_id = EXCLUDED.job_final_id, payload = EXCLUDED.payload"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO job_geojson_exports (job_id, job_final_id, kind, payload)
 * VALUES (:jobPk!, :jobFinalId!, :kind!, :payload!)
 * ON CONFLICT (job_id, kind) DO UPDATE SET job_final_id = EXCLUDED.job_final_id, payload = EXCLUDED.payload
 * ```
 */
export const upsertGeojsonExport = new PreparedQuery<IUpsertGeojsonExportParams,IUpsertGeojsonExportResult>(upsertGeojsonExportIR);


/** 'UpsertFinalArtifact' parameters type */
export interface IUpsertFinalArtifactParams {
  byteSize: number;
  contentType: string;
  jobFinalId: string;
  jobPk: string;
  kind: artifact_kind;
  path: string;
  sha256: string;
}

/** 'UpsertFinalArtifact' return type */
export type IUpsertFinalArtifactResult = void;

/** 'UpsertFinalArtifact' query type */
export interface IUpsertFinalArtifactQuery {
  params: IUpsertFinalArtifactParams;
  result: IUpsertFinalArtifactResult;
}

const upsertFinalArtifactIR: any = {"usedParamSet":{"jobPk":true,"jobFinalId":true,"kind":true,"path":true,"contentType":true,"byteSize":true,"sha256":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":208,"b":214}]},{"name":"jobFinalId","required":true,"transform":{"type":"scalar"},"locs":[{"a":217,"b":228}]},{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":231,"b":236}]},{"name":"path","required":true,"transform":{"type":"scalar"},"locs":[{"a":239,"b":244}]},{"name":"contentType","required":true,"transform":{"type":"scalar"},"locs":[{"a":247,"b":259}]},{"name":"byteSize","required":true,"transform":{"type":"scalar"},"locs":[{"a":262,"b":271}]},{"name":"sha256","required":true,"transform":{"type":"scalar"},"locs":[{"a":274,"b":281}]}],"statement":"-- One rendered output of a final or correction; a correction's files replace the previous correction's rows.\nINSERT INTO artifacts (job_id, job_final_id, kind, path, content_type, byte_size, sha256)\nVALUES (:jobPk!, :jobFinalId!, :kind!, :path!, :contentType!, :byteSize!, :sha256!)\nON CONFLICT (path) DO UPDATE\n   SET job_id = EXCLUDED.job_id, job_final_id = EXCLUDED.job_final_id, kind = EXCLUDED.kind,\n       content_type = EXCLUDED.content_type, byte_size = EXCLUDED.byte_size, sha256 = EXCLUDED.sha256,\n       created_at = now()"};

/**
 * Query generated from SQL:
 * ```
 * -- One rendered output of a final or correction; a correction's files replace the previous correction's rows.
 * INSERT INTO artifacts (job_id, job_final_id, kind, path, content_type, byte_size, sha256)
 * VALUES (:jobPk!, :jobFinalId!, :kind!, :path!, :contentType!, :byteSize!, :sha256!)
 * ON CONFLICT (path) DO UPDATE
 *    SET job_id = EXCLUDED.job_id, job_final_id = EXCLUDED.job_final_id, kind = EXCLUDED.kind,
 *        content_type = EXCLUDED.content_type, byte_size = EXCLUDED.byte_size, sha256 = EXCLUDED.sha256,
 *        created_at = now()
 * ```
 */
export const upsertFinalArtifact = new PreparedQuery<IUpsertFinalArtifactParams,IUpsertFinalArtifactResult>(upsertFinalArtifactIR);


/** 'ListGeojsonKinds' parameters type */
export interface IListGeojsonKindsParams {
  jobPk: string;
}

/** 'ListGeojsonKinds' return type */
export interface IListGeojsonKindsResult {
  /** final or correction, as the snapshot it was made from. */
  kind: string;
}

/** 'ListGeojsonKinds' query type */
export interface IListGeojsonKindsQuery {
  params: IListGeojsonKindsParams;
  result: IListGeojsonKindsResult;
}

const listGeojsonKindsIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":52,"b":58}]}],"statement":"SELECT kind FROM job_geojson_exports WHERE job_id = :jobPk!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT kind FROM job_geojson_exports WHERE job_id = :jobPk!
 * ```
 */
export const listGeojsonKinds = new PreparedQuery<IListGeojsonKindsParams,IListGeojsonKindsResult>(listGeojsonKindsIR);


/** 'UpsertOperator' parameters type */
export interface IUpsertOperatorParams {
  name: string;
}

/** 'UpsertOperator' return type */
export interface IUpsertOperatorResult {
  /** Internal key. */
  id: string;
}

/** 'UpsertOperator' query type */
export interface IUpsertOperatorQuery {
  params: IUpsertOperatorParams;
  result: IUpsertOperatorResult;
}

const upsertOperatorIR: any = {"usedParamSet":{"name":true},"params":[{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":37,"b":42}]}],"statement":"INSERT INTO operators (name) VALUES (:name!)\nON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO operators (name) VALUES (:name!)
 * ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
 * RETURNING id
 * ```
 */
export const upsertOperator = new PreparedQuery<IUpsertOperatorParams,IUpsertOperatorResult>(upsertOperatorIR);


/** 'ArchiveJob' parameters type */
export interface IArchiveJobParams {
  archivedAt: DateOrString;
  jobPk: string;
  operatorId?: string | null | void;
  treeId?: string | null | void;
  treeNumber?: number | null | void;
}

/** 'ArchiveJob' return type */
export type IArchiveJobResult = void;

/** 'ArchiveJob' query type */
export interface IArchiveJobQuery {
  params: IArchiveJobParams;
  result: IArchiveJobResult;
}

const archiveJobIR: any = {"usedParamSet":{"archivedAt":true,"treeId":true,"treeNumber":true,"operatorId":true,"jobPk":true},"params":[{"name":"archivedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":275,"b":286}]},{"name":"treeId","required":false,"transform":{"type":"scalar"},"locs":[{"a":306,"b":312}]},{"name":"treeNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":329,"b":339}]},{"name":"operatorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":372,"b":382}]},{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":410,"b":416}]}],"statement":"-- The job after a final: archived, its latest round shown as returned, tree and operator in sync.\nUPDATE jobs\n   SET status = 'ARCHIVED',\n       latest_round_status = CASE WHEN latest_round_id IS NULL THEN NULL ELSE 'REVIEW_RETURNED'::round_status END,\n       archived_at = :archivedAt!,\n       tree_id = :treeId, tree_number = :treeNumber,\n       operator_id = COALESCE(:operatorId, operator_id)\n WHERE id = :jobPk!"};

/**
 * Query generated from SQL:
 * ```
 * -- The job after a final: archived, its latest round shown as returned, tree and operator in sync.
 * UPDATE jobs
 *    SET status = 'ARCHIVED',
 *        latest_round_status = CASE WHEN latest_round_id IS NULL THEN NULL ELSE 'REVIEW_RETURNED'::round_status END,
 *        archived_at = :archivedAt!,
 *        tree_id = :treeId, tree_number = :treeNumber,
 *        operator_id = COALESCE(:operatorId, operator_id)
 *  WHERE id = :jobPk!
 * ```
 */
export const archiveJob = new PreparedQuery<IArchiveJobParams,IArchiveJobResult>(archiveJobIR);


/** 'DeleteOtherFinalArtifacts' parameters type */
export interface IDeleteOtherFinalArtifactsParams {
  jobFinalId: string;
  keep: readonly (string)[];
}

/** 'DeleteOtherFinalArtifacts' return type */
export interface IDeleteOtherFinalArtifactsResult {
  /** Artifact store key: a relative POSIX path under the storage root. */
  path: string;
}

/** 'DeleteOtherFinalArtifacts' query type */
export interface IDeleteOtherFinalArtifactsQuery {
  params: IDeleteOtherFinalArtifactsParams;
  result: IDeleteOtherFinalArtifactsResult;
}

const deleteOtherFinalArtifactsIR: any = {"usedParamSet":{"jobFinalId":true,"keep":true},"params":[{"name":"keep","required":true,"transform":{"type":"array_spread"},"locs":[{"a":154,"b":159}]},{"name":"jobFinalId","required":true,"transform":{"type":"scalar"},"locs":[{"a":125,"b":136}]}],"statement":"-- Rows of a replaced correction's outputs that the new correction does not have.\nDELETE FROM artifacts WHERE job_final_id = :jobFinalId! AND path NOT IN :keep! RETURNING path"};

/**
 * Query generated from SQL:
 * ```
 * -- Rows of a replaced correction's outputs that the new correction does not have.
 * DELETE FROM artifacts WHERE job_final_id = :jobFinalId! AND path NOT IN :keep! RETURNING path
 * ```
 */
export const deleteOtherFinalArtifacts = new PreparedQuery<IDeleteOtherFinalArtifactsParams,IDeleteOtherFinalArtifactsResult>(deleteOtherFinalArtifactsIR);


