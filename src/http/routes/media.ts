import { z } from 'zod';
import { CAPTION_MAX } from '../fields.js';
import { patchImageDetails, uploadImage, uploadRecording } from '../../domain/media.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { uploadBody } from '../upload-body.js';
import { ImageId, JobId, MediaId, RoundIdFormat, SectionId } from './ids.js';

const RecordingParams = z.object({ job_id: JobId, section_id: SectionId, recording_id: MediaId });
const ImageParams = z.object({ job_id: JobId, section_id: SectionId, image_id: ImageId });
const TargetQuery = z.object({
  round_id: RoundIdFormat.optional().describe("The round the client means (a retry lands there); default: the job's latest round"),
});

const RecordingUploadResponse = z.object({
  ok: z.literal(true),
  job_id: z.string(),
  section_id: z.string(),
  recording_id: z.string(),
  bytes: z.number().int(),
});
const ImageUploadResponse = z.object({ ok: z.literal(true), job_id: z.string(), section_id: z.string(), image_id: z.string(), bytes: z.number().int() });

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A coordinate: a number or a numeric string within range; null or "" clears it. */
const coordinate = (min: number, max: number) =>
  z.union([z.number(), z.string()]).nullable().transform((v, ctx) => {
    if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
    const n = typeof v === 'number' ? v : NUMERIC.test(v.trim()) ? Number(v.trim()) : Number.NaN;
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'must be a number or a numeric string' });
      return z.NEVER;
    }
    if (n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `must be between ${min} and ${max}` });
      return z.NEVER;
    }
    return n;
  });

/** Caption and GPS; other keys are accepted and ignored (echoed back as the old server did). */
const ImagePatch = z
  .object({
    caption: z.string().max(CAPTION_MAX).nullable().optional(),
    gps: z.object({ latitude: coordinate(-90, 90).optional(), longitude: coordinate(-180, 180).optional() }).nullable().optional(),
    latitude: coordinate(-90, 90).optional(),
    longitude: coordinate(-180, 180).optional(),
  })
  .loose();
const ImagePatchResponse = z.object({
  ok: z.literal(true),
  job_id: z.string(),
  section_id: z.string(),
  image_id: z.string(),
  payload: z.record(z.string(), z.unknown()),
});

export function mediaRoutes(api: Api, deps: AppDeps) {
  const media = { pool: deps.pool, store: deps.store, config: deps.config };
  // Raw-body routes: no `body` schema; the handler streams ctx.req itself.
  api.route({
    method: 'put',
    path: '/v1/jobs/:job_id/sections/:section_id/recordings/:recording_id',
    tag: 'media',
    summary: `Upload a voice note (raw audio/* body, at most TRAQ_MAX_AUDIO_BYTES); idempotent by recording_id`,
    auth: 'any',
    params: RecordingParams,
    query: TargetQuery,
    response: RecordingUploadResponse,
    handler: async (ctx, { params, query, principal }) =>
      uploadRecording(media, principal, {
        jobId: params.job_id,
        sectionId: params.section_id,
        recordingId: params.recording_id,
        roundId: query.round_id,
        body: uploadBody(ctx),
      }),
  });
  api.route({
    method: 'put',
    path: '/v1/jobs/:job_id/sections/:section_id/images/:image_id',
    tag: 'media',
    summary: 'Upload a photo (raw image/jpeg or image/png body, section job_photos, at most 5 per job); idempotent by image_id',
    auth: 'any',
    params: ImageParams,
    query: TargetQuery,
    response: ImageUploadResponse,
    handler: async (ctx, { params, query, principal }) =>
      uploadImage(media, principal, {
        jobId: params.job_id,
        sectionId: params.section_id,
        imageId: params.image_id,
        roundId: query.round_id,
        body: uploadBody(ctx),
      }),
  });
  api.route({
    method: 'patch',
    path: '/v1/jobs/:job_id/sections/:section_id/images/:image_id',
    tag: 'media',
    summary: "Set a photo's caption and GPS (absent keeps, null clears)",
    auth: 'any',
    params: ImageParams,
    query: TargetQuery,
    body: ImagePatch,
    response: ImagePatchResponse,
    handler: async (ctx, { params, query, body, principal }) => {
      const result = await patchImageDetails(media, principal, {
        jobId: params.job_id,
        sectionId: params.section_id,
        imageId: params.image_id,
        roundId: query.round_id,
        patch: body,
      });
      return { ...result, payload: (ctx.request as { body?: Record<string, unknown> }).body ?? {} };
    },
  });
}
