/**
 * Admin job lifecycle (api.md §2.13): assign, unassign, set status, unlock. Unlike the old
 * server, the round row is written together with the job row (api.md §8.2
 * item 10), and unlock checks the device before writing anything.
 */
import type { PoolClient } from '../db/pool.js';
import type { Principal } from './principal.js';
import { problems } from './problems.js';
import { findRound, setJobState, setRoundStatus, type round_status } from '../queries/jobs.queries.js';
import { assignJob, requireAssignableDevice, unassignJob } from './assignments.js';
import { recordEvent } from './events.js';
import { isJobStatus, lockJob } from './jobs.js';
import { clean } from './text.js';

export const ROUND_STATUSES: readonly round_status[] = ['DRAFT', 'SUBMITTED_FOR_PROCESSING', 'REVIEW_RETURNED', 'FAILED'];
const ADMIN_FAILURE_REASON = 'Set to FAILED by an admin';

async function requireRound(tx: PoolClient, jobPk: string, roundId: string) {
  const [round] = await findRound.run({ jobPk, roundId }, tx);
  if (!round) throw problems.roundNotFound();
  return round;
}

/** POST /v1/admin/jobs/{job_id}/assign (job by id or number). */
export async function assignByAdmin(tx: PoolClient, actor: Principal, jobRef: string, deviceId: string) {
  const job = await lockJob(tx, jobRef);
  const device = await requireAssignableDevice(tx, deviceId);
  return { ok: true as const, assignment: await assignJob(tx, actor, job, device, 'admin') };
}

/** POST /v1/admin/jobs/{job_id}/unassign. */
export async function unassignByAdmin(tx: PoolClient, actor: Principal, jobRef: string) {
  return { ok: true as const, removed: await unassignJob(tx, actor, await lockJob(tx, jobRef)) };
}

export interface SetStatusInput {
  status: string;
  round_id?: string | null;
  round_status?: string | null;
}

export async function setJobStatus(tx: PoolClient, actor: Principal, jobId: string, input: SetStatusInput) {
  const job = await lockJob(tx, jobId);
  const status = input.status.trim().toUpperCase();
  if (!isJobStatus(status)) throw problems.invalidJobStatus(status);
  const roundStatusText = clean(input.round_status)?.toUpperCase() ?? null;
  if (roundStatusText !== null && !(ROUND_STATUSES as readonly string[]).includes(roundStatusText)) {
    throw problems.invalidRoundStatus(roundStatusText);
  }
  const roundStatus = roundStatusText as round_status | null;
  const explicitRound = clean(input.round_id);
  let latestId = job.latest_round_id;
  let latestStatus = job.latest_round_status;
  let round: { id: string; round_id: string; status: round_status } | null = null;
  if (explicitRound) {
    round = await requireRound(tx, job.id, explicitRound);
  } else if (roundStatus) {
    if (!job.latest_round_id) throw problems.roundIdRequired();
    round = await requireRound(tx, job.id, job.latest_round_id);
  }
  if (round) {
    if (roundStatus) await setRoundStatus.run({ id: round.id, status: roundStatus, reason: ADMIN_FAILURE_REASON }, tx);
    latestId = round.round_id;
    latestStatus = roundStatus ?? round.status;
  }
  await setJobState.run({ id: job.id, status, latestRoundId: latestId, latestRoundStatus: latestStatus }, tx);
  await recordEvent(tx, {
    type: 'status_changed',
    actor,
    jobPk: job.id,
    payload: {
      from: job.status,
      to: status,
      round_id: round?.round_id ?? null,
      round_from: round?.status ?? null,
      round_to: round ? latestStatus : null,
      reason: 'admin_status',
    },
  });
  return { ok: true as const, job_id: job.job_id, status, latest_round_id: latestId, latest_round_status: latestStatus };
}

/**
 * Reopens a round to DRAFT (job DRAFT, latest = that round) and optionally
 * hands the job to a device. The final snapshot is kept, so the next final is
 * a correction.
 */
export async function unlockJob(tx: PoolClient, actor: Principal, jobId: string, input: { round_id?: string | null; device_id?: string | null }) {
  const job = await lockJob(tx, jobId);
  const roundId = clean(input.round_id) ?? job.latest_round_id;
  if (!roundId) throw problems.roundIdRequired();
  const round = await requireRound(tx, job.id, roundId);
  const device = clean(input.device_id) ? await requireAssignableDevice(tx, input.device_id) : null;

  await setRoundStatus.run({ id: round.id, status: 'DRAFT', reason: ADMIN_FAILURE_REASON }, tx);
  await setJobState.run({ id: job.id, status: 'DRAFT', latestRoundId: round.round_id, latestRoundStatus: 'DRAFT' }, tx);
  await recordEvent(tx, {
    type: 'job_unlocked',
    actor,
    jobPk: job.id,
    payload: { round_id: round.round_id, from: job.status, round_from: round.status, device_id: device?.device_id ?? null },
  });
  const assignment = device ? await assignJob(tx, actor, job, device, 'admin_unlock') : null;
  return { ok: true as const, job_id: job.job_id, round_id: round.round_id, status: 'DRAFT' as const, assignment };
}
