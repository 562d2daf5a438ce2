import { z } from 'zod';
import { checkDatabase } from '../../queries/health.queries.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { problems } from '../../domain/problems.js';

const HealthResponse = z.object({
  status: z.literal('ok'),
  storage_root: z.string().describe('Kind of artifact store (never a filesystem path)'),
  database: z.literal('ok'),
  version: z.string(),
});

export function healthRoutes(api: Api, deps: AppDeps) {
  api.route({
    method: 'get',
    path: '/health',
    tag: 'health',
    summary: 'Liveness and database check',
    auth: 'none',
    response: HealthResponse,
    handler: async () => {
      try {
        await checkDatabase.run(undefined, deps.pool);
      } catch {
        throw problems.databaseUnavailable();
      }
      return { status: 'ok' as const, storage_root: 'local', database: 'ok' as const, version: deps.version };
    },
  });
}
