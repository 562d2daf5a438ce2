/** Types generated for queries found in "queries/access.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type job_status = 'ARCHIVED' | 'DRAFT' | 'FAILED' | 'NOT_STARTED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

/** 'FindJobForAccess' parameters type */
export interface IFindJobForAccessParams {
  devicePk?: string | null | void;
  jobId: string;
}

/** 'FindJobForAccess' return type */
export interface IFindJobForAccessResult {
  /** The owning device; a device holding a job cannot be deleted. */
  assigned_device_pk: string;
  finalized_by_caller: boolean;
  /** Internal key. */
  id: string;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** Workflow state of the job. */
  status: job_status;
}

/** 'FindJobForAccess' query type */
export interface IFindJobForAccessQuery {
  params: IFindJobForAccessParams;
  result: IFindJobForAccessResult;
}

const findJobForAccessIR: any = {"usedParamSet":{"devicePk":true,"jobId":true},"params":[{"name":"devicePk","required":false,"transform":{"type":"scalar"},"locs":[{"a":200,"b":208}]},{"name":"jobId","required":true,"transform":{"type":"scalar"},"locs":[{"a":318,"b":324}]}],"statement":"SELECT j.id, j.job_id, j.job_number, j.status,\n       a.device_id AS assigned_device_pk,\n       EXISTS (SELECT 1 FROM job_finals f\n                WHERE f.job_id = j.id AND f.finalized_by_device_id = :devicePk) AS \"finalized_by_caller!\"\n  FROM jobs j\n  LEFT JOIN job_assignments a ON a.job_id = j.id\n WHERE j.job_id = :jobId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT j.id, j.job_id, j.job_number, j.status,
 *        a.device_id AS assigned_device_pk,
 *        EXISTS (SELECT 1 FROM job_finals f
 *                 WHERE f.job_id = j.id AND f.finalized_by_device_id = :devicePk) AS "finalized_by_caller!"
 *   FROM jobs j
 *   LEFT JOIN job_assignments a ON a.job_id = j.id
 *  WHERE j.job_id = :jobId!
 * ```
 */
export const findJobForAccess = new PreparedQuery<IFindJobForAccessParams,IFindJobForAccessResult>(findJobForAccessIR);


