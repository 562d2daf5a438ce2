/** Types generated for queries found in "queries/events.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type event_type = 'billing_profile_created' | 'billing_profile_deleted' | 'billing_profile_merged' | 'billing_profile_updated' | 'correction_generated' | 'customer_created' | 'customer_deleted' | 'customer_merged' | 'customer_updated' | 'device_approved' | 'device_registered' | 'device_revoked' | 'final_generated' | 'imported' | 'job_assigned' | 'job_created' | 'job_unassigned' | 'job_unlocked' | 'job_updated' | 'manifest_updated' | 'profile_updated' | 'project_created' | 'project_updated' | 'retention_pruned' | 'review_returned' | 'round_created' | 'round_failed' | 'round_reopened' | 'round_reprocessed' | 'round_submitted' | 'status_changed' | 'token_issued';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'InsertJobEvent' parameters type */
export interface IInsertJobEventParams {
  actor: string;
  devicePk?: string | null | void;
  eventType: event_type;
  jobPk?: string | null | void;
  payload: Json;
}

/** 'InsertJobEvent' return type */
export interface IInsertJobEventResult {
  /** Transaction time of the change. */
  created_at: Date;
  /** Internal key. */
  id: string;
}

/** 'InsertJobEvent' query type */
export interface IInsertJobEventQuery {
  params: IInsertJobEventParams;
  result: IInsertJobEventResult;
}

const insertJobEventIR: any = {"usedParamSet":{"jobPk":true,"devicePk":true,"eventType":true,"actor":true,"payload":true},"params":[{"name":"jobPk","required":false,"transform":{"type":"scalar"},"locs":[{"a":88,"b":93}]},{"name":"devicePk","required":false,"transform":{"type":"scalar"},"locs":[{"a":96,"b":104}]},{"name":"eventType","required":true,"transform":{"type":"scalar"},"locs":[{"a":107,"b":117}]},{"name":"actor","required":true,"transform":{"type":"scalar"},"locs":[{"a":120,"b":126}]},{"name":"payload","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":137}]}],"statement":"INSERT INTO job_events (job_id, device_id, event_type, actor_identity, payload)\nVALUES (:jobPk, :devicePk, :eventType!, :actor!, :payload!)\nRETURNING id, created_at"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO job_events (job_id, device_id, event_type, actor_identity, payload)
 * VALUES (:jobPk, :devicePk, :eventType!, :actor!, :payload!)
 * RETURNING id, created_at
 * ```
 */
export const insertJobEvent = new PreparedQuery<IInsertJobEventParams,IInsertJobEventResult>(insertJobEventIR);


/** 'ListJobEvents' parameters type */
export interface IListJobEventsParams {
  devicePk?: string | null | void;
  jobPk?: string | null | void;
}

/** 'ListJobEvents' return type */
export interface IListJobEventsResult {
  /** Who did it: device:<device_id>, admin (the admin key) or system (workers, watchdogs). */
  actor_identity: string;
  /** Transaction time of the change. */
  created_at: Date;
  /** Identifier the device chose for itself at registration (public, not a secret). */
  device_id: string;
  /** What happened. */
  event_type: event_type;
  /** Internal key. */
  id: string;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Details of the change (ids, before and after values); never a secret or token. */
  payload: Json;
}

/** 'ListJobEvents' query type */
export interface IListJobEventsQuery {
  params: IListJobEventsParams;
  result: IListJobEventsResult;
}

const listJobEventsIR: any = {"usedParamSet":{"jobPk":true,"devicePk":true},"params":[{"name":"jobPk","required":false,"transform":{"type":"scalar"},"locs":[{"a":202,"b":207},{"a":237,"b":242}]},{"name":"devicePk","required":false,"transform":{"type":"scalar"},"locs":[{"a":253,"b":261},{"a":294,"b":302}]}],"statement":"SELECT e.id, e.event_type, e.actor_identity, e.payload, e.created_at, j.job_id, d.device_id\n  FROM job_events e\n  LEFT JOIN jobs j ON j.id = e.job_id\n  LEFT JOIN devices d ON d.id = e.device_id\n WHERE (:jobPk::uuid IS NULL OR e.job_id = :jobPk)\n   AND (:devicePk::uuid IS NULL OR e.device_id = :devicePk)\n ORDER BY e.created_at, e.id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT e.id, e.event_type, e.actor_identity, e.payload, e.created_at, j.job_id, d.device_id
 *   FROM job_events e
 *   LEFT JOIN jobs j ON j.id = e.job_id
 *   LEFT JOIN devices d ON d.id = e.device_id
 *  WHERE (:jobPk::uuid IS NULL OR e.job_id = :jobPk)
 *    AND (:devicePk::uuid IS NULL OR e.device_id = :devicePk)
 *  ORDER BY e.created_at, e.id
 * ```
 */
export const listJobEvents = new PreparedQuery<IListJobEventsParams,IListJobEventsResult>(listJobEventsIR);


