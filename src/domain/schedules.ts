/**
 * Periodic tasks the server processes run themselves, once across all of them
 * (issue #15). Every process ticks; the one that finds the task's row due
 * claims it FOR UPDATE SKIP LOCKED and runs the task while holding that lock,
 * then moves next_run_at on in the same transaction. Another process's tick
 * meanwhile skips the locked row; a process killed mid-run loses its
 * connection, which releases the lock and leaves the row due for the next tick
 * anywhere. A restart does not push the next run back (the time is in the row).
 */
import type { Pool } from '../db/pool.js';
import { withTransaction } from '../db/tx.js';
import type { Logger } from '../logger.js';
import { claimDueTask, ensureScheduledTask, finishScheduledTask } from '../queries/schedules.queries.js';

export type TaskName = 'retention';

/**
 * Runs `run` when `task` is due and no other process is running it; resolves
 * to its outcome (its summary is kept in the row), or null when it was not due or held elsewhere. `run` works
 * through the pool (its own transactions), not inside the claiming one.
 */
export async function runIfDue<T extends object>(
  pool: Pool,
  task: TaskName,
  intervalSeconds: number,
  run: () => Promise<T>,
  summarize: (outcome: T) => object = (o) => o,
): Promise<T | null> {
  await ensureScheduledTask.run({ task }, pool);
  return withTransaction(pool, async (tx) => {
    const [claimed] = await claimDueTask.run({ task }, tx);
    if (!claimed) return null;
    const outcome = await run();
    await finishScheduledTask.run({ task, intervalSeconds, outcome: JSON.stringify(summarize(outcome)) }, tx);
    return outcome;
  });
}

/**
 * Ticks `runIfDue` every minute (or every interval when shorter) on a timer
 * that never keeps the process alive; failures are logged and the next tick
 * tries again.
 */
export function scheduleTask<T extends object>(
  deps: { pool: Pool; logger: Pick<Logger, 'info' | 'error'> },
  task: TaskName,
  intervalSeconds: number,
  run: () => Promise<T>,
  summarize: (outcome: T) => object,
): NodeJS.Timeout {
  const timer = setInterval(() => {
    runIfDue(deps.pool, task, intervalSeconds, run, summarize)
      .then((outcome) => outcome && deps.logger.info({ [task]: summarize(outcome) }, `${task} run`))
      .catch((err: Error) => deps.logger.error({ err: err.message }, `${task} run failed; the next tick tries again`));
  }, Math.max(1000, Math.min(intervalSeconds * 1000, 60_000)));
  timer.unref();
  return timer;
}
