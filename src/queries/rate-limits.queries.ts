/** Types generated for queries found in "queries/rate-limits.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'HitRateWindow' parameters type */
export interface IHitRateWindowParams {
  client: string;
  scope: string;
}

/** 'HitRateWindow' return type */
export interface IHitRateWindowResult {
  /** Requests of this client to this route in the window, including refused ones. */
  hits: number;
  retry_after: number;
}

/** 'HitRateWindow' query type */
export interface IHitRateWindowQuery {
  params: IHitRateWindowParams;
  result: IHitRateWindowResult;
}

const hitRateWindowIR: any = {"usedParamSet":{"scope":true,"client":true},"params":[{"name":"scope","required":true,"transform":{"type":"scalar"},"locs":[{"a":362,"b":368}]},{"name":"client","required":true,"transform":{"type":"scalar"},"locs":[{"a":371,"b":378}]}],"statement":"-- Counts one request of a client in the current one-minute window, in one\n-- statement: a new client or a new minute starts at 1, otherwise hits + 1.\n-- The row lock makes concurrent requests (from any process) count one by one.\n-- retry_after: whole seconds until the window ends.\nINSERT INTO auth_rate_windows AS w (scope, client, window_start, hits)\nVALUES (:scope!, :client!, date_trunc('minute', now()), 1)\nON CONFLICT (scope, client) DO UPDATE\n   SET hits = CASE WHEN w.window_start = EXCLUDED.window_start THEN w.hits + 1 ELSE 1 END,\n       window_start = EXCLUDED.window_start\nRETURNING hits AS \"hits!\",\n          GREATEST(1, ceil(extract(epoch FROM (window_start + interval '1 minute' - now()))))::int AS \"retry_after!\""};

/**
 * Query generated from SQL:
 * ```
 * -- Counts one request of a client in the current one-minute window, in one
 * -- statement: a new client or a new minute starts at 1, otherwise hits + 1.
 * -- The row lock makes concurrent requests (from any process) count one by one.
 * -- retry_after: whole seconds until the window ends.
 * INSERT INTO auth_rate_windows AS w (scope, client, window_start, hits)
 * VALUES (:scope!, :client!, date_trunc('minute', now()), 1)
 * ON CONFLICT (scope, client) DO UPDATE
 *    SET hits = CASE WHEN w.window_start = EXCLUDED.window_start THEN w.hits + 1 ELSE 1 END,
 *        window_start = EXCLUDED.window_start
 * RETURNING hits AS "hits!",
 *           GREATEST(1, ceil(extract(epoch FROM (window_start + interval '1 minute' - now()))))::int AS "retry_after!"
 * ```
 */
export const hitRateWindow = new PreparedQuery<IHitRateWindowParams,IHitRateWindowResult>(hitRateWindowIR);


/** 'SweepRateWindows' parameters type */
export type ISweepRateWindowsParams = void;

/** 'SweepRateWindows' return type */
export type ISweepRateWindowsResult = void;

/** 'SweepRateWindows' query type */
export interface ISweepRateWindowsQuery {
  params: ISweepRateWindowsParams;
  result: ISweepRateWindowsResult;
}

const sweepRateWindowsIR: any = {"usedParamSet":{},"params":[],"statement":"-- Rows of windows that have ended (clients that stopped coming).\nDELETE FROM auth_rate_windows WHERE window_start < date_trunc('minute', now())"};

/**
 * Query generated from SQL:
 * ```
 * -- Rows of windows that have ended (clients that stopped coming).
 * DELETE FROM auth_rate_windows WHERE window_start < date_trunc('minute', now())
 * ```
 */
export const sweepRateWindows = new PreparedQuery<ISweepRateWindowsParams,ISweepRateWindowsResult>(sweepRateWindowsIR);


