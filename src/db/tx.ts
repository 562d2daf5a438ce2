/**
 * The transaction runner every write goes through.
 *
 * LOCK ORDER (the one rule that keeps concurrent writers from deadlocking):
 *
 *   1. the job row            (jobs ... FOR UPDATE: LockJobRow, LockJobForFinal, LockJobFields, LockJobOfRound)
 *   2. the round row          (job_rounds: LockRoundForSubmit, or the conditional UPDATE that changes it)
 *   3. the rest               (recordings, images, finals, job_events, counters, idempotency keys)
 *
 * A transaction that touches more than one of these takes them in that order,
 * and takes the job row first even when it only needs it later (the worker
 * writes the round, then mirrors its status on the job: it locks the job
 * first). A statement that locks a single row of one kind (claiming a round,
 * renewing or releasing its lease) may run on its own.
 *
 * Deadlocks and serialization failures that still happen (PostgreSQL picks a
 * victim; other tables' foreign-key share locks) are retried here a bounded
 * number of times, so a client never sees 40P01 / 40001. `work` must therefore
 * be safe to run again: it only talks to the database through `tx`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool, PoolClient } from './pool.js';

/** deadlock_detected, serialization_failure */
const RETRYABLE = new Set(['40P01', '40001']);
/** Attempts in all (the first plus retries) before the error goes to the caller. */
export const TX_ATTEMPTS = 6;

export const isRetryableTxError = (err: unknown) => RETRYABLE.has((err as { code?: string } | null)?.code ?? '');

/** Runs `run` again after a deadlock or serialization failure, a bounded number of times. */
export async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!isRetryableTxError(err) || attempt >= TX_ATTEMPTS) throw err;
      // Jittered, growing pause so the transactions that collided do not meet again in lockstep.
      await sleep(Math.random() * 10 * 2 ** attempt);
    }
  }
}

async function once<T>(pool: Pool, begin: string, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

const inTransaction = <T>(pool: Pool, begin: string, work: (tx: PoolClient) => Promise<T>): Promise<T> => withRetry(() => once(pool, begin, work));

/**
 * Runs `work` inside one transaction on one connection: COMMIT when it
 * resolves, ROLLBACK when it throws (and again from the start after a
 * deadlock or serialization failure). Every write request goes through here,
 * so the state change and its job_events row land together or not at all.
 */
export const withTransaction = <T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> => inTransaction(pool, 'BEGIN', work);

/**
 * Runs `read` in one REPEATABLE READ, READ ONLY transaction: every query sees
 * the same snapshot (the export feed relies on it to pair its data with the
 * snapshot's transaction horizon).
 */
export const withSnapshot = <T>(pool: Pool, read: (tx: PoolClient) => Promise<T>): Promise<T> =>
  inTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', read);

