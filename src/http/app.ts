import Koa from 'koa';
import { koaBody } from 'koa-body';
import type { ArtifactStore } from '../artifacts/store.js';
import type { Config } from '../config.js';
import type { TraqTemplate } from '../documents/traq-template.js';
import type { Pool } from '../db/pool.js';
import type { Logger } from '../logger.js';
import type { RoundEvents } from '../processing/round-events.js';
import { consoleMiddleware } from '../console/routes.js';
import { Api } from './api.js';
import { errorHandler } from './middleware/errors.js';
import { requestLog } from './middleware/request-log.js';
import { openApiDocument } from './openapi.js';
import { jsonBody } from './text-input.js';
import { adminArtifactRoutes } from './routes/admin-artifacts.js';
import { deviceRoutes } from './routes/devices.js';
import { exportRoutes } from './routes/export.js';
import { extractionRoutes } from './routes/extraction.js';
import { finalRoutes } from './routes/finals.js';
import { healthRoutes } from './routes/health.js';
import { jobAreaRoutes } from './routes/job-area.js';
import { mediaRoutes } from './routes/media.js';
import { adminInspectRoutes } from './routes/admin-inspect.js';
import { processingRoutes } from './routes/processing.js';
import { profileRoutes } from './routes/profile.js';
import { roundRoutes } from './routes/rounds.js';
import { treeRoutes } from './routes/trees.js';

export interface AppDeps {
  config: Config;
  pool: Pool;
  store: ArtifactStore;
  logger: Logger;
  /** The admin key in force (from TRAQ_API_KEY or generated in dev). */
  adminKey: string;
  version: string;
  /** Round notifications (submits wait on them). */
  events: RoundEvents;
  /** The TRAQ form template and box map (TRAQ_TRAQ_TEMPLATE_PDF / TRAQ_TRAQ_FIELD_MAP), loaded once; absent → the built-in summary form. */
  traqTemplate?: TraqTemplate | null;
  /** Polishes a final's letter narrative (the LLM provider); absent → the narrative as sent. */
  polish?: (text: string) => Promise<string>;
}

/** JSON bodies only; raw media uploads are streamed by their own routes, never buffered. */
const JSON_BODY_LIMIT = '1mb';
/** Content types read as JSON (koa-body's own list). */
const JSON_TYPES = ['application/json', 'application/json-patch+json', 'application/vnd.api+json', 'application/csp-report', 'application/reports+json'];

export function createApp(deps: AppDeps): Koa {
  const app = new Koa({ proxy: false });
  const api = new Api({ pool: deps.pool, adminKey: deps.adminKey });

  healthRoutes(api, deps);
  deviceRoutes(api, deps);
  profileRoutes(api, deps);
  jobAreaRoutes(api, deps);
  roundRoutes(api, deps);
  mediaRoutes(api, deps);
  processingRoutes(api, deps);
  exportRoutes(api, deps);
  adminArtifactRoutes(api, deps);
  adminInspectRoutes(api, deps);
  finalRoutes(api, deps);
  extractionRoutes(api, deps);
  treeRoutes(api, deps);
  api.router.get('/openapi.json', (ctx) => {
    ctx.body = openApiDocument(api, deps.version);
  });

  // Errors Koa reports outside the middleware chain, e.g. a phone that drops the connection in the middle
  // of an upload (the route already answered 400 upload_aborted): one JSON warn line instead of a stderr stack.
  app.on('error', (err: Error, ctx?: Koa.Context) => {
    deps.logger.warn({ req_id: ctx?.state?.requestId, err: err.message }, 'connection error');
  });
  app.use(requestLog(deps.logger));
  app.use(errorHandler(deps.logger));
  app.use(
    koaBody({
      // JSON bodies are read as text and parsed by jsonBody() below, which bounds their depth before JSON.parse.
      json: false,
      text: true,
      textTypes: JSON_TYPES,
      urlencoded: false,
      multipart: false,
      textLimit: JSON_BODY_LIMIT,
      // Kept for the route to throw after authentication, so a caller without credentials gets 401, not 422/413.
      onError: (err, ctx) => {
        ctx.state.bodyError = err;
      },
    }),
  );
  app.use(jsonBody());
  app.use(consoleMiddleware(deps)); // the operator console (/console), before the API's routes
  app.use(api.router.routes());
  // Sets 405/501 with Allow; the error middleware turns the empty answer into a JSON problem.
  app.use(api.router.allowedMethods());
  return app;
}
