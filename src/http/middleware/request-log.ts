import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../../logger.js';

const ACCEPTED_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id (the caller's x-request-id when it is sane),
 * returns it as a header and writes one JSON log line when the request ends.
 * Only the path is logged, never the query string, headers or body.
 */
export function requestLog(logger: Logger): Middleware {
  return async (ctx, next) => {
    const given = ctx.get('x-request-id');
    const id = ACCEPTED_ID.test(given) ? given : randomUUID();
    const started = process.hrtime.bigint();
    ctx.state.requestId = id;
    // A child logger only for the requests that ask for one (most never do).
    let child: Logger | undefined;
    Object.defineProperty(ctx.state, 'log', { get: () => (child ??= logger.child({ req_id: id })), enumerable: true, configurable: true });
    ctx.set('x-request-id', id);
    try {
      await next();
    } finally {
      const principal = ctx.state.principal as { identity?: string } | undefined;
      const line = {
        req_id: id,
        method: ctx.method,
        path: ctx.path,
        status: ctx.status,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        ...(principal?.identity ? { actor: principal.identity } : {}),
      };
      if (ctx.status >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    }
  };
}
