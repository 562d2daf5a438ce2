/** Types generated for queries found in "queries/schedules.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'EnsureScheduledTask' parameters type */
export interface IEnsureScheduledTaskParams {
  task: string;
}

/** 'EnsureScheduledTask' return type */
export type IEnsureScheduledTaskResult = void;

/** 'EnsureScheduledTask' query type */
export interface IEnsureScheduledTaskQuery {
  params: IEnsureScheduledTaskParams;
  result: IEnsureScheduledTaskResult;
}

const ensureScheduledTaskIR: any = {"usedParamSet":{"task":true},"params":[{"name":"task","required":true,"transform":{"type":"scalar"},"locs":[{"a":119,"b":124}]}],"statement":"-- The task's row, due now when it is new (an existing row keeps its time).\nINSERT INTO scheduled_tasks (task) VALUES (:task!) ON CONFLICT (task) DO NOTHING"};

/**
 * Query generated from SQL:
 * ```
 * -- The task's row, due now when it is new (an existing row keeps its time).
 * INSERT INTO scheduled_tasks (task) VALUES (:task!) ON CONFLICT (task) DO NOTHING
 * ```
 */
export const ensureScheduledTask = new PreparedQuery<IEnsureScheduledTaskParams,IEnsureScheduledTaskResult>(ensureScheduledTaskIR);


/** 'ClaimDueTask' parameters type */
export interface IClaimDueTaskParams {
  task: string;
}

/** 'ClaimDueTask' return type */
export interface IClaimDueTaskResult {
  /** When the task is due next; the process that runs it moves this on by its interval in the same transaction. */
  next_run_at: Date;
  /** The task: retention (the prune of TRAQ_RETENTION_INTERVAL_HOURS). */
  task: string;
}

/** 'ClaimDueTask' query type */
export interface IClaimDueTaskQuery {
  params: IClaimDueTaskParams;
  result: IClaimDueTaskResult;
}

const claimDueTaskIR: any = {"usedParamSet":{"task":true},"params":[{"name":"task","required":true,"transform":{"type":"scalar"},"locs":[{"a":162,"b":167}]}],"statement":"-- The task's row when it is due and no other process holds it; held until the\n-- transaction ends.\nSELECT task, next_run_at\n  FROM scheduled_tasks\n WHERE task = :task! AND next_run_at <= now()\n   FOR UPDATE SKIP LOCKED"};

/**
 * Query generated from SQL:
 * ```
 * -- The task's row when it is due and no other process holds it; held until the
 * -- transaction ends.
 * SELECT task, next_run_at
 *   FROM scheduled_tasks
 *  WHERE task = :task! AND next_run_at <= now()
 *    FOR UPDATE SKIP LOCKED
 * ```
 */
export const claimDueTask = new PreparedQuery<IClaimDueTaskParams,IClaimDueTaskResult>(claimDueTaskIR);


/** 'FinishScheduledTask' parameters type */
export interface IFinishScheduledTaskParams {
  intervalSeconds: number;
  outcome: Json;
  task: string;
}

/** 'FinishScheduledTask' return type */
export type IFinishScheduledTaskResult = void;

/** 'FinishScheduledTask' query type */
export interface IFinishScheduledTaskQuery {
  params: IFinishScheduledTaskParams;
  result: IFinishScheduledTaskResult;
}

const finishScheduledTaskIR: any = {"usedParamSet":{"intervalSeconds":true,"outcome":true,"task":true},"params":[{"name":"intervalSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":165,"b":181}]},{"name":"outcome","required":true,"transform":{"type":"scalar"},"locs":[{"a":215,"b":223}]},{"name":"task","required":true,"transform":{"type":"scalar"},"locs":[{"a":246,"b":251}]}],"statement":"-- After a run: due again one interval after this run started.\nUPDATE scheduled_tasks\n   SET last_run_at = now(),\n       next_run_at = now() + make_interval(secs => :intervalSeconds!::float8),\n       last_outcome = :outcome!::jsonb\n WHERE task = :task!"};

/**
 * Query generated from SQL:
 * ```
 * -- After a run: due again one interval after this run started.
 * UPDATE scheduled_tasks
 *    SET last_run_at = now(),
 *        next_run_at = now() + make_interval(secs => :intervalSeconds!::float8),
 *        last_outcome = :outcome!::jsonb
 *  WHERE task = :task!
 * ```
 */
export const finishScheduledTask = new PreparedQuery<IFinishScheduledTaskParams,IFinishScheduledTaskResult>(finishScheduledTaskIR);


