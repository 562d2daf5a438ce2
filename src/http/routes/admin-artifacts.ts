import { z } from 'zod';
import { fetchArtifact } from '../../domain/artifacts.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';

export function adminArtifactRoutes(api: Api, deps: AppDeps) {
  api.route({
    method: 'get',
    path: '/v1/admin/jobs/:job_ref/artifacts/:kind',
    tag: 'admin inspection',
    summary: 'Download an output of the job (correction preferred); X-Artifact-Variant says which',
    auth: 'admin',
    params: z.object({
      job_ref: z.string().min(1).max(128).describe('job_id or job number (any case)'),
      kind: z.string().max(64).describe('report-pdf, traq-pdf, transcript, final-json or geo-json'),
    }),
    produces: 'application/octet-stream',
    handler: async (ctx, { params }) => {
      const file = await fetchArtifact(deps.pool, deps.store, params.job_ref, params.kind);
      ctx.set('X-Artifact-Variant', file.variant);
      ctx.attachment(file.filename); // sets a type from the extension: ours goes after it
      ctx.type = file.contentType;
      ctx.length = file.size;
      ctx.body = file.stream;
    },
  });
}
