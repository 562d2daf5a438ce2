import type { Middleware } from 'koa';
import type { Logger } from '../../logger.js';
import { ArtifactTooLarge, InvalidArtifactKey, isStorageFull } from '../../artifacts/store.js';
import { isConnectionError } from '../../db/pool.js';
import { Problem, problems } from '../problems.js';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message?: string;
  limit?: number;
}

/** Errors thrown by koa-body / raw-body / Koa itself, mapped onto the catalogue. */
function fromHttpError(err: HttpLikeError): Problem | undefined {
  const status = err.status ?? err.statusCode;
  if (!status || status >= 500) return undefined;
  if (status === 413) return problems.payloadTooLarge(err.limit ?? 0);
  if (status === 415) return problems.unsupportedMediaType(err.message ?? 'Unsupported Media Type');
  if (status === 400 && (err.type === 'entity.parse.failed' || /JSON|json|parse/.test(err.message ?? ''))) {
    return problems.validation([{ loc: ['body'], msg: 'Request body is not valid JSON', type: 'json_invalid' }]);
  }
  if (status === 405) return problems.methodNotAllowed();
  if (status === 404) return problems.routeNotFound();
  return new Problem(status, 'bad_request', err.expose && err.message ? err.message : 'Bad Request');
}

/**
 * One place that turns failures into `{"detail": ..., "code": ...}`: catalogue
 * problems as they are, framework HTTP errors mapped, a lost database 503
 * `database_unavailable` (with Retry-After), a full disk 507 `storage_full`, anything else a JSON 500
 * (logged with the request id; the client sees no internals).
 */
export function errorHandler(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw problems.routeNotFound();
    } catch (err) {
      let problem: Problem | undefined;
      if (err instanceof Problem) problem = err;
      else if (err instanceof ArtifactTooLarge) problem = problems.payloadTooLarge(err.limit);
      else if (err instanceof InvalidArtifactKey) problem = problems.validation([{ loc: ['path'], msg: err.message, type: 'value_error' }]);
      else if (isConnectionError(err)) problem = problems.databaseUnavailable();
      else if (isStorageFull(err)) problem = problems.storageFull();
      else problem = fromHttpError(err as HttpLikeError);
      if (problem && problem.status >= 500) logger.warn({ req_id: ctx.state.requestId, code: problem.code, err: (err as Error)?.message }, 'request refused');
      if (!problem) {
        const e = err as Error;
        logger.error({ req_id: ctx.state.requestId, err: { message: e?.message, stack: e?.stack } }, 'unhandled error');
        problem = problems.internal();
      }
      ctx.status = problem.status;
      for (const [k, v] of Object.entries(problem.headers)) ctx.set(k, v);
      ctx.body = { detail: problem.detail, code: problem.code };
    }
  };
}
