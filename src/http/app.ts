import Koa from 'koa';
import { koaBody } from 'koa-body';
import type { ArtifactStore } from '../artifacts/store.js';
import type { Config } from '../config.js';
import type { Pool } from '../db/pool.js';
import type { Logger } from '../logger.js';
import { Api } from './api.js';
import { errorHandler } from './middleware/errors.js';
import { requestLog } from './middleware/request-log.js';
import { openApiDocument } from './openapi.js';
import { adminArtifactRoutes } from './routes/admin-artifacts.js';
import { deviceRoutes } from './routes/devices.js';
import { exportRoutes } from './routes/export.js';
import { healthRoutes } from './routes/health.js';
import { profileRoutes } from './routes/profile.js';

export interface AppDeps {
  config: Config;
  pool: Pool;
  store: ArtifactStore;
  logger: Logger;
  /** The admin key in force (from TRAQ_API_KEY or generated in dev). */
  adminKey: string;
  version: string;
}

/** JSON bodies only; raw media uploads are streamed by their own routes, never buffered. */
const JSON_BODY_LIMIT = '1mb';

export function createApp(deps: AppDeps): Koa {
  const app = new Koa({ proxy: false });
  const api = new Api({ pool: deps.pool, adminKey: deps.adminKey });

  healthRoutes(api, deps);
  deviceRoutes(api, deps);
  profileRoutes(api, deps);
  exportRoutes(api, deps);
  adminArtifactRoutes(api, deps);
  api.router.get('/openapi.json', (ctx) => {
    ctx.body = openApiDocument(api, deps.version);
  });

  app.use(requestLog(deps.logger));
  app.use(errorHandler(deps.logger));
  app.use(
    koaBody({
      json: true,
      text: false,
      urlencoded: false,
      multipart: false,
      jsonLimit: JSON_BODY_LIMIT,
      jsonStrict: false,
      // Kept for the route to throw after authentication, so a caller without credentials gets 401, not 422/413.
      onError: (err, ctx) => {
        ctx.state.bodyError = err;
      },
    }),
  );
  app.use(api.router.routes());
  app.use(api.router.allowedMethods({ throw: true }));
  return app;
}
