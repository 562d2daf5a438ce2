/**
 * The shapes a job is shown in (api.md §2.5, §2.13), all built from one read
 * model that joins the live customer, billing, project and latest round rows.
 */
import type { Pool, PoolClient } from '../db/pool.js';
import type { Principal } from './principal.js';
import { reviewForRead } from '../processing/review.js';
import { getJobView, listAssignedJobViews, type IGetJobViewResult as JobViewRow } from '../queries/jobs.queries.js';

export type { JobViewRow };

export async function loadJobView(db: Pool | PoolClient, jobPk: string): Promise<JobViewRow> {
  const [row] = await getJobView.run({ jobPk }, db);
  if (!row) throw new Error(`job ${jobPk} vanished`);
  return row;
}

const project = (j: Pick<JobViewRow, 'project_id' | 'project' | 'project_slug'>) => ({ project_id: j.project_id, project: j.project, project_slug: j.project_slug });

type ShellFields = Pick<
  JobViewRow,
  | 'job_id' | 'job_number' | 'status' | 'project_id' | 'project' | 'project_slug' | 'customer_name' | 'tree_number' | 'address'
  | 'tree_species' | 'reason' | 'job_name' | 'job_address' | 'job_phone' | 'contact_preference' | 'billing_name' | 'billing_address'
  | 'billing_contact_name' | 'location_notes'
>;

/** CreateJobResponse: the job "shell" returned by POST and PATCH /v1/jobs. */
export const shellView = (j: ShellFields) => ({
  job_id: j.job_id,
  job_number: j.job_number,
  status: j.status,
  ...project(j),
  customer_name: j.customer_name,
  tree_number: j.tree_number,
  address: j.address,
  tree_species: j.tree_species,
  reason: j.reason,
  job_name: j.job_name,
  job_address: j.job_address,
  job_phone: j.job_phone,
  contact_preference: j.contact_preference,
  billing_name: j.billing_name,
  billing_address: j.billing_address,
  billing_contact_name: j.billing_contact_name,
  location_notes: j.location_notes,
});

/** StatusResponse of GET /v1/jobs/{job_id}. */
export const statusView = (j: JobViewRow) => ({
  status: j.status,
  latest_round_id: j.latest_round_id,
  latest_round_status: j.latest_round_status,
  ...project(j),
  tree_number: j.tree_number,
  review_ready: j.latest_round_status === 'REVIEW_RETURNED',
  server_revision_id: j.server_revision_id,
});

const text = (v: string | null) => v ?? '';
const reviewRevision = (payload: unknown): string | null => {
  const rev = (payload as { server_revision_id?: unknown } | null)?.server_revision_id;
  return typeof rev === 'string' ? rev : null;
};

/** AssignedJob of GET /v1/jobs/assigned: several text fields are "" rather than null (api.md §2.5.2). */
export const assignedView = (j: JobViewRow) => ({
  job_id: j.job_id,
  job_number: j.job_number,
  status: j.status || 'NOT_STARTED',
  latest_round_id: j.latest_round_id,
  latest_round_status: j.latest_round_status,
  customer_name: text(j.customer_name),
  address: text(j.address),
  tree_species: text(j.tree_species),
  job_name: text(j.job_name),
  job_address: text(j.job_address),
  job_phone: text(j.job_phone),
  contact_preference: text(j.contact_preference),
  billing_name: text(j.billing_name),
  billing_address: text(j.billing_address),
  reason: j.reason,
  billing_contact_name: j.billing_contact_name,
  location_notes: j.location_notes,
  ...project(j),
  tree_number: j.tree_number,
  server_revision_id: j.server_revision_id ?? reviewRevision(j.review_payload),
  // The same normalized shape as GET .../review (photos as stored with the review).
  review_payload:
    j.review_payload && j.latest_round_id
      ? reviewForRead(j.review_payload, {
          roundId: j.latest_round_id,
          serverRevisionId: j.server_revision_id ?? reviewRevision(j.review_payload) ?? `rev_${j.latest_round_id}`,
          treeNumber: j.tree_number,
          images: [],
        })
      : null,
});

/** The admin job dict (api.md §2.13 "Job records"), a superset of the shell. */
export const adminJobView = (j: JobViewRow) => ({
  job_id: j.job_id,
  job_number: j.job_number,
  status: j.status,
  tree_number: j.tree_number,
  tree_id: j.tree_id,
  job_name: j.job_name,
  job_address: j.job_address,
  reason: j.reason,
  location_notes: j.location_notes,
  tree_species: j.tree_species,
  customer_id: j.customer_id,
  customer_code: j.customer_code,
  customer_name: j.customer_name,
  address: j.address,
  job_phone: j.job_phone,
  billing_profile_id: j.billing_profile_id,
  billing_code: j.billing_code,
  billing_name: j.billing_name,
  billing_address: j.billing_address,
  billing_contact_name: j.billing_contact_name,
  contact_preference: j.contact_preference,
  ...project(j),
  latest_round_id: j.latest_round_id,
  latest_round_status: j.latest_round_status,
});

/** GET /v1/jobs/assigned: the caller's assignments; an admin sees every assignment row. */
export async function listAssignedJobs(db: Pool, principal: Principal) {
  const rows = await listAssignedJobViews.run({ devicePk: principal.isAdmin ? null : principal.devicePk }, db);
  return rows.map(assignedView);
}
