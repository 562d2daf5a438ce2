/** Types generated for queries found in "queries/assignments.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type device_status = 'approved' | 'pending' | 'revoked';

/** 'FindDeviceForAssignment' parameters type */
export interface IFindDeviceForAssignmentParams {
  deviceId: string;
}

/** 'FindDeviceForAssignment' return type */
export interface IFindDeviceForAssignmentResult {
  /** Identifier the device chose for itself at registration (public, not a secret). */
  device_id: string;
  /** Internal key; other tables reference this, never device_id. */
  id: string;
  /** pending until approved; only approved devices can obtain tokens or hold jobs. */
  status: device_status;
}

/** 'FindDeviceForAssignment' query type */
export interface IFindDeviceForAssignmentQuery {
  params: IFindDeviceForAssignmentParams;
  result: IFindDeviceForAssignmentResult;
}

const findDeviceForAssignmentIR: any = {"usedParamSet":{"deviceId":true},"params":[{"name":"deviceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":60,"b":69}]}],"statement":"SELECT id, device_id, status FROM devices WHERE device_id = :deviceId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, device_id, status FROM devices WHERE device_id = :deviceId!
 * ```
 */
export const findDeviceForAssignment = new PreparedQuery<IFindDeviceForAssignmentParams,IFindDeviceForAssignmentResult>(findDeviceForAssignmentIR);


/** 'FindAssignment' parameters type */
export interface IFindAssignmentParams {
  jobPk: string;
}

/** 'FindAssignment' return type */
export interface IFindAssignmentResult {
  /** When the current device got the job. */
  assigned_at: Date;
  /** auto (the device created the job), admin (assigned by an admin) or admin_unlock (reassigned when an admin unlocked an archived job). */
  assigned_by: string;
  /** Identifier the device chose for itself at registration (public, not a secret). */
  device_id: string;
  /** Internal key. */
  id: string;
}

/** 'FindAssignment' query type */
export interface IFindAssignmentQuery {
  params: IFindAssignmentParams;
  result: IFindAssignmentResult;
}

const findAssignmentIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":135,"b":141}]}],"statement":"SELECT a.id, d.device_id, a.assigned_by, a.assigned_at\n  FROM job_assignments a JOIN devices d ON d.id = a.device_id\n WHERE a.job_id = :jobPk!\n FOR UPDATE OF a"};

/**
 * Query generated from SQL:
 * ```
 * SELECT a.id, d.device_id, a.assigned_by, a.assigned_at
 *   FROM job_assignments a JOIN devices d ON d.id = a.device_id
 *  WHERE a.job_id = :jobPk!
 *  FOR UPDATE OF a
 * ```
 */
export const findAssignment = new PreparedQuery<IFindAssignmentParams,IFindAssignmentResult>(findAssignmentIR);


/** 'UpsertAssignment' parameters type */
export interface IUpsertAssignmentParams {
  assignedBy: string;
  devicePk: string;
  jobPk: string;
}

/** 'UpsertAssignment' return type */
export interface IUpsertAssignmentResult {
  /** When the current device got the job. */
  assigned_at: Date;
  /** auto (the device created the job), admin (assigned by an admin) or admin_unlock (reassigned when an admin unlocked an archived job). */
  assigned_by: string;
}

/** 'UpsertAssignment' query type */
export interface IUpsertAssignmentQuery {
  params: IUpsertAssignmentParams;
  result: IUpsertAssignmentResult;
}

const upsertAssignmentIR: any = {"usedParamSet":{"jobPk":true,"devicePk":true,"assignedBy":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":69,"b":75}]},{"name":"devicePk","required":true,"transform":{"type":"scalar"},"locs":[{"a":78,"b":87}]},{"name":"assignedBy","required":true,"transform":{"type":"scalar"},"locs":[{"a":90,"b":101}]}],"statement":"INSERT INTO job_assignments (job_id, device_id, assigned_by) VALUES (:jobPk!, :devicePk!, :assignedBy!)\nON CONFLICT (job_id) DO UPDATE\n   SET device_id = EXCLUDED.device_id, assigned_by = EXCLUDED.assigned_by, assigned_at = now()\nRETURNING assigned_at, assigned_by"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO job_assignments (job_id, device_id, assigned_by) VALUES (:jobPk!, :devicePk!, :assignedBy!)
 * ON CONFLICT (job_id) DO UPDATE
 *    SET device_id = EXCLUDED.device_id, assigned_by = EXCLUDED.assigned_by, assigned_at = now()
 * RETURNING assigned_at, assigned_by
 * ```
 */
export const upsertAssignment = new PreparedQuery<IUpsertAssignmentParams,IUpsertAssignmentResult>(upsertAssignmentIR);


/** 'DeleteAssignment' parameters type */
export interface IDeleteAssignmentParams {
  jobPk: string;
}

/** 'DeleteAssignment' return type */
export interface IDeleteAssignmentResult {
  /** When the current device got the job. */
  assigned_at: Date;
  /** auto (the device created the job), admin (assigned by an admin) or admin_unlock (reassigned when an admin unlocked an archived job). */
  assigned_by: string;
  /** Identifier the device chose for itself at registration (public, not a secret). */
  device_id: string;
}

/** 'DeleteAssignment' query type */
export interface IDeleteAssignmentQuery {
  params: IDeleteAssignmentParams;
  result: IDeleteAssignmentResult;
}

const deleteAssignmentIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":64,"b":70}]}],"statement":"DELETE FROM job_assignments a USING devices d\n WHERE a.job_id = :jobPk! AND d.id = a.device_id\nRETURNING d.device_id, a.assigned_by, a.assigned_at"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM job_assignments a USING devices d
 *  WHERE a.job_id = :jobPk! AND d.id = a.device_id
 * RETURNING d.device_id, a.assigned_by, a.assigned_at
 * ```
 */
export const deleteAssignment = new PreparedQuery<IDeleteAssignmentParams,IDeleteAssignmentResult>(deleteAssignmentIR);


/** 'ListAssignments' parameters type */
export type IListAssignmentsParams = void;

/** 'ListAssignments' return type */
export interface IListAssignmentsResult {
  /** When the current device got the job. */
  assigned_at: Date;
  /** auto (the device created the job), admin (assigned by an admin) or admin_unlock (reassigned when an admin unlocked an archived job). */
  assigned_by: string;
  /** Identifier the device chose for itself at registration (public, not a secret). */
  device_id: string;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
}

/** 'ListAssignments' query type */
export interface IListAssignmentsQuery {
  params: IListAssignmentsParams;
  result: IListAssignmentsResult;
}

const listAssignmentsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT j.job_id, d.device_id, a.assigned_at, a.assigned_by\n  FROM job_assignments a\n  JOIN jobs j ON j.id = a.job_id\n  JOIN devices d ON d.id = a.device_id\n ORDER BY a.assigned_at, j.job_number"};

/**
 * Query generated from SQL:
 * ```
 * SELECT j.job_id, d.device_id, a.assigned_at, a.assigned_by
 *   FROM job_assignments a
 *   JOIN jobs j ON j.id = a.job_id
 *   JOIN devices d ON d.id = a.device_id
 *  ORDER BY a.assigned_at, j.job_number
 * ```
 */
export const listAssignments = new PreparedQuery<IListAssignmentsParams,IListAssignmentsResult>(listAssignmentsIR);


