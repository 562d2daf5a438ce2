import { z } from 'zod';
import { ADDRESS_MAX, NOTES_MAX } from '../fields.js';
import { requireJobAccess } from '../../domain/access.js';
import { idempotentCreate } from '../../domain/idempotency.js';
import { listAssignedJobs, loadJobView, shellView, statusView } from '../../domain/job-views.js';
import { createDeviceJob, patchJobMetadata } from '../../domain/jobs.js';
import { withTransaction } from '../../db/tx.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { AssignedJob, JobIdParams, JobShell, StatusResponse, TreeNumberInput } from './job-schemas.js';

const optionalText = z.string().max(255).nullish();

const CreateJobRequest = z.object({
  job_name: z.string().max(255),
  job_address: z.string().max(ADDRESS_MAX),
  job_phone: z.string().max(64),
  contact_preference: z.string().max(64),
  billing_name: z.string().max(255),
  billing_address: z.string().max(ADDRESS_MAX),
  customer_name: z.string().max(255).nullish().describe('Defaults to job_name'),
  billing_contact_name: z.string().max(255).nullish(),
  tree_number: TreeNumberInput.describe('Requested tree number of the customer; the server reuses, creates or allocates'),
  location_notes: z.string().max(NOTES_MAX).nullish(),
  project_id: optionalText.describe('project_id or slug'),
});

const UpdateJobRequest = z.object({
  project_id: optionalText.describe('Present: applied (null clears); absent: unchanged'),
  job_name: z.string().max(255).nullish().describe('null/absent: unchanged; blank clears'),
  job_address: z.string().max(ADDRESS_MAX).nullish(),
  location_notes: z.string().max(NOTES_MAX).nullish(),
});

/** Device-side job routes (api.md §2.5). /v1/jobs/assigned is declared before /v1/jobs/:job_id. */
export function jobRoutes(api: Api, deps: AppDeps) {
  const { pool } = deps;

  api.route({
    method: 'post',
    path: '/v1/jobs',
    tag: 'jobs',
    summary: 'Create a job (auto-assigned to the creating device; Idempotency-Key honoured)',
    auth: 'any',
    body: CreateJobRequest,
    response: JobShell,
    handler: async (ctx, { body, principal }) =>
      idempotentCreate(pool, { key: ctx.get('Idempotency-Key') || undefined, scope: `${principal.identity} POST /v1/jobs`, request: body }, (tx) =>
        createDeviceJob(tx, principal, body),
      ),
  });

  api.route({
    method: 'get',
    path: '/v1/jobs/assigned',
    tag: 'jobs',
    summary: 'Jobs assigned to the caller (admins: every assignment)',
    auth: 'any',
    response: z.array(AssignedJob),
    handler: async (_ctx, { principal }) => listAssignedJobs(pool, principal),
  });

  api.route({
    method: 'get',
    path: '/v1/jobs/:job_id',
    tag: 'jobs',
    summary: 'Job status',
    auth: 'any',
    params: JobIdParams,
    response: StatusResponse,
    handler: async (_ctx, { params, principal }) => {
      const job = await requireJobAccess(pool, principal, params.job_id);
      return statusView(await loadJobView(pool, job.id));
    },
  });

  api.route({
    method: 'patch',
    path: '/v1/jobs/:job_id',
    tag: 'jobs',
    summary: 'Edit job metadata (locked while processing and on archived jobs)',
    auth: 'any',
    params: JobIdParams,
    body: UpdateJobRequest,
    response: JobShell,
    handler: async (_ctx, { params, body, principal }) =>
      withTransaction(pool, async (tx) => shellView(await loadJobView(tx, await patchJobMetadata(tx, principal, params.job_id, body)))),
  });
}
