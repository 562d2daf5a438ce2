import { z } from 'zod';
import { ADDRESS_MAX, NOTES_MAX } from '../fields.js';
import { listAllAssignments } from '../../domain/assignments.js';
import { assignByAdmin, setJobStatus, unassignByAdmin, unlockJob } from '../../domain/job-lifecycle.js';
import { adminJobView, loadJobView } from '../../domain/job-views.js';
import { createAdminJob, resolveJobRef, updateAdminJob } from '../../domain/jobs.js';
import { withTransaction } from '../../db/tx.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { AdminJob, Assignment, JobIdParams, JobRefParams, JobStatus, RoundStatus, TreeNumberInput } from './job-schemas.js';

const text = z.string().max(255).nullish();
const AdminJobFields = {
  customer_id: text.describe('UUID or customer code'),
  billing_profile_id: text.describe('UUID or billing code'),
  project_id: text.describe('project_id or slug; on PATCH, present null clears'),
  tree_number: TreeNumberInput,
  job_name: z.string().max(255).nullish(),
  job_address: z.string().max(ADDRESS_MAX).nullish(),
  reason: z.string().max(NOTES_MAX).nullish(),
  location_notes: z.string().max(NOTES_MAX).nullish(),
  tree_species: z.string().max(255).nullish(),
  status: text,
};
const CreateAdminJob = z.object({ job_id: z.string().max(128), job_number: z.string().max(64), ...AdminJobFields });
const UpdateAdminJob = z.object(AdminJobFields);
const JobReply = z.object({ ok: z.literal(true), job: AdminJob });

const LifecycleState = z.object({
  ok: z.literal(true),
  job_id: z.string(),
  status: JobStatus,
  latest_round_id: z.string().nullable(),
  latest_round_status: RoundStatus.nullable(),
});

/** Admin job records and lifecycle (api.md §2.13). Fixed paths come before the :job_id patterns. */
export function adminJobRoutes(api: Api, deps: AppDeps) {
  const { pool } = deps;
  const tag = 'admin: jobs';

  api.route({
    method: 'get',
    path: '/v1/admin/jobs/assignments',
    tag,
    summary: 'Every job assignment',
    auth: 'admin',
    response: z.object({ ok: z.literal(true), assignments: z.array(Assignment) }),
    handler: async () => ({ ok: true as const, assignments: await listAllAssignments(pool) }),
  });

  api.route({
    method: 'get',
    path: '/v1/admin/jobs/resolve',
    tag,
    summary: 'Find a job by job_id or job number (case-insensitive)',
    auth: 'admin',
    query: z.object({ job_ref: z.string() }),
    response: z.object({ ok: z.literal(true), job_id: z.string(), job_number: z.string(), status: JobStatus }),
    handler: async (_ctx, { query }) => resolveJobRef(pool, query.job_ref),
  });

  api.route({
    method: 'post',
    path: '/v1/admin/jobs',
    tag,
    summary: 'Create a job with an explicit job_id and job_number (not assigned)',
    auth: 'admin',
    body: CreateAdminJob,
    response: JobReply,
    handler: async (_ctx, { body, principal }) =>
      withTransaction(pool, async (tx) => ({ ok: true as const, job: adminJobView(await loadJobView(tx, await createAdminJob(tx, principal, body))) })),
  });

  api.route({
    method: 'patch',
    path: '/v1/admin/jobs/:job_ref',
    tag,
    summary: 'Update a job (by job_id or job number)',
    auth: 'admin',
    params: JobRefParams,
    body: UpdateAdminJob,
    response: JobReply,
    handler: async (_ctx, { params, body, principal }) =>
      withTransaction(pool, async (tx) => ({
        ok: true as const,
        job: adminJobView(await loadJobView(tx, await updateAdminJob(tx, principal, params.job_ref, body))),
      })),
  });

  api.route({
    method: 'post',
    path: '/v1/admin/jobs/:job_id/assign',
    tag,
    summary: 'Assign a job to an approved device (moves ownership at once)',
    auth: 'admin',
    params: JobIdParams,
    body: z.object({ device_id: z.string() }),
    response: z.object({ ok: z.literal(true), assignment: Assignment }),
    handler: async (_ctx, { params, body, principal }) =>
      withTransaction(pool, (tx) => assignByAdmin(tx, principal, params.job_id, body.device_id)),
  });

  api.route({
    method: 'post',
    path: '/v1/admin/jobs/:job_id/unassign',
    tag,
    summary: 'Remove the job assignment',
    auth: 'admin',
    params: JobIdParams,
    response: z.object({ ok: z.literal(true), removed: Assignment }),
    handler: async (_ctx, { params, principal }) =>
      withTransaction(pool, (tx) => unassignByAdmin(tx, principal, params.job_id)),
  });

  api.route({
    method: 'post',
    path: '/v1/admin/jobs/:job_id/status',
    tag,
    summary: 'Set the job status (and optionally a round as latest, with its status)',
    auth: 'admin',
    params: JobIdParams,
    body: z.object({ status: z.string(), round_id: text, round_status: text }),
    response: LifecycleState,
    handler: async (_ctx, { params, body, principal }) => withTransaction(pool, (tx) => setJobStatus(tx, principal, params.job_id, body)),
  });

  api.route({
    method: 'post',
    path: '/v1/admin/jobs/:job_id/unlock',
    tag,
    summary: 'Reopen a round to DRAFT, optionally reassigning the job',
    auth: 'admin',
    params: JobIdParams,
    body: z.object({ round_id: text, device_id: text }).nullish(),
    response: z.object({
      ok: z.literal(true),
      job_id: z.string(),
      round_id: z.string(),
      status: z.literal('DRAFT'),
      assignment: Assignment.nullable(),
    }),
    handler: async (_ctx, { params, body, principal }) => withTransaction(pool, (tx) => unlockJob(tx, principal, params.job_id, body ?? {})),
  });
}
