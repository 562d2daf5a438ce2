import type { Middleware } from 'koa';
import type { Logger } from '../../logger.js';
import { ArtifactTooLarge, InvalidArtifactKey, isStorageFull, StorageUnavailable } from '../../artifacts/store.js';
import { isConnectionError } from '../../db/pool.js';
import { Problem, problems } from '../../domain/problems.js';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message?: string;
  limit?: number;
}

/**
 * PostgreSQL refusing a value the edge checks should have caught (a CHECK, a
 * varchar length, a character it cannot store, nesting too deep for jsonb):
 * the client's input, so a 422, never a 500. The cause is logged.
 */
const PG_INPUT_ERRORS: Record<string, string> = {
  '22001': 'value is too long for its field',
  '22021': 'value contains a character that cannot be stored',
  '22P05': 'value contains a character that cannot be stored',
  '23514': 'value is outside the allowed range or length',
  '54001': 'value is nested too deeply',
};

function fromDatabaseError(err: { code?: string; constraint?: string }): Problem | undefined {
  const msg = typeof err?.code === 'string' ? PG_INPUT_ERRORS[err.code] : undefined;
  if (!msg) return undefined;
  return problems.validation([{ loc: ['body', ...(err.constraint ? [err.constraint] : [])], msg, type: 'value_error' }]);
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
  if (status === 405) return problems.methodNotAllowed('');
  if (status === 404) return problems.routeNotFound();
  return new Problem(status, 'bad_request', err.expose && err.message ? err.message : 'Bad Request');
}

/**
 * One place that turns failures into `{"detail": ..., "code": ...}`: catalogue
 * problems as they are, framework HTTP errors mapped, a lost database 503
 * `database_unavailable` (with Retry-After), a full disk 507 `storage_full`, an artifact bucket that does
 * not answer 503 `storage_unavailable` (with Retry-After), anything else a JSON 500
 * (logged with the request id; the client sees no internals).
 */
export function errorHandler(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.body === undefined || ctx.body === null) {
        // The router's allowedMethods() answers unknown methods (TRACE, PROPFIND) and known ones on the wrong path with a bare status.
        const allow = ctx.response.get('Allow');
        if (ctx.status === 404) throw problems.routeNotFound();
        // A method no route implements (TRACE, PROPFIND) is a client error like any other wrong method: 405.
        if (ctx.status === 405 || ctx.status === 501) throw problems.methodNotAllowed(allow);
      }
    } catch (err) {
      let problem: Problem | undefined;
      if (err instanceof Problem) problem = err;
      else if (err instanceof ArtifactTooLarge) problem = problems.payloadTooLarge(err.limit);
      else if (err instanceof InvalidArtifactKey) problem = problems.validation([{ loc: ['path'], msg: err.message, type: 'value_error' }]);
      else if (isConnectionError(err)) problem = problems.databaseUnavailable();
      else if (isStorageFull(err)) problem = problems.storageFull();
      else if (err instanceof StorageUnavailable) problem = problems.storageUnavailable();
      else problem = fromDatabaseError(err as { code?: string }) ?? fromHttpError(err as HttpLikeError);
      if (err instanceof Problem && err.cause !== undefined) {
        const c = err.cause as Error;
        (ctx.state.log ?? logger).error({ req_id: ctx.state.requestId, code: err.code, err: { message: c?.message ?? String(c), stack: c?.stack } }, 'request failed');
      }
      if (problem && !(err instanceof Problem)) {
        logger.warn({ req_id: ctx.state.requestId, code: problem.code, err: { message: (err as Error)?.message, code: (err as { code?: string })?.code } }, 'request refused');
      }
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
