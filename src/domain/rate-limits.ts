/**
 * The auth rate limit, kept in PostgreSQL so every server process on the
 * database counts against one budget (issue #15): a fixed one-minute window
 * per route (scope) and client address, bumped by one upserting statement.
 * A fixed window lets a client spend up to twice the limit across a minute
 * boundary; for slowing down guessing and floods on two routes that is enough,
 * and it costs one row per client instead of a timestamp per request.
 */
import type { Pool } from '../db/pool.js';
import { hitRateWindow, sweepRateWindows } from '../queries/rate-limits.queries.js';

/** Ended windows are swept by the process that counts this many requests since its last sweep. */
const SWEEP_EVERY = 1000;
let sinceSweep = 0;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one request of `client` to `scope` (refused ones too) and says whether it is within `perMinute`. */
export async function hitRateLimit(pool: Pool, scope: string, client: string, perMinute: number): Promise<RateDecision> {
  if (++sinceSweep >= SWEEP_EVERY) {
    sinceSweep = 0;
    await sweepRateWindows.run(undefined, pool);
  }
  const [row] = await hitRateWindow.run({ scope, client: client.slice(0, 64) || 'unknown' }, pool);
  return row!.hits <= perMinute ? { allowed: true } : { allowed: false, retryAfterSeconds: row!.retry_after };
}
