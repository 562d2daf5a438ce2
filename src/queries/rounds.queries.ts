/** Types generated for queries found in "queries/rounds.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type job_status = 'ARCHIVED' | 'DRAFT' | 'FAILED' | 'NOT_STARTED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type round_status = 'DRAFT' | 'FAILED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type upload_status = 'failed' | 'pending' | 'processed' | 'uploaded' | 'uploading';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'LockJobRow' parameters type */
export interface ILockJobRowParams {
  jobPk: string;
}

/** 'LockJobRow' return type */
export interface ILockJobRowResult {
  /** Internal key. */
  id: string;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** The round the device works in now (round_<n>); NULL before the first round. */
  latest_round_id: string | null;
  /** Status of the latest round, mirrored here in the same transaction that changes the round. */
  latest_round_status: round_status | null;
  /** Workflow state of the job. */
  status: job_status;
}

/** 'LockJobRow' query type */
export interface ILockJobRowQuery {
  params: ILockJobRowParams;
  result: ILockJobRowResult;
}

const lockJobRowIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":174,"b":180}]}],"statement":"-- The job row, locked: round creation, reopen and every media write serialize on it.\nSELECT id, job_id, status, latest_round_id, latest_round_status\n  FROM jobs\n WHERE id = :jobPk!\n   FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * -- The job row, locked: round creation, reopen and every media write serialize on it.
 * SELECT id, job_id, status, latest_round_id, latest_round_status
 *   FROM jobs
 *  WHERE id = :jobPk!
 *    FOR UPDATE
 * ```
 */
export const lockJobRow = new PreparedQuery<ILockJobRowParams,ILockJobRowResult>(lockJobRowIR);


/** 'FindJobRoundState' parameters type */
export interface IFindJobRoundStateParams {
  jobPk: string;
}

/** 'FindJobRoundState' return type */
export interface IFindJobRoundStateResult {
  /** Internal key. */
  id: string;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** The round the device works in now (round_<n>); NULL before the first round. */
  latest_round_id: string | null;
  /** Status of the latest round, mirrored here in the same transaction that changes the round. */
  latest_round_status: round_status | null;
  /** Workflow state of the job. */
  status: job_status;
}

/** 'FindJobRoundState' query type */
export interface IFindJobRoundStateQuery {
  params: IFindJobRoundStateParams;
  result: IFindJobRoundStateResult;
}

const findJobRoundStateIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":179,"b":185}]}],"statement":"-- The job's status and latest round, unlocked (pre-checks before reading an upload body).\nSELECT id, job_id, status, latest_round_id, latest_round_status\n  FROM jobs\n WHERE id = :jobPk!"};

/**
 * Query generated from SQL:
 * ```
 * -- The job's status and latest round, unlocked (pre-checks before reading an upload body).
 * SELECT id, job_id, status, latest_round_id, latest_round_status
 *   FROM jobs
 *  WHERE id = :jobPk!
 * ```
 */
export const findJobRoundState = new PreparedQuery<IFindJobRoundStateParams,IFindJobRoundStateResult>(findJobRoundStateIR);


/** 'NextRoundNumber' parameters type */
export interface INextRoundNumberParams {
  jobPk: string;
}

/** 'NextRoundNumber' return type */
export interface INextRoundNumberResult {
  next: number;
}

/** 'NextRoundNumber' query type */
export interface INextRoundNumberQuery {
  params: INextRoundNumberParams;
  result: INextRoundNumberResult;
}

const nextRoundNumberIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":154,"b":160}]}],"statement":"-- max + 1; only correct while the job row is locked (LockJobRow).\nSELECT coalesce(max(round_number), 0) + 1 AS \"next!\"\n  FROM job_rounds\n WHERE job_id = :jobPk!"};

/**
 * Query generated from SQL:
 * ```
 * -- max + 1; only correct while the job row is locked (LockJobRow).
 * SELECT coalesce(max(round_number), 0) + 1 AS "next!"
 *   FROM job_rounds
 *  WHERE job_id = :jobPk!
 * ```
 */
export const nextRoundNumber = new PreparedQuery<INextRoundNumberParams,INextRoundNumberResult>(nextRoundNumberIR);


/** 'InsertRound' parameters type */
export interface IInsertRoundParams {
  jobPk: string;
  roundId: string;
  roundNumber: number;
}

/** 'InsertRound' return type */
export interface IInsertRoundResult {
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
  /** Public round id, always round_<round_number>. */
  round_id: string;
  /** Workflow state of the round. */
  status: round_status;
}

/** 'InsertRound' query type */
export interface IInsertRoundQuery {
  params: IInsertRoundParams;
  result: IInsertRoundResult;
}

const insertRoundIR: any = {"usedParamSet":{"jobPk":true,"roundNumber":true,"roundId":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":64,"b":70}]},{"name":"roundNumber","required":true,"transform":{"type":"scalar"},"locs":[{"a":73,"b":85}]},{"name":"roundId","required":true,"transform":{"type":"scalar"},"locs":[{"a":88,"b":96}]}],"statement":"INSERT INTO job_rounds (job_id, round_number, round_id)\nVALUES (:jobPk!, :roundNumber!, :roundId!)\nRETURNING id, round_id, status"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO job_rounds (job_id, round_number, round_id)
 * VALUES (:jobPk!, :roundNumber!, :roundId!)
 * RETURNING id, round_id, status
 * ```
 */
