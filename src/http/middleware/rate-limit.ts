import type { Middleware } from 'koa';
import { problems } from '../problems.js';

interface Bucket {
  tokens: number;
  at: number;
}

/** Above this many tracked clients, full buckets are dropped (they hold no information). */
const SWEEP_ABOVE = 10_000;

/**
 * A per-client (remote address) token bucket kept in memory: `perMinute`
 * requests may burst, then they refill evenly over the minute. Beyond that,
 * 429 with Retry-After (whole seconds until the next request is allowed).
 * One limiter per use, so register and token count separately. In-memory is
 * enough for one process; behind a reverse proxy every client shares the
 * proxy's address, so set the limit for that.
 */
export function rateLimit(options: { perMinute: number; now?: () => number }): Middleware {
  const { perMinute } = options;
  const now = options.now ?? Date.now;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  const sweep = (t: number) => {
    for (const [key, b] of buckets) if (b.tokens + (t - b.at) * perMs >= perMinute) buckets.delete(key);
  };

  return async (ctx, next) => {
    const t = now();
    const key = ctx.ip;
    const b = buckets.get(key) ?? { tokens: perMinute, at: t };
    b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * perMs);
    b.at = t;
    if (b.tokens < 1) {
      buckets.set(key, b);
      throw problems.rateLimited(Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)));
    }
    b.tokens -= 1;
    if (!buckets.has(key) && buckets.size >= SWEEP_ABOVE) sweep(t);
    buckets.set(key, b);
    await next();
  };
}
