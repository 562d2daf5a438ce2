/**
 * The edit-lock matrix for device writes (api.md §3.3), with our archived-job
 * policy (api.md §8.2 item 12). Admins bypass every lock.
 *
 * Archived-job policy ("correction round"): a device may open a new round on
 * an ARCHIVED job; that round is the correction round (the job goes back to
 * DRAFT and the next final is a correction). Every other device write on an
 * ARCHIVED job is refused, so the finalized round itself is never changed.
 * Device writes (uploads, photo details, manifest) go only to the job's
 * latest round, and only while that round is DRAFT.
 */
import type { Principal } from './principal.js';
import { problems } from './problems.js';
import type { job_status, round_status } from '../queries/rounds.queries.js';

export interface JobRoundState {
  status: job_status;
  latest_round_id: string | null;
  latest_round_status: round_status | null;
}

/** R1: a new round is refused only while the latest one is being processed. */
export function checkCanCreateRound(principal: Principal, job: JobRoundState): void {
  if (principal.isAdmin) return;
  if (job.latest_round_status === 'SUBMITTED_FOR_PROCESSING') throw problems.jobLockedWhileProcessing();
}

/** Device writes on an archived job wait for a correction round. */
export function checkJobWritable(principal: Principal, job: JobRoundState): void {
  if (principal.isAdmin) return;
  if (job.status === 'ARCHIVED') throw problems.jobArchived();
}

/** The round a device writes into must be the latest one and still DRAFT. */
export function checkRoundWritable(
  principal: Principal,
  job: JobRoundState,
  round: { round_id: string; status: round_status },
  kind: 'media' | 'manifest',
): void {
  if (principal.isAdmin) return;
  checkJobWritable(principal, job);
  if (round.round_id !== job.latest_round_id) throw problems.roundSuperseded(round.round_id, job.latest_round_id);
  if (round.status !== 'DRAFT') throw kind === 'manifest' ? problems.roundLocked() : problems.jobLocked();
}
