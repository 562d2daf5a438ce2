import type { Middleware } from 'koa';
import type { Pool } from '../../db/pool.js';
import { hitRateLimit } from '../../domain/rate-limits.js';
import { problems } from '../../domain/problems.js';

/**
 * At most `perMinute` requests per client address per minute to one route
 * (`scope`), counted in PostgreSQL so every server process on the database
 * shares the budget; beyond it, 429 with Retry-After (whole seconds until the
 * window ends). Behind a reverse proxy every client shares the proxy's
 * address, so set the limit for that.
 */
export function rateLimit(pool: Pool, options: { scope: string; perMinute: number }): Middleware {
  return async (ctx, next) => {
    const decision = await hitRateLimit(pool, options.scope, ctx.ip, options.perMinute);
    if (!decision.allowed) throw problems.rateLimited(decision.retryAfterSeconds);
    await next();
  };
}
