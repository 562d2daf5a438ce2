/** `traq-admin job ...`: admin job records, assignments, lifecycle and inspect (api.md §2.13). */
import type { Command } from 'commander';
import { listAllAssignments } from '../../domain/assignments.js';
import { inspectJob } from '../../domain/inspect.js';
import { assignByAdmin, ROUND_STATUSES, setJobStatus, unassignByAdmin, unlockJob } from '../../domain/job-lifecycle.js';
import { adminJobView, loadJobView } from '../../domain/job-views.js';
import { createAdminJob, JOB_STATUSES, updateAdminJob, type AdminJobInput } from '../../domain/jobs.js';
import { withTransaction } from '../../db/tx.js';
import { choice, nonBlank, wholeNumber } from '../args.js';
import { seg } from '../http.js';
import { printJson, printRecord, printTable, show } from '../output.js';
import type { CommandGroup } from '../registry.js';
import type { Runtime } from '../runtime.js';

type Reply = Record<string, unknown> & { ok: true };
type Assignment = { job_id: string; device_id: string; assigned_at: string; assigned_by: string };
export type JobFields = AdminJobInput;

export interface JobBackend {
  create(fields: JobFields & { job_id: string; job_number: string }): Promise<Reply>;
  update(ref: string, fields: JobFields): Promise<Reply>;
  listAssignments(): Promise<Assignment[]>;
  assign(ref: string, deviceId: string): Promise<Reply>;
  unassign(ref: string): Promise<Reply>;
  unlock(ref: string, input: { round_id?: string; device_id?: string }): Promise<Reply>;
  setStatus(ref: string, input: { status: string; round_id?: string; round_status?: string }): Promise<Reply>;
  inspect(ref: string): Promise<Record<string, unknown>>;
}

export const jobBackend = (rt: Runtime) =>
  rt.backend<JobBackend>({
    local: ({ pool, principal }) => ({
      create: (f) => withTransaction(pool, async (tx) => ({ ok: true, job: adminJobView(await loadJobView(tx, await createAdminJob(tx, principal, f))) })),
      update: (ref, f) => withTransaction(pool, async (tx) => ({ ok: true, job: adminJobView(await loadJobView(tx, await updateAdminJob(tx, principal, ref, f))) })),
      listAssignments: () => listAllAssignments(pool),
      assign: (ref, deviceId) => withTransaction(pool, (tx) => assignByAdmin(tx, principal, ref, deviceId)),
      unassign: (ref) => withTransaction(pool, (tx) => unassignByAdmin(tx, principal, ref)),
      unlock: (ref, input) => withTransaction(pool, (tx) => unlockJob(tx, principal, ref, input)),
      setStatus: (ref, input) => withTransaction(pool, (tx) => setJobStatus(tx, principal, ref, input)),
      inspect: (ref) => inspectJob(pool, ref),
    }),
    remote: (api) => ({
      create: (f) => api.json<Reply>('POST', '/v1/admin/jobs', f),
      update: (ref, f) => api.json<Reply>('PATCH', `/v1/admin/jobs/${seg(ref)}`, f),
      listAssignments: async () => (await api.json<{ assignments: Assignment[] }>('GET', '/v1/admin/jobs/assignments')).assignments,
      assign: (ref, deviceId) => api.json<Reply>('POST', `/v1/admin/jobs/${seg(ref)}/assign`, { device_id: deviceId }),
      unassign: (ref) => api.json<Reply>('POST', `/v1/admin/jobs/${seg(ref)}/unassign`, {}),
      unlock: (ref, input) => api.json<Reply>('POST', `/v1/admin/jobs/${seg(ref)}/unlock`, input),
      setStatus: (ref, input) => api.json<Reply>('POST', `/v1/admin/jobs/${seg(ref)}/status`, input),
      inspect: (ref) => api.json<Record<string, unknown>>('GET', `/v1/admin/jobs/${seg(ref)}/inspect`),
    }),
  });

/** CLI option (camelCase as commander names it) → body field. */
const FIELD_OPTIONS: [flags: string, description: string, field: keyof JobFields][] = [
  ['--customer-id <ref>', 'customer id or code', 'customer_id'],
  ['--billing-profile-id <ref>', 'billing profile id or code', 'billing_profile_id'],
  ['--project-id <ref>', 'project id or slug', 'project_id'],
  ['--job-name <text>', 'job name', 'job_name'],
  ['--job-address <text>', 'job address', 'job_address'],
  ['--reason <text>', 'reason for the assessment', 'reason'],
  ['--location-notes <text>', 'location notes', 'location_notes'],
  ['--tree-species <text>', 'tree species', 'tree_species'],
];
const camel = (field: string) => field.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

function addFieldOptions(cmd: Command) {
  for (const [flags, description] of FIELD_OPTIONS) cmd.option(flags, description);
  cmd.option('--tree-number <n>', 'tree number of the customer', wholeNumber(1));
  cmd.addOption(choice('--status <status>', 'job status', JOB_STATUSES));
  return cmd;
}

