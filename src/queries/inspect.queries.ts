/** Types generated for queries found in "queries/inspect.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type round_status = 'DRAFT' | 'FAILED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'InspectAssignment' parameters type */
export interface IInspectAssignmentParams {
  jobPk: string;
}

/** 'InspectAssignment' return type */
export interface IInspectAssignmentResult {
  /** When the current device got the job. */
  assigned_at: Date;
  /** auto (the device created the job), admin (assigned by an admin) or admin_unlock (reassigned when an admin unlocked an archived job). */
  assigned_by: string;
  /** Identifier the device chose for itself at registration (public, not a secret). */
  device_id: string;
}

/** 'InspectAssignment' query type */
export interface IInspectAssignmentQuery {
  params: IInspectAssignmentParams;
  result: IInspectAssignmentResult;
}

const inspectAssignmentIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":243,"b":249}]}],"statement":"-- The job's current assignment, if any (read only, no lock).\nSELECT d.device_id AS \"device_id!\", a.assigned_by AS \"assigned_by!\", a.assigned_at AS \"assigned_at!\"\n  FROM job_assignments a JOIN devices d ON d.id = a.device_id\n WHERE a.job_id = :jobPk!"};

/**
 * Query generated from SQL:
 * ```
 * -- The job's current assignment, if any (read only, no lock).
 * SELECT d.device_id AS "device_id!", a.assigned_by AS "assigned_by!", a.assigned_at AS "assigned_at!"
 *   FROM job_assignments a JOIN devices d ON d.id = a.device_id
 *  WHERE a.job_id = :jobPk!
 * ```
 */
export const inspectAssignment = new PreparedQuery<IInspectAssignmentParams,IInspectAssignmentResult>(inspectAssignmentIR);


/** 'InspectRoundIds' parameters type */
export interface IInspectRoundIdsParams {
  jobPk: string;
}

/** 'InspectRoundIds' return type */
export interface IInspectRoundIdsResult {
  /** Public round id, always round_<round_number>. */
  round_id: string;
}

/** 'InspectRoundIds' query type */
export interface IInspectRoundIdsQuery {
  params: IInspectRoundIdsParams;
  result: IInspectRoundIdsResult;
}

const inspectRoundIdsIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":162,"b":168}]}],"statement":"-- Every round of the job, oldest first (api.md §2.13 reads round directories; we read job_rounds).\nSELECT round_id AS \"round_id!\" FROM job_rounds WHERE job_id = :jobPk! ORDER BY round_number"};

/**
 * Query generated from SQL:
 * ```
 * -- Every round of the job, oldest first (api.md §2.13 reads round directories; we read job_rounds).
 * SELECT round_id AS "round_id!" FROM job_rounds WHERE job_id = :jobPk! ORDER BY round_number
 * ```
 */
export const inspectRoundIds = new PreparedQuery<IInspectRoundIdsParams,IInspectRoundIdsResult>(inspectRoundIdsIR);


/** 'InspectFinalKinds' parameters type */
export interface IInspectFinalKindsParams {
  jobPk: string;
}

/** 'InspectFinalKinds' return type */
export interface IInspectFinalKindsResult {
  /** final (the first, never changes) or correction (the latest re-finalization after an admin unlock). */
  kind: string;
}

/** 'InspectFinalKinds' query type */
export interface IInspectFinalKindsQuery {
  params: IInspectFinalKindsParams;
  result: IInspectFinalKindsResult;
}

const inspectFinalKindsIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":109,"b":115}]}],"statement":"-- Which snapshots exist: 'final' and/or 'correction'.\nSELECT kind AS \"kind!\" FROM job_finals WHERE job_id = :jobPk!"};

/**
 * Query generated from SQL:
 * ```
 * -- Which snapshots exist: 'final' and/or 'correction'.
 * SELECT kind AS "kind!" FROM job_finals WHERE job_id = :jobPk!
 * ```
 */
export const inspectFinalKinds = new PreparedQuery<IInspectFinalKindsParams,IInspectFinalKindsResult>(inspectFinalKindsIR);


/** 'InspectRound' parameters type */
export interface IInspectRoundParams {
  jobPk: string;
  roundId: string;
}

/** 'InspectRound' return type */
export interface IInspectRoundResult {
  /** Opaque revision the device sent with its last submit; stored with the submit transition so a reconciliation read sees it at once. */
  client_revision_id: string | null;
  /** When the round was opened. */
  created_at: Date;
  /** Why the round is FAILED (processing error or the stuck-round watchdog). */
  failure_reason: string | null;
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
  image_count: number;
  manifest_count: number;
  /** When processing last finished, successfully or not. */
  processing_finished_at: Date | null;
  /** When a worker last started processing the round. */
  processing_started_at: Date | null;
  recording_count: number;
  /** The review returned to the device: transcript, draft form, narrative, images, failures. */
  review_payload: Json | null;
  /** Bumped each time review_payload changes. */
  review_revision: number;
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

/** 'InspectRound' query type */
export interface IInspectRoundQuery {
  params: IInspectRoundParams;
  result: IInspectRoundResult;
}

const inspectRoundIR: any = {"usedParamSet":{"jobPk":true,"roundId":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":750,"b":756}]},{"name":"roundId","required":true,"transform":{"type":"scalar"},"locs":[{"a":775,"b":783}]}],"statement":"-- One round with its media counts; review fields come from the stored review payload.\nSELECT r.id AS \"id!\", r.round_id AS \"round_id!\", r.round_number AS \"round_number!\", r.status AS \"status!\",\n       r.server_revision_id, r.review_revision AS \"review_revision!\", r.client_revision_id,\n       jsonb_array_length(r.manifest) AS \"manifest_count!\",\n       r.review_payload, r.submitted_at, r.processing_started_at, r.processing_finished_at, r.failure_reason,\n       r.created_at AS \"created_at!\", r.updated_at AS \"updated_at!\",\n       (SELECT count(*) FROM round_recordings rr WHERE rr.round_pk = r.id) AS \"recording_count!\",\n       (SELECT count(*) FROM round_images ri WHERE ri.round_pk = r.id) AS \"image_count!\"\n  FROM job_rounds r\n WHERE r.job_id = :jobPk! AND r.round_id = :roundId!"};

/**
 * Query generated from SQL:
 * ```
 * -- One round with its media counts; review fields come from the stored review payload.
 * SELECT r.id AS "id!", r.round_id AS "round_id!", r.round_number AS "round_number!", r.status AS "status!",
 *        r.server_revision_id, r.review_revision AS "review_revision!", r.client_revision_id,
 *        jsonb_array_length(r.manifest) AS "manifest_count!",
 *        r.review_payload, r.submitted_at, r.processing_started_at, r.processing_finished_at, r.failure_reason,
 *        r.created_at AS "created_at!", r.updated_at AS "updated_at!",
 *        (SELECT count(*) FROM round_recordings rr WHERE rr.round_pk = r.id) AS "recording_count!",
 *        (SELECT count(*) FROM round_images ri WHERE ri.round_pk = r.id) AS "image_count!"
 *   FROM job_rounds r
 *  WHERE r.job_id = :jobPk! AND r.round_id = :roundId!
 * ```
 */
export const inspectRound = new PreparedQuery<IInspectRoundParams,IInspectRoundResult>(inspectRoundIR);


