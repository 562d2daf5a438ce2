import { z } from 'zod';
import { inspectJob, inspectReview, inspectRound } from '../../domain/inspect.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { AdminJob, Assignment } from './job-schemas.js';

const JobRef = z.string().min(1).max(128).describe('job_id or job number (any case)');
const RoundId = z.string().min(1).max(128);
const nstr = z.string().nullable();

const JobInspect = z.object({
  job_id: z.string(),
  job_number: z.string(),
  status: z.string(),
  customer_id: nstr,
  customer_code: nstr,
  customer_name: nstr,
  project_id: nstr,
  project: nstr,
  project_slug: nstr,
  billing_profile_id: nstr,
  billing_code: nstr,
  billing_name: nstr,
  tree_number: z.number().nullable(),
  latest_round_id: nstr,
  latest_round_status: nstr,
  assignment: Assignment.nullable(),
  job_record_path: z.null().describe('always null: there is no job record file'),
  round_ids: z.array(z.string()),
  has_final: z.boolean(),
  has_correction: z.boolean(),
  details: AdminJob,
});

const RoundInspect = z.object({
  job_id: z.string(),
  job_number: z.string(),
  round_id: z.string(),
  round_dir: z.null().describe('always null: rounds live in the database'),
  status: z.string(),
  manifest_count: z.number().int(),
  has_manifest: z.boolean(),
  has_review: z.boolean(),
  server_revision_id: nstr,
  review_revision: z.number().int(),
  client_revision_id: nstr,
  transcription_failure_count: z.number().int(),
  recording_count: z.number().int(),
  image_count: z.number().int(),
  failure_reason: nstr,
  submitted_at: nstr,
  processing_finished_at: nstr,
  created_at: nstr,
  updated_at: nstr,
});

const ReviewInspect = z.object({
  job_id: z.string(),
  round_id: z.string(),
  review_path: z.null().describe('always null: the review lives in the database'),
  server_revision_id: nstr,
  tree_number: z.number().nullable(),
  transcript_length: z.number().int(),
  section_count: z.number().int().describe('sections with a transcript'),
  image_count: z.number().int(),
  has_form: z.boolean(),
  payload: z.record(z.string(), z.unknown()),
});

/** Admin inspect reads (api.md §2.13): database rows only, nothing written. */
export function adminInspectRoutes(api: Api, deps: AppDeps) {
  const { pool } = deps;
  api.route({
    method: 'get',
    path: '/v1/admin/jobs/:job_ref/inspect',
    tag: 'admin inspection',
    summary: 'A job as stored: fields, assignment, rounds, which snapshots exist, the admin job dict',
    auth: 'admin',
    params: z.object({ job_ref: JobRef }),
    response: JobInspect,
    handler: async (_ctx, { params }) => inspectJob(pool, params.job_ref),
  });
  api.route({
    method: 'get',
    path: '/v1/admin/jobs/:job_ref/rounds/:round_id/inspect',
    tag: 'admin inspection',
    summary: 'One round as stored: status, manifest and media counts, review facts',
    auth: 'admin',
    params: z.object({ job_ref: JobRef, round_id: RoundId }),
    response: RoundInspect,
    handler: async (_ctx, { params }) => inspectRound(pool, params.job_ref, params.round_id),
  });
  api.route({
    method: 'get',
    path: '/v1/admin/jobs/:job_ref/rounds/:round_id/review/inspect',
    tag: 'admin inspection',
    summary: "One round's stored review payload with a summary of it",
    auth: 'admin',
    params: z.object({ job_ref: JobRef, round_id: RoundId }),
    response: ReviewInspect,
    handler: async (_ctx, { params }) => inspectReview(pool, params.job_ref, params.round_id),
  });
}