function fieldsOf(o: Record<string, unknown>): JobFields {
  const fields: Record<string, unknown> = {};
  for (const [, , field] of FIELD_OPTIONS) if (o[camel(field)] !== undefined) fields[field] = o[camel(field)];
  if (o.treeNumber !== undefined) fields.tree_number = o.treeNumber;
  if (o.status !== undefined) fields.status = o.status;
  if (o.clearProject) fields.project_id = null;
  return fields as JobFields;
}

const JOB_COLUMNS = ['job_number', 'job_id', 'status', 'customer_code', 'billing_code', 'project', 'tree_number', 'latest_round_id', 'latest_round_status'];
const ASSIGNMENT_COLUMNS = ['job_id', 'device_id', 'assigned_at', 'assigned_by'];
const jobOption = (cmd: Command) => cmd.requiredOption('--job <job>', 'job id or job number (any case)', nonBlank);

export const jobGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    const b = () => jobBackend(rt);
    const showJob = (reply: Reply) => show(rt.json, reply, () => printTable([reply.job as Record<string, unknown>], JOB_COLUMNS));
    const showState = (reply: Reply) => show(rt.json, reply, () => printRecord(Object.fromEntries(Object.entries(reply).filter(([k]) => k !== 'ok'))));

    addFieldOptions(
      group
        .command('create')
        .description('Create a job with an explicit id and number (not assigned)')
        .requiredOption('--job-id <job_id>', 'the new job id', nonBlank)
        .requiredOption('--job-number <number>', 'the new job number (J followed by digits)', nonBlank),
    ).action(async (o: Record<string, unknown> & { jobId: string; jobNumber: string }) =>
      showJob(await (await b()).create({ job_id: o.jobId, job_number: o.jobNumber, ...fieldsOf(o) })),
    );

    addFieldOptions(jobOption(group.command('update').description('Change fields of a job (a blank value clears)')))
      .option('--clear-project', 'remove the job from its project')
      .action(async (o: Record<string, unknown> & { job: string }) => showJob(await (await b()).update(o.job, fieldsOf(o))));

    group
      .command('list-assignments')
      .description('Every job assignment, oldest first')
      .option('--raw', 'print the assignments as JSON (same as --json)')
      .action(async (o: { raw?: boolean }) => {
        const assignments = await (await b()).listAssignments();
        if (rt.json || o.raw) printJson({ ok: true, assignments });
        else printTable(assignments, ASSIGNMENT_COLUMNS, '(no assignments)');
      });

    jobOption(group.command('assign').description('Assign the job to an approved device (moves it from any other)'))
      .requiredOption('--device-id <device_id>', 'the device', nonBlank)
      .action(async (o: { job: string; deviceId: string }) => {
        const reply = await (await b()).assign(o.job, o.deviceId);
        show(rt.json, reply, () => printTable([reply.assignment as Assignment], ASSIGNMENT_COLUMNS));
      });

    jobOption(group.command('unassign').description("Remove the job's assignment")).action(async (o: { job: string }) => {
      const reply = await (await b()).unassign(o.job);
      show(rt.json, reply, () => printTable([reply.removed as Assignment], ASSIGNMENT_COLUMNS));
    });

    jobOption(group.command('unlock').description('Reopen a round (default: the latest) to DRAFT, optionally reassigning the job'))
      .option('--round-id <round_id>', 'the round to reopen', nonBlank)
      .option('--device-id <device_id>', 'assign the job to this device', nonBlank)
      .action(async (o: { job: string; roundId?: string; deviceId?: string }) =>
        showState(await (await b()).unlock(o.job, { ...(o.roundId ? { round_id: o.roundId } : {}), ...(o.deviceId ? { device_id: o.deviceId } : {}) })),
      );

    jobOption(group.command('set-status').description('Force the job status (and optionally a round as latest, with its status)'))
      .addOption(choice('--status <status>', 'job status', JOB_STATUSES).makeOptionMandatory())
      .option('--round-id <round_id>', 'the round to make latest', nonBlank)
      .addOption(choice('--round-status <status>', 'status for that round', ROUND_STATUSES))
      .action(async (o: { job: string; status: string; roundId?: string; roundStatus?: string }) =>
        showState(
          await (await b()).setStatus(o.job, {
            status: o.status,
            ...(o.roundId ? { round_id: o.roundId } : {}),
            ...(o.roundStatus ? { round_status: o.roundStatus } : {}),
          }),
        ),
      );

    jobOption(group.command('inspect').description('The job as stored: fields, assignment, rounds, final and correction')).action(async (o: { job: string }) => {
      const reply = await (await b()).inspect(o.job);
      show(rt.json, reply, () => printRecord(Object.fromEntries(Object.entries(reply).filter(([k]) => k !== 'details'))));
    });
  },
};
