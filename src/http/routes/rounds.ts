import { z } from 'zod';
import { createRound, ManifestItem, readManifest, readRound, reopenRound, replaceManifest } from '../../domain/rounds.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { JobId, RoundIdLookup } from './ids.js';

const JobParams = z.object({ job_id: JobId });
const RoundParams = z.object({ job_id: JobId, round_id: RoundIdLookup });
const RoundStatus = z.enum(['DRAFT', 'SUBMITTED_FOR_PROCESSING', 'REVIEW_RETURNED', 'FAILED']);

const CreateRoundResponse = z.object({ round_id: z.string(), status: z.literal('DRAFT') });
const MediaItem = z.object({
  section_id: z.string(),
  upload_status: z.string(),
  recording_id: z.string().nullable(),
  image_id: z.string().nullable(),
});
const RoundReconciliation = z.object({
  job_id: z.string(),
  round_id: z.string(),
  status: RoundStatus,
  server_revision_id: z.string().nullable(),
  client_revision_id: z.string().nullable(),
  review_ready: z.boolean().describe('true only when status is REVIEW_RETURNED'),
  processing_state: z.enum(['accepted', 'processing', 'completed', 'failed']),
  recordings: z.array(MediaItem),
  images: z.array(MediaItem),
  accepted_recording_ids: z.array(z.string()),
  accepted_image_ids: z.array(z.string()),
  transcription_failures: z.array(z.unknown()),
});
const ManifestResponse = z.object({ ok: z.literal(true), round_id: z.string(), manifest: z.array(ManifestItem), manifest_count: z.number().int() });
const ManifestPutResponse = z.object({ ok: z.literal(true), round_id: z.string(), manifest_count: z.number().int() });
const ReopenResponse = z.object({ ok: z.literal(true), job_id: z.string(), round_id: z.string(), status: z.literal('DRAFT') });

export function roundRoutes(api: Api, deps: AppDeps) {
  api.route({
    method: 'post',
    path: '/v1/jobs/:job_id/rounds',
    tag: 'rounds',
    summary: 'Open a new review round (round_<n>); honours Idempotency-Key',
    auth: 'any',
    params: JobParams,
    response: CreateRoundResponse,
    handler: async (ctx, { params, principal }) => createRound(deps.pool, principal, params.job_id, ctx.get('Idempotency-Key') || undefined),
  });
  api.route({
    method: 'get',
    path: '/v1/jobs/:job_id/rounds/:round_id',
    tag: 'rounds',
    summary: 'Round reconciliation read: status, accepted media ids, revisions, processing state',
    auth: 'any',
    params: RoundParams,
    response: RoundReconciliation,
    handler: async (_ctx, { params, principal }) => readRound(deps.pool, principal, params.job_id, params.round_id),
  });
  api.route({
    method: 'get',
    path: '/v1/jobs/:job_id/rounds/:round_id/manifest',
    tag: 'rounds',
    summary: "The round's manifest",
    auth: 'any',
    params: RoundParams,
    response: ManifestResponse,
    handler: async (_ctx, { params, principal }) => readManifest(deps.pool, principal, params.job_id, params.round_id),
  });
  api.route({
    method: 'put',
    path: '/v1/jobs/:job_id/rounds/:round_id/manifest',
    tag: 'rounds',
    summary: "Replace the round's manifest (devices: latest round, while DRAFT)",
    auth: 'any',
    params: RoundParams,
    body: z.array(ManifestItem),
    response: ManifestPutResponse,
    handler: async (_ctx, { params, body, principal }) => replaceManifest(deps.pool, principal, params.job_id, params.round_id, body),
  });
  api.route({
    method: 'post',
    path: '/v1/admin/jobs/:job_id/rounds/:round_id/reopen',
    tag: 'admin',
    summary: 'Reopen a round to DRAFT and make it the latest round',
    auth: 'admin',
    params: RoundParams,
    response: ReopenResponse,
    handler: async (_ctx, { params, principal }) => reopenRound(deps.pool, principal, params.job_id, params.round_id),
  });
}
