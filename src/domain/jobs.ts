import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from '../db/pool.js';
import type { Principal } from './principal.js';
import { problems } from './problems.js';
import {
  findJobByRef,
  insertDeviceJob,
  insertJob,
  jobIdOrNumberTaken,
  lockJobFields,
  updateJobFields,
  type ILockJobFieldsResult as JobFields,
  type job_status,
} from '../queries/jobs.queries.js';
import { requireJobAccess } from './access.js';
import { findBilling, findReusableBilling } from './billing.js';
import { claimJobNumberValue } from './counters.js';
import { findCustomer, findReusableCustomer } from './customers.js';
import { actorIdentity, recordEvent } from './events.js';
import { loadJobView, shellView } from './job-views.js';
import { findProject } from './projects.js';
import { clean } from './text.js';
import { parseTreeNumber, resolveTree } from './trees.js';

export const JOB_STATUSES: readonly job_status[] = ['NOT_STARTED', 'DRAFT', 'SUBMITTED_FOR_PROCESSING', 'REVIEW_RETURNED', 'ARCHIVED', 'FAILED'];

export const isJobStatus = (s: string): s is job_status => (JOB_STATUSES as readonly string[]).includes(s);

const newJobId = () => `job_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** A job by public id or job number (case-insensitive), locked for the rest of the transaction. */
export async function lockJob(tx: PoolClient, ref: string, notFound = () => problems.jobNotFound()): Promise<JobFields> {
  const [found] = await findJobByRef.run({ ref: ref.trim() }, tx);
  if (!found) throw notFound();
  const [job] = await lockJobFields.run({ id: found.id }, tx);
  return job!;
}

export async function resolveJobRef(db: Pool, ref: string) {
  if (!ref.trim()) throw problems.jobRefRequired();
  const [job] = await findJobByRef.run({ ref: ref.trim() }, db);
  if (!job) throw problems.jobNotFound();
  return { ok: true as const, job_id: job.job_id, job_number: job.job_number, status: job.status };
}

export interface CreateJobInput {
  job_name: string;
  job_address: string;
  job_phone: string;
  contact_preference: string;
  billing_name: string;
  billing_address: string;
  customer_name?: string | null;
  billing_contact_name?: string | null;
  tree_number?: number | string | null;
  location_notes?: string | null;
  project_id?: string | null;
}

/**
 * POST /v1/jobs (api.md §2.5.1). Everything is looked up and checked first
 * under no global lock (reuse lookups lock only their own name; an existing
 * customer's tree is resolved under that customer's row lock). Then one
 * statement allocates every code (C, B, J) and writes the rows, audit rows and
 * the auto-assignment of a non-admin device: the counter rows are locked from
 * that statement to COMMIT only, so concurrent creates overlap and still get
 * distinct, gap-free numbers. Returns the job shell.
 */
export async function createDeviceJob(tx: PoolClient, actor: Principal, input: CreateJobInput) {
  const projectRef = clean(input.project_id);
  const project = projectRef ? await findProject(tx, projectRef) : null;
  const customer = await findReusableCustomer(tx, {
    name: clean(input.customer_name) ?? input.job_name,
    phone: input.job_phone,
    address: input.job_address,
  });
  const billing = await findReusableBilling(tx, input);
  const requested = parseTreeNumber(input.tree_number);
  const tree = customer.existing ? await resolveTree(tx, customer.existing.id, requested) : null;
  const assignTo = actor.kind === 'device' && !actor.isAdmin ? actor : null;
  const [row] = await insertDeviceJob.run(
    {
      customerId: customer.existing?.id ?? null,
      customerName: customer.name,
      customerPhone: customer.phone,
      customerAddress: customer.address,
      treeId: tree?.id ?? null,
      treeNumber: tree?.tree_number ?? requested ?? 1, // a new customer's first tree
      newBilling: billing !== null && billing.existing === null,
      billingId: billing?.existing?.id ?? null,
      ...(billing?.values ?? { billingName: null, billingContactName: null, billingAddress: null, contactPreference: null }),
      jobId: newJobId(),
      projectPk: project?.id ?? null,
      projectId: project?.project_id ?? null,
      jobName: clean(input.job_name),
      jobAddress: clean(input.job_address),
      locationNotes: clean(input.location_notes),
      actor: actorIdentity(actor),
      actorDevicePk: actor.devicePk,
      assignDevicePk: assignTo?.devicePk ?? null,
      assignDeviceId: assignTo?.deviceId ?? null,
    },
    tx,
  );
  if (!row) throw new Error('job insert returned no row'); // only if the tree or customer vanished under our lock
  return shellView({
    ...row,
    project_id: project?.project_id ?? null,
    project: project?.name ?? null,
    project_slug: project?.slug ?? null,
    tree_species: null,
    reason: null,
  });
}

/** The fields PATCH may change, compared before/after for the job_updated payload. */
const TRACKED = [
  'status',
  'customer_id',
  'billing_profile_id',
  'project_id',
  'tree_id',
  'tree_number',
  'job_name',
  'job_address',
  'reason',
  'location_notes',
  'tree_species',
] as const;
type Tracked = Pick<JobFields, (typeof TRACKED)[number]>;

async function saveJob(tx: PoolClient, actor: Principal, before: JobFields, after: Tracked): Promise<void> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of TRACKED) if (before[k] !== after[k]) changes[k] = { from: before[k], to: after[k] };
  if (Object.keys(changes).length === 0) return;
  await updateJobFields.run(
    {
      id: before.id,
      status: after.status,
      customerId: after.customer_id,
      billingProfileId: after.billing_profile_id,
      projectId: after.project_id,
      treeId: after.tree_id,
      treeNumber: after.tree_number,
      jobName: after.job_name,
      jobAddress: after.job_address,
      reason: after.reason,
      locationNotes: after.location_notes,
      treeSpecies: after.tree_species,
    },
    tx,
  );
  await recordEvent(tx, { type: 'job_updated', actor, jobPk: before.id, payload: { job_number: before.job_number, changes } });
  if (changes.status) {
    await recordEvent(tx, {
      type: 'status_changed',
      actor,
      jobPk: before.id,
      payload: { from: before.status, to: after.status, round_id: null, round_from: null, round_to: null, reason: 'admin_patch' },
    });
  }
}

/** null/absent = unchanged; a string is trimmed and a blank one clears the field. */
const edit = (given: string | null | undefined, current: string | null) => (given === undefined || given === null ? current : clean(given));

export interface PatchJobInput {
  project_id?: string | null;
  job_name?: string | null;
  job_address?: string | null;
  location_notes?: string | null;
}

async function projectPk(tx: PoolClient, given: string | null | undefined, current: string | null): Promise<string | null> {
  if (given === undefined) return current;
  const ref = clean(given);
  return ref ? (await findProject(tx, ref)).id : null;
}

/**
 * PATCH /v1/jobs/{job_id} (api.md §2.5.4): guard, 404, then the metadata lock
 * of §3.3 for non-admins (archived job, or latest round processing → 409).
 */
export async function patchJobMetadata(tx: PoolClient, actor: Principal, jobId: string, input: PatchJobInput): Promise<string> {
  const access = await requireJobAccess(tx, actor, jobId);
  const [job] = await lockJobFields.run({ id: access.id }, tx);
  if (!actor.isAdmin) {
    if (job!.status === 'ARCHIVED') throw problems.metadataArchived();
    if (job!.latest_round_status === 'SUBMITTED_FOR_PROCESSING') throw problems.metadataProcessing();
  }
  await saveJob(tx, actor, job!, {
    ...job!,
    project_id: await projectPk(tx, input.project_id, job!.project_id),
    job_name: edit(input.job_name, job!.job_name),
    job_address: edit(input.job_address, job!.job_address),
    location_notes: edit(input.location_notes, job!.location_notes),
  });
  return job!.id;
}

function parseStatus(given: string | null | undefined, fallback: job_status): job_status {
  if (given === undefined || given === null) return fallback;
  const s = given.trim().toUpperCase();
  if (!isJobStatus(s)) throw problems.notAJobStatus(given);
  return s;
}

const treeGiven = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');

export interface AdminJobInput {
  customer_id?: string | null;
  billing_profile_id?: string | null;
  project_id?: string | null;
  tree_number?: number | string | null;
  job_name?: string | null;
  job_address?: string | null;
  reason?: string | null;
  location_notes?: string | null;
  tree_species?: string | null;
  status?: string | null;
}

/**
 * POST /v1/admin/jobs: explicit id and number, any status, not assigned.
 * With a customer and no job_name/job_address these default to the customer's.
 */
export async function createAdminJob(tx: PoolClient, actor: Principal, input: AdminJobInput & { job_id: string; job_number: string }): Promise<string> {
  const jobId = input.job_id.trim();
  if (!jobId || /[/\\]/.test(jobId)) throw problems.invalidJobId(input.job_id);
  const jobNumber = input.job_number.trim().toUpperCase();
  if (!/^J[0-9]{4,}$/.test(jobNumber)) throw problems.invalidJobNumber(input.job_number);
  const status = parseStatus(input.status, 'DRAFT');
  const customer = clean(input.customer_id) ? await findCustomer(tx, input.customer_id!) : null;
  const billing = clean(input.billing_profile_id) ? await findBilling(tx, input.billing_profile_id!) : null;
  const project = clean(input.project_id) ? await findProject(tx, input.project_id!) : null;
  if (treeGiven(input.tree_number) && !customer) throw problems.treeNeedsCustomer();
  const tree = customer ? await resolveTree(tx, customer.id, parseTreeNumber(input.tree_number)) : null;
  // Locks the job_number counter (and raises it to this number), so the checks below cannot race with device creates.
  const value = Number(jobNumber.slice(1));
  if (!Number.isSafeInteger(value)) throw problems.invalidJobNumber(input.job_number);
  await claimJobNumberValue(tx, value);
  for (const taken of await jobIdOrNumberTaken.run({ jobId, jobNumber }, tx)) {
    if (taken.id_taken) throw problems.jobAlreadyExists(jobId);
    throw problems.jobNumberTaken(jobNumber);
  }
  const [row] = await insertJob.run(
    {
      jobId,
      jobNumber,
      status,
      customerId: customer?.id ?? null,
      billingProfileId: billing?.id ?? null,
      projectId: project?.id ?? null,
      treeId: tree?.id ?? null,
      treeNumber: tree?.tree_number ?? null,
      jobName: clean(input.job_name) ?? customer?.name ?? null,
      jobAddress: clean(input.job_address) ?? customer?.address ?? null,
      reason: clean(input.reason),
      locationNotes: clean(input.location_notes),
      treeSpecies: clean(input.tree_species),
    },
    tx,
  );
  await recordEvent(tx, {
    type: 'job_created',
    actor,
    jobPk: row!.id,
    payload: {
      job_number: jobNumber,
      customer_code: customer?.customer_code ?? null,
      billing_code: billing?.billing_code ?? null,
      project_id: project?.project_id ?? null,
      tree_number: tree?.tree_number ?? null,
      source: 'admin',
    },
  });
  return row!.id;
}

/**
 * PATCH /v1/admin/jobs/{job_ref}. Re-linking another customer defaults
 * job_name/job_address to the new customer's and allocates a new tree number
 * unless one is given; `status` changes jobs.status only.
 */
export async function updateAdminJob(tx: PoolClient, actor: Principal, ref: string, input: AdminJobInput): Promise<string> {
  const job = await lockJob(tx, ref, () => problems.jobNotFoundRef(ref));
  const status = parseStatus(input.status, job.status);
  const newCustomer = clean(input.customer_id) ? await findCustomer(tx, input.customer_id!) : null;
  const customerChanged = newCustomer !== null && newCustomer.id !== job.customer_id;
  const customerId = newCustomer?.id ?? job.customer_id;
  const billingId = clean(input.billing_profile_id) ? (await findBilling(tx, input.billing_profile_id!)).id : job.billing_profile_id;
  const projectId = await projectPk(tx, input.project_id, job.project_id);
  const given = treeGiven(input.tree_number);
  if (given && !customerId) throw problems.treeNeedsCustomer();
  let tree = { id: job.tree_id, tree_number: job.tree_number };
  if (customerId && (given || !job.tree_id || customerChanged)) {
    tree = await resolveTree(tx, customerId, given ? parseTreeNumber(input.tree_number) : null);
  }
  await saveJob(tx, actor, job, {
    status,
    customer_id: customerId,
    billing_profile_id: billingId,
    project_id: projectId,
    tree_id: tree.id,
    tree_number: tree.tree_number,
    job_name: customerChanged && !clean(input.job_name) ? newCustomer.name : edit(input.job_name, job.job_name),
    job_address: customerChanged && !clean(input.job_address) ? newCustomer.address : edit(input.job_address, job.job_address),
    reason: edit(input.reason, job.reason),
    location_notes: edit(input.location_notes, job.location_notes),
    tree_species: edit(input.tree_species, job.tree_species),
  });
  return job.id;
}

export { loadJobView };
