import { z } from 'zod';
import { exportChanges, exportGeojson, exportImage, MAX_PAGE, parseVariant } from '../../domain/export.js';
import type { Api } from '../api.js';
import { jsonStream } from '../json-stream.js';
import type { AppDeps } from '../app.js';

const JobParams = z.object({ job_id: z.string().min(1).max(128) });
const Nullable = z.string().nullable();

const ImageItem = z.object({
  image_ref: z.string(),
  image_id: z.string(),
  caption: z.string(),
  uploaded_at: Nullable,
  download_url: z.string(),
  report_download_url: z.string().optional(),
  gps: z.object({ latitude: Nullable, longitude: Nullable }).optional(),
});
const JobHeader = {
  job_id: z.string(),
  job_number: z.string(),
  project_id: Nullable,
  project: Nullable,
  project_slug: Nullable,
  status: z.string(),
  updated_at: z.string(),
  created_at: z.string(),
};
const Form = z.object({ data: z.record(z.string(), z.unknown()) });
const ChangesResponse = z.object({
  cursor: z.string().describe('Opaque position (v1.<xid>.<seq>); send it back as ?cursor= to get what changed since'),
  server_time: z.string(),
  has_more: z.boolean().describe('True when another page is waiting: call again with the returned cursor'),
  in_process: z.array(
    z.object({
      ...JobHeader,
      category: z.literal('in_process'),
      profile: z.null(),
      server_revision_id: Nullable,
      review: z.object({ round_id: Nullable, transcript: z.string(), form: Form, images: z.array(ImageItem) }),
    }),
  ),
  completed: z.array(
    z.object({
      ...JobHeader,
      category: z.literal('completed'),
      archived_at: Nullable,
      profile: z.record(z.string(), z.unknown()).nullable(),
      final: z.object({
        kind: z.string(),
        round_id: Nullable,
        transcript: z.string(),
        form: Form,
        report_images: z.array(z.object({ image_ref: z.string(), caption: z.string(), uploaded_at: Nullable, download_url: z.string() })),
        geojson_url: Nullable,
      }),
    }),
  ),
  transitioned_to_completed: z.array(
    z.object({
      job_id: z.string(),
      job_number: z.string(),
      previous_category: z.literal('in_process'),
      current_category: z.literal('completed'),
      updated_at: z.string(),
    }),
  ),
});

export function exportRoutes(api: Api, deps: AppDeps) {
  api.route({
    method: 'get',
    path: '/v1/export/changes',
    tag: 'export',
    summary: 'Jobs changed since a cursor (in process, completed, newly completed), paged',
    auth: 'admin',
    query: z.object({
      cursor: z.string().max(64).optional().describe('A cursor from an earlier answer, or an ISO-8601 time; absent for a full snapshot'),
      limit: z.coerce.number().int().min(1).max(MAX_PAGE).optional().describe('Jobs per page; absent: every change up to now in one (streamed) answer'),
    }),
    response: ChangesResponse,
    handler: async (ctx, { query }) => {
      const changes = await exportChanges(deps.pool, query);
      if (query.limit !== undefined) return changes;
      ctx.type = 'application/json';
      ctx.body = jsonStream(changes);
    },
  });

  api.route({
    method: 'get',
    path: '/v1/export/jobs/:job_id/images/:image_ref',
    tag: 'export',
    summary: 'A job photo: report_<n> of a completed job, or an image id of the latest round',
    auth: 'admin',
    params: JobParams.extend({ image_ref: z.string().min(1).max(255) }),
    query: z.object({ variant: z.string().optional().describe('auto (default), original or report') }),
    produces: 'image/*',
    handler: async (ctx, { params, query }) => {
      const file = await exportImage(deps.pool, deps.store, params.job_id, params.image_ref, parseVariant(query.variant));
      ctx.type = file.contentType;
      ctx.attachment(file.filename);
      ctx.body = file.stream;
    },
  });

  api.route({
    method: 'get',
    path: '/v1/export/jobs/:job_id/geojson',
    tag: 'export',
    summary: 'The public GeoJSON of the job (correction preferred)',
    auth: 'admin',
    params: JobParams,
    response: z.record(z.string(), z.unknown()),
    handler: async (_ctx, { params }) => (await exportGeojson(deps.pool, params.job_id)) as Record<string, unknown>,
  });
}
