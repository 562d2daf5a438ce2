/**
 * The round worker. Submitted rounds are the queue: the worker claims the
 * oldest one nobody holds (FOR UPDATE SKIP LOCKED), holds a lease it renews
 * while the handler works, and hands the round to the handler. The handler
 * finishes the round itself (REVIEW_RETURNED) in a transaction of its own.
 *
 * - handler throws: the attempt is given back with a back-off, until
 *   maxAttempts, then the round becomes FAILED with the error as its reason;
 * - the process dies: its lease lapses and another worker claims the round;
 * - the lease is lost (watchdog, admin): the handler's signal aborts, and with
 *   it every provider call in flight (providers/cancel.ts); the attempt is
 *   logged as abandoned, whatever the handler returns;
 * - the database goes away: every step logs and the loop carries on (a
 *   PostgreSQL restart never ends the process).
 * - a round still submitted after stuckSeconds: the watchdog fails it.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Pool } from '../db/pool.js';
import { withRetry, withTransaction } from '../db/tx.js';
import type { Logger } from '../logger.js';
import { withCancellation } from '../providers/cancel.js';
import {
  claimSubmittedRound,
  findStuckRounds,
  releaseRoundForRetry,
  renewRoundLease,
} from '../queries/processing.queries.js';
import type { RoundEvents } from './round-events.js';
import { failRound } from './transitions.js';

export interface ClaimedRound {
  roundPk: string;
  jobPk: string;
  roundId: string;
  attempt: number;
  workerId: string;
}

export type RoundHandler = (round: ClaimedRound, signal: AbortSignal) => Promise<void>;

export interface WorkerOptions {
  pool: Pool;
  events: RoundEvents;
  handler: RoundHandler;
  logger: Logger;
  /** Rounds processed at the same time by this worker. */
  concurrency: number;
  leaseSeconds: number;
  maxAttempts: number;
  retryBackoffSeconds: number;
  stuckSeconds: number;
  /** Fallback poll when no notification arrives. */
  pollMs?: number;
  workerId?: string;
}

export class RoundWorker {
  readonly id: string;
  private running = false;
  private active = new Set<Promise<void>>();
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lastWatchdog = 0;

  constructor(private readonly o: WorkerOptions) {
    this.id = o.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.o.events.listener.on('traq_round_submitted', this.onSubmitted);
    this.loop = this.run();
  }

  /** Stops claiming, waits for the rounds in hand to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.o.events.listener.off('traq_round_submitted', this.onSubmitted);
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.active]);
  }

  private onSubmitted = () => this.wake?.();

  private async run(): Promise<void> {
    const pollMs = this.o.pollMs ?? 2000;
    while (this.running) {
      try {
        await this.watchdog();
        while (this.running && this.active.size < this.o.concurrency) {
          const [claimed] = await withRetry(() => claimSubmittedRound.run({ workerId: this.id, leaseSeconds: this.o.leaseSeconds }, this.o.pool));
          if (!claimed) break;
          const round: ClaimedRound = {
            roundPk: claimed.id,
            jobPk: claimed.job_pk,
            roundId: claimed.round_id,
            attempt: claimed.processing_attempts,
            workerId: this.id,
          };
          // The round's owner: nothing it throws may escape as an unhandled rejection.
          const p = this.process(round)
            .catch((err: Error) => this.o.logger.error({ err: err?.message, worker: this.id, round_pk: round.roundPk }, 'round processing error'))
            .finally(() => {
              this.active.delete(p);
              this.wake?.();
            });
          this.active.add(p);
        }
      } catch (err) {
        this.o.logger.error({ err: (err as Error).message, worker: this.id }, 'worker loop error');
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, pollMs);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private async process(round: ClaimedRound): Promise<void> {
    const log = this.o.logger.child({ worker: this.id, round_pk: round.roundPk, round_id: round.roundId, attempt: round.attempt });
    const abort = new AbortController();
    const heartbeat = setInterval(() => {
      renewRoundLease
        .run({ roundPk: round.roundPk, workerId: this.id, leaseSeconds: this.o.leaseSeconds }, this.o.pool)
        .then((rows) => {
          if (rows.length === 0) abort.abort(new Error('lease lost'));
        })
        .catch((err: Error) => log.warn({ err: err.message }, 'lease renewal failed'));
    }, Math.max(200, (this.o.leaseSeconds * 1000) / 3));
    const started = Date.now();
    try {
      await withCancellation(abort.signal, () => this.o.handler(round, abort.signal));
      if (abort.signal.aborted) log.warn({ ms: Date.now() - started }, 'round processing abandoned: lease lost');
      else log.info({ ms: Date.now() - started }, 'round processed');
    } catch (err) {
      const reason = (err as Error)?.message || String(err);
      if (abort.signal.aborted) {
        log.warn({ reason, ms: Date.now() - started }, 'round processing abandoned: lease lost');
      } else {
        await this.giveBack(round, reason).catch((e: Error) => log.error({ err: e.message, reason }, 'could not give the round back; its lease will lapse'));
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** A failed attempt: retried after a back-off, or the round fails after the last one. */
  private async giveBack(round: ClaimedRound, reason: string): Promise<void> {
    const log = this.o.logger.child({ worker: this.id, round_pk: round.roundPk, round_id: round.roundId, attempt: round.attempt });
    if (round.attempt < this.o.maxAttempts) {
      log.warn({ reason }, 'round processing failed; will retry');
      await withRetry(() =>
        releaseRoundForRetry.run(
          { roundPk: round.roundPk, workerId: this.id, backoffSeconds: this.o.retryBackoffSeconds * round.attempt, reason },
          this.o.pool,
        ),
      );
    } else {
      log.error({ reason }, 'round processing failed for the last time');
      await withTransaction(this.o.pool, (tx) => failRound(tx, round.roundPk, `Processing failed after ${round.attempt} attempts: ${reason}`));
    }
  }

  /** Fails rounds stuck in processing past the deadline (at most every few seconds per worker). */
  private async watchdog(): Promise<void> {
    if (Date.now() - this.lastWatchdog < 5000) return;
    this.lastWatchdog = Date.now();
    const stuck = await findStuckRounds.run({ stuckSeconds: this.o.stuckSeconds }, this.o.pool);
    for (const r of stuck) {
      const reason = `Processing did not finish within ${this.o.stuckSeconds} s (attempts: ${r.processing_attempts})`;
      // One transaction per round, each locking its job first (src/db/tx.ts).
      if (await withTransaction(this.o.pool, (tx) => failRound(tx, r.id, reason))) {
        this.o.logger.warn({ round_pk: r.id, round_id: r.round_id }, 'stuck round failed by the watchdog');
      }
    }
  }
}
