import type { PoolClient } from '../db/pool.js';
import { recordEvent, type Actor } from '../domain/events.js';
import { failSubmittedRound, lockJobOfRound, mirrorLatestRoundStatus, notifyRoundFinished } from '../queries/processing.queries.js';

/**
 * SUBMITTED_FOR_PROCESSING → FAILED with a reason, mirrored on the job when it
 * is the job's latest round, with its audit row; waiting submits are told at
 * commit. Returns false when the round was no longer submitted (someone else
 * finished it first), in which case nothing changed. Locks the job row before
 * the round (the lock order of src/db/tx.ts).
 */
export async function failRound(tx: PoolClient, roundPk: string, reason: string, actor: Actor = 'system'): Promise<boolean> {
  await lockJobOfRound.run({ roundPk }, tx);
  const [round] = await failSubmittedRound.run({ roundPk, reason }, tx);
  if (!round) return false;
  await mirrorLatestRoundStatus.run({ jobPk: round.job_pk, roundId: round.round_id, jobStatus: 'FAILED', roundStatus: 'FAILED' }, tx);
  await recordEvent(tx, { type: 'round_failed', actor, jobPk: round.job_pk, payload: { round_id: round.round_id, reason } });
  await notifyRoundFinished.run({ roundPk }, tx);
  return true;
}
