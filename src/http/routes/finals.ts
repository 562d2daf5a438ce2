import { z } from 'zod';
import { setFinalFromJson } from '../../domain/final-admin.js';
import { finalStatus, inspectFinal, openReportLetter } from '../../domain/final-reads.js';
import { finalizeJob } from '../../domain/finals.js';
import { PROFILE_KEYS, type ProfileKey } from '../../domain/profiles.js';
import { pruneArchived } from '../../domain/retention.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { JobId } from './ids.js';

const JobParams = z.object({ job_id: JobId });
const JobRefParams = z.object({ job_ref: z.string().min(1).max(128) });

const ProfilePayload = z.object(
  Object.fromEntries(PROFILE_KEYS.map((k) => [k, z.string().max(255).nullish()])) as Record<ProfileKey, z.ZodOptional<z.ZodNullable<z.ZodString>>>,
);

/** FinalSubmitRequest (api.md §2.9.1). */
export const FinalSubmitRequest = z.object({
  round_id: z.string().min(1).max(128),
  server_revision_id: z.string().max(128),
  client_revision_id: z.string().min(1).max(128).describe('A retry with the same value (and round) answers the stored result'),
  form: z
    .object({
      schema_name: z.string().max(128).default('demo'),
      schema_version: z.string().max(64).default('0.0'),
      data: z.record(z.string(), z.unknown()),
    })
    .describe('The complete final form'),
  narrative: z.looseObject({ text: z.string().nullish() }),
  profile: ProfilePayload.nullish().describe("Falls back to the caller's stored profile when absent or empty"),
});

const FinalStatusResponse = z.object({
  state: z.enum(['none', 'final', 'correction']).describe('none: not finalized; else the snapshot readers use (the correction when there is one)'),
  kind: z.enum(['final', 'correction']).nullable(),
  client_revision_id: z.string().nullable(),
  server_revision_id: z.string().nullable(),
  report_ready: z.boolean(),
  traq_pdf_ready: z.boolean(),
  geojson_ready: z.boolean(),
});

const InspectSide = z.object({
  exists: z.boolean(),
  json_path: z.string().nullable(),
  json_file_exists: z.boolean(),
  report_pdf_exists: z.boolean(),
  report_docx_exists: z.boolean(),
  traq_pdf_exists: z.boolean(),
  geojson_exists: z.boolean(),
  round_id: z.string().nullable(),
  client_revision_id: z.string().nullable(),
  user_name: z.string().nullable(),
  transcript_length: z.number().int(),
  image_count: z.number().int(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});

const ImportBody = z.object({
  payload: z.looseObject({ form: z.looseObject({ data: z.record(z.string(), z.unknown()) }) }).describe('The final.json document to store'),
  geojson: z.record(z.string(), z.unknown()).optional().describe('The GeoJSON to store; built from the payload when absent'),
});
const ImportReply = z.object({
  ok: z.literal(true),
  job_id: z.string(),
  kind: z.enum(['final', 'correction']),
  status: z.literal('ARCHIVED'),
  artifacts: z.array(z.string()),
});

const JobPrune = z.object({
  job_id: z.string(),
  job_number: z.string(),
  audio_files: z.number().int(),
  review_payloads: z.number().int(),
  rounds_deleted: z.array(z.string()),
  files_deleted: z.number().int(),
  bytes: z.number().int(),
});
const PruneReply = z.object({
  ok: z.literal(true),
  dry_run: z.boolean(),
  jobs_examined: z.number().int(),
  jobs_pruned: z.number().int(),
  audio_files: z.number().int(),
  review_payloads: z.number().int(),
  rounds_deleted: z.number().int(),
  files_deleted: z.number().int(),
  bytes: z.number().int(),
  jobs: z.array(JobPrune),
});

/** Final, report, final status (api.md §2.9, §8.3 item 22), admin final import/inspect and retention (§2.13, decision 11). */
export function finalRoutes(api: Api, deps: AppDeps) {
  const { pool, store } = deps;
  const finalDeps = { pool, store, traqTemplate: deps.traqTemplate ?? null };

  api.route({
    method: 'post',
    path: '/v1/jobs/:job_id/final',
    tag: 'final',
    summary: 'Finalize the job (or correct its final): answers the TRAQ form PDF; a retry with the same client_revision_id answers the stored one',
    auth: 'any',
    params: JobParams,
    body: FinalSubmitRequest,
    produces: 'application/pdf',
    handler: async (ctx, { params, body, principal }) => {
      const result = await finalizeJob(finalDeps, principal, params.job_id, body, { polish: deps.polish });
      ctx.type = 'application/pdf';
      ctx.attachment('traq_page1.pdf');
      ctx.body = result.pdf;
    },
  });

  api.route({
    method: 'get',
    path: '/v1/jobs/:job_id/final/report',
    tag: 'final',
    summary: 'The report letter PDF (correction preferred); readable by the device that finalized',
    auth: 'any',
    params: JobParams,
    produces: 'application/pdf',
    handler: async (ctx, { params, principal }) => {
      const stream = await openReportLetter(pool, store, principal, params.job_id);
      ctx.type = 'application/pdf';
      ctx.attachment('report_letter.pdf');
      ctx.body = stream;
    },
  });

  api.route({
    method: 'get',
    path: '/v1/jobs/:job_id/final/status',
    tag: 'final',
    summary: 'Whether the job has a final or correction, its revisions and which outputs are ready',
    auth: 'any',
    params: JobParams,
    response: FinalStatusResponse,
    handler: async (_ctx, { params, principal }) => finalStatus(pool, store, principal, params.job_id),
  });

  for (const kind of ['final', 'correction'] as const) {
    api.route({
      method: 'post',
      path: `/v1/admin/jobs/:job_ref/final/set-${kind}`,
      tag: 'admin: finals',
      summary:
        kind === 'final'
          ? 'Import an original final from JSON (409 when the job has one): stores the snapshot, GeoJSON, final.json; archives the job'
          : 'Import a correction from JSON (replaces the current correction); archives the job',
      auth: 'admin',
      params: JobRefParams,
      body: ImportBody,
      response: ImportReply,
      handler: async (_ctx, { params, body, principal }) => setFinalFromJson(pool, store, principal, params.job_ref, kind, body, deps.traqTemplate ?? null),
    });
  }

  api.route({
    method: 'get',
    path: '/v1/admin/jobs/:job_ref/final/inspect',
    tag: 'admin: finals',
    summary: 'The final and correction of a job as stored: rows and which files exist',
    auth: 'admin',
    params: JobRefParams,
    response: z.object({ job_id: z.string(), final: InspectSide, correction: InspectSide }),
    handler: async (_ctx, { params }) => inspectFinal(pool, store, params.job_ref),
  });

  api.route({
    method: 'post',
    path: '/v1/admin/retention/prune',
    tag: 'admin: retention',
    summary: 'Prune what the retention policy allows from archived jobs (audio, review JSON, unreferenced rounds); reports what went',
    auth: 'admin',
    query: z.object({
      dry_run: z
        .enum(['true', 'false', '1', '0'])
        .optional()
        .transform((v) => v === 'true' || v === '1')
        .describe('Report what would go without removing anything'),
      job_ref: z.string().min(1).max(128).optional().describe('Only this job (job_id or job number)'),
    }),
    response: PruneReply,
    handler: async (_ctx, { query, principal }) => pruneArchived({ pool, store }, principal, { dryRun: query.dry_run, jobRef: query.job_ref }),
  });
}
