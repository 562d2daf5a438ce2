import { z } from 'zod';
import { readReview, reprocessRound, submitRound } from '../../domain/submit.js';
import { ReviewPayloadSchema, TranscriptionFailureSchema } from '../../processing/review.js';
import { SubmitResponseSchema } from '../../processing/submit-response.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';

const RoundParams = z.object({ job_id: z.string().min(1).max(128), round_id: z.string().min(1).max(128) });

const SubmitBody = z
  .object({
    server_revision_id: z.string().max(128).nullish().describe('Accepted and ignored'),
    client_revision_id: z.string().max(128).nullish().describe('Stored on the round with the submit; compare it in the round read after a timeout'),
    form: z.record(z.string(), z.unknown()).nullish().describe('The client form patch: {"data": {...}} or section keys; nulls and blanks are not edits'),
    narrative: z.object({ text: z.string().nullish() }).nullish().describe('{"text": "..."}: the client narrative; "" means none'),
  })
  .nullish();

const ReprocessResponse = z.object({
  ok: z.boolean(),
  round_id: z.string(),
  status: z.enum(['REVIEW_RETURNED', 'FAILED', 'SUBMITTED_FOR_PROCESSING']),
  tree_number: z.number().int().nullable(),
  manifest_count: z.number().int(),
  transcription_failures: z.array(TranscriptionFailureSchema),
  error_code: z.literal('PROCESSING_FAILED').nullable(),
  error_detail: z.string().nullable(),
});

export function processingRoutes(api: Api, deps: AppDeps) {
  const submitDeps = { pool: deps.pool, events: deps.events, submitWaitSeconds: deps.config.submitWaitSeconds };

  api.route({
    method: 'post',
    path: '/v1/jobs/:job_id/rounds/:round_id/submit',
    tag: 'processing',
    summary: 'Submit a round for processing; answers the outcome, or SUBMITTED_FOR_PROCESSING when it takes longer than the wait',
    auth: 'any',
    params: RoundParams,
    body: SubmitBody,
    response: SubmitResponseSchema,
    handler: async (_ctx, { params, body, principal }) => submitRound(submitDeps, principal, params.job_id, params.round_id, body ?? undefined),
  });

  api.route({
    method: 'post',
    path: '/v1/jobs/:job_id/rounds/:round_id/reprocess',
    tag: 'processing',
    summary: 'Process a reviewed round again: every recording transcribed anew, the round’s client edits kept',
    auth: 'any',
    params: RoundParams,
    response: ReprocessResponse,
    handler: async (_ctx, { params, principal }) => reprocessRound(submitDeps, principal, params.job_id, params.round_id),
  });

  api.route({
    method: 'get',
    path: '/v1/jobs/:job_id/rounds/:round_id/review',
    tag: 'processing',
    summary: 'The round’s review (changes nothing; 404 until there is one)',
    auth: 'any',
    params: RoundParams,
    response: ReviewPayloadSchema,
    handler: async (_ctx, { params, principal }) => readReview(deps.pool, principal, params.job_id, params.round_id),
  });
}