export const insertRound = new PreparedQuery<IInsertRoundParams,IInsertRoundResult>(insertRoundIR);


/** 'SetJobLatestRoundDraft' parameters type */
export interface ISetJobLatestRoundDraftParams {
  jobPk: string;
  roundId: string;
}

/** 'SetJobLatestRoundDraft' return type */
export type ISetJobLatestRoundDraftResult = void;

/** 'SetJobLatestRoundDraft' query type */
export interface ISetJobLatestRoundDraftQuery {
  params: ISetJobLatestRoundDraftParams;
  result: ISetJobLatestRoundDraftResult;
}

const setJobLatestRoundDraftIR: any = {"usedParamSet":{"roundId":true,"jobPk":true},"params":[{"name":"roundId","required":true,"transform":{"type":"scalar"},"locs":[{"a":115,"b":123}]},{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":168,"b":174}]}],"statement":"-- The job follows its latest round: DRAFT, pointing at it.\nUPDATE jobs\n   SET status = 'DRAFT', latest_round_id = :roundId!, latest_round_status = 'DRAFT'\n WHERE id = :jobPk!"};

/**
 * Query generated from SQL:
 * ```
 * -- The job follows its latest round: DRAFT, pointing at it.
 * UPDATE jobs
 *    SET status = 'DRAFT', latest_round_id = :roundId!, latest_round_status = 'DRAFT'
 *  WHERE id = :jobPk!
 * ```
 */
export const setJobLatestRoundDraft = new PreparedQuery<ISetJobLatestRoundDraftParams,ISetJobLatestRoundDraftResult>(setJobLatestRoundDraftIR);


/** 'FindRound' parameters type */
export interface IFindRoundParams {
  jobPk: string;
  roundId: string;
}

/** 'FindRound' return type */
export interface IFindRoundResult {
  /** Opaque revision the device sent with its last submit; stored with the submit transition so a reconciliation read sees it at once. */
  client_revision_id: string | null;
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
  /** The job the round belongs to. */
  job_id: string;
  /** JSON array of manifest items (artifact_id, section_id, client_order, kind, issue_id, recorded_at); replaced whole by each PUT. */
  manifest: Json;
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
}

/** 'FindRound' query type */
export interface IFindRoundQuery {
  params: IFindRoundParams;
  result: IFindRoundResult;
}

const findRoundIR: any = {"usedParamSet":{"jobPk":true,"roundId":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":157,"b":163}]},{"name":"roundId","required":true,"transform":{"type":"scalar"},"locs":[{"a":180,"b":188}]}],"statement":"SELECT id, job_id, round_number, round_id, status, server_revision_id, client_revision_id,\n       manifest, review_payload\n  FROM job_rounds\n WHERE job_id = :jobPk! AND round_id = :roundId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, job_id, round_number, round_id, status, server_revision_id, client_revision_id,
 *        manifest, review_payload
 *   FROM job_rounds
 *  WHERE job_id = :jobPk! AND round_id = :roundId!
 * ```
 */
export const findRound = new PreparedQuery<IFindRoundParams,IFindRoundResult>(findRoundIR);


/** 'UpdateRoundManifest' parameters type */
export interface IUpdateRoundManifestParams {
  manifest: Json;
  roundPk: string;
}

/** 'UpdateRoundManifest' return type */
export type IUpdateRoundManifestResult = void;

/** 'UpdateRoundManifest' query type */
export interface IUpdateRoundManifestQuery {
  params: IUpdateRoundManifestParams;
  result: IUpdateRoundManifestResult;
}

const updateRoundManifestIR: any = {"usedParamSet":{"manifest":true,"roundPk":true},"params":[{"name":"manifest","required":true,"transform":{"type":"scalar"},"locs":[{"a":36,"b":45}]},{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":59,"b":67}]}],"statement":"UPDATE job_rounds\n   SET manifest = :manifest!\n WHERE id = :roundPk!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE job_rounds
 *    SET manifest = :manifest!
 *  WHERE id = :roundPk!
 * ```
 */
export const updateRoundManifest = new PreparedQuery<IUpdateRoundManifestParams,IUpdateRoundManifestResult>(updateRoundManifestIR);


/** 'ReopenRound' parameters type */
export interface IReopenRoundParams {
  roundPk: string;
}

/** 'ReopenRound' return type */
export type IReopenRoundResult = void;

/** 'ReopenRound' query type */
export interface IReopenRoundQuery {
  params: IReopenRoundParams;
  result: IReopenRoundResult;
}

const reopenRoundIR: any = {"usedParamSet":{"roundPk":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":153,"b":161}]}],"statement":"-- Persists the round row itself (the old server only changed the job row).\nUPDATE job_rounds\n   SET status = 'DRAFT', failure_reason = NULL\n WHERE id = :roundPk!"};

/**
 * Query generated from SQL:
 * ```
 * -- Persists the round row itself (the old server only changed the job row).
 * UPDATE job_rounds
 *    SET status = 'DRAFT', failure_reason = NULL
 *  WHERE id = :roundPk!
 * ```
 */
export const reopenRound = new PreparedQuery<IReopenRoundParams,IReopenRoundResult>(reopenRoundIR);


/** 'ListRoundRecordingIds' parameters type */
export interface IListRoundRecordingIdsParams {
  roundPk: string;
}

/** 'ListRoundRecordingIds' return type */
export interface IListRoundRecordingIdsResult {
  /** Id the device chose; re-uploading the same id replaces the recording. */
  recording_id: string;
  /** TRAQ form section the voice note describes (site_factors, trunk, ...). */
  section_id: string;
  /** uploaded once the bytes are stored. */
  upload_status: upload_status;
}

/** 'ListRoundRecordingIds' query type */
export interface IListRoundRecordingIdsQuery {
  params: IListRoundRecordingIdsParams;
  result: IListRoundRecordingIdsResult;
}

const listRoundRecordingIdsIR: any = {"usedParamSet":{"roundPk":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":89,"b":97}]}],"statement":"SELECT section_id, recording_id, upload_status\n  FROM round_recordings\n WHERE round_pk = :roundPk!\n ORDER BY section_id, recording_id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT section_id, recording_id, upload_status
 *   FROM round_recordings
 *  WHERE round_pk = :roundPk!
 *  ORDER BY section_id, recording_id
 * ```
 */
export const listRoundRecordingIds = new PreparedQuery<IListRoundRecordingIdsParams,IListRoundRecordingIdsResult>(listRoundRecordingIdsIR);


/** 'ListRoundImageIds' parameters type */
export interface IListRoundImageIdsParams {
  roundPk: string;
}

/** 'ListRoundImageIds' return type */
export interface IListRoundImageIdsResult {
  /** Id the device chose; re-uploading the same id replaces the bytes and keeps caption and GPS. */
  image_id: string;
  /** Always job_photos. */
  section_id: string;
  /** uploaded once the bytes are stored. */
  upload_status: upload_status;
}

/** 'ListRoundImageIds' query type */
export interface IListRoundImageIdsQuery {
  params: IListRoundImageIdsParams;
  result: IListRoundImageIdsResult;
}

const listRoundImageIdsIR: any = {"usedParamSet":{"roundPk":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":81,"b":89}]}],"statement":"SELECT section_id, image_id, upload_status\n  FROM round_images\n WHERE round_pk = :roundPk!\n ORDER BY section_id, image_id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT section_id, image_id, upload_status
 *   FROM round_images
 *  WHERE round_pk = :roundPk!
 *  ORDER BY section_id, image_id
 * ```
 */
export const listRoundImageIds = new PreparedQuery<IListRoundImageIdsParams,IListRoundImageIdsResult>(listRoundImageIdsIR);


