import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import t, { type Test } from 'tap';
import { loadConfig } from '../src/config.js';
import { createProviders } from '../src/providers/index.js';
import type { ProviderResult } from '../src/providers/types.js';
import { startFakeOpenAI } from './helpers/fake-openai.js';
import type { Pool } from '../src/db/pool.js';
import { createLogger } from '../src/logger.js';
import { RoundEvents } from '../src/processing/round-events.js';
import { RoundWorker, type RoundHandler, type WorkerOptions } from '../src/processing/worker.js';
import { childEnv, plainNode } from './helpers/child-env.js';
import { freshDatabase } from './helpers/db.js';
import { job } from './helpers/factories.js';

/** A job whose latest round is submitted, as the submit endpoint leaves it. */
async function submittedRound(pool: Pool, options: { submittedAgo?: string } = {}) {
  const j = await job(pool);
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO job_rounds (job_id, round_number, round_id, status, submitted_at)
     VALUES ($1, 1, 'round_1', 'SUBMITTED_FOR_PROCESSING', now() - $2::interval) RETURNING id`,
    [j.jobPk, options.submittedAgo ?? '0 seconds'],
  );
  await pool.query(`UPDATE jobs SET status = 'SUBMITTED_FOR_PROCESSING', latest_round_id = 'round_1', latest_round_status = 'SUBMITTED_FOR_PROCESSING' WHERE id = $1`, [j.jobPk]);
  await pool.query(`SELECT pg_notify('traq_round_submitted', $1)`, [rows[0]!.id]);
  return { ...j, roundPk: rows[0]!.id };
}

/** What a real handler does at the end: the review is returned. */
async function completeRound(pool: Pool, roundPk: string) {
  await pool.query(`UPDATE job_rounds SET status = 'REVIEW_RETURNED', review_payload = '{}', processing_lease_until = NULL WHERE id = $1`, [roundPk]);
}

async function roundState(pool: Pool, roundPk: string) {
  const { rows } = await pool.query(
    `SELECT r.status, r.failure_reason, r.processing_attempts, r.processing_worker, j.status AS job_status, j.latest_round_status
       FROM job_rounds r JOIN jobs j ON j.id = r.job_id WHERE r.id = $1`,
    [roundPk],
  );
  return rows[0];
}

async function until(check: () => Promise<boolean>, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function startWorker(t: Test, url: string, pool: Pool, handler: RoundHandler, options: Partial<WorkerOptions> = {}) {
  const events = new RoundEvents(url);
  await events.start();
  const worker = new RoundWorker({
    pool,
    events,
    handler,
    logger: createLogger('silent'),
    concurrency: 2,
    // Longer than a loaded machine can stall this process (heartbeat every 2 s): a lease that lapsed under a
    // live handler would let this same worker claim the round a second time. No test here waits for it to lapse.
    leaseSeconds: 6,
    maxAttempts: 3,
    retryBackoffSeconds: 0,
    stuckSeconds: 3600,
    pollMs: 100,
    ...options,
  });
  worker.start();
  t.teardown(async () => {
    await worker.stop();
    await events.stop();
  });
  return worker;
}

t.test('a submitted round is claimed and handed to the handler once', async (t) => {
  const { url, pool } = await freshDatabase(t);
  const seen: string[] = [];
  const round = await submittedRound(pool);
  await startWorker(t, url, pool, async (r) => {
    seen.push(r.roundPk);
    await completeRound(pool, r.roundPk);
  });
  t.ok(await until(async () => (await roundState(pool, round.roundPk)).status === 'REVIEW_RETURNED'), 'processed');
  t.same(seen, [round.roundPk], 'handled exactly once');
  t.equal((await roundState(pool, round.roundPk)).processing_attempts, 1);
});

t.test('a failing handler is retried, then the round fails with its reason', async (t) => {
  const { url, pool } = await freshDatabase(t);
  let calls = 0;
  const round = await submittedRound(pool);
  await startWorker(
    t,
    url,
    pool,
    async () => {
      calls++;
      throw new Error('provider exploded');
    },
    { maxAttempts: 2 },
  );
  t.ok(await until(async () => (await roundState(pool, round.roundPk)).status === 'FAILED'), 'failed in the end');
  t.equal(calls, 2, 'two attempts');
  t.match(await roundState(pool, round.roundPk), {
    failure_reason: 'Processing failed after 2 attempts: provider exploded',
    job_status: 'FAILED',
    latest_round_status: 'FAILED',
  });
  const { rows } = await pool.query(`SELECT event_type, actor_identity, payload FROM job_events WHERE job_id = $1`, [round.jobPk]);
  t.match(rows, [{ event_type: 'round_failed', actor_identity: 'system', payload: { round_id: 'round_1' } }], 'audited');
});

t.test('a worker killed mid-round: the round is claimed again when its lease lapses', async (t) => {
  const { url, pool } = await freshDatabase(t);
  const round = await submittedRound(pool);
  const child = spawn(...plainNode(['--import', 'tsx', 'test/fixtures/hanging-worker.ts']), {
    env: { ...childEnv(), WORKER_DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('claimed') && resolve()));
  t.match(await roundState(pool, round.roundPk), { processing_worker: 'doomed-worker', status: 'SUBMITTED_FOR_PROCESSING' }, 'the doomed worker holds it');
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));

  await startWorker(t, url, pool, async (r) => completeRound(pool, r.roundPk), { workerId: 'survivor' });
  t.ok(await until(async () => (await roundState(pool, round.roundPk)).status === 'REVIEW_RETURNED'), 'completed by the survivor');
  t.match(await roundState(pool, round.roundPk), { processing_worker: 'survivor', processing_attempts: 2 });
});

t.test('the watchdog fails a round stuck past the deadline', async (t) => {
  const { url, pool } = await freshDatabase(t);
  const stuck = await submittedRound(pool, { submittedAgo: '2 hours' });
  let handled = 0;
  await startWorker(t, url, pool, async () => void handled++, { stuckSeconds: 3600 });
  t.ok(await until(async () => (await roundState(pool, stuck.roundPk)).status === 'FAILED'), 'failed');
  t.match((await roundState(pool, stuck.roundPk)).failure_reason, /did not finish within 3600 s/);
  t.equal(handled, 0, 'never handed to the handler');
});

t.test('concurrency is bounded, and a lost lease aborts the handler', async (t) => {
  const { url, pool } = await freshDatabase(t);
  const rounds = await Promise.all([1, 2, 3, 4].map(() => submittedRound(pool)));
  let inFlight = 0;
  let peak = 0;
  await startWorker(
    t,
    url,
    pool,
    async (r) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((res) => setTimeout(res, 300));
      inFlight--;
      await completeRound(pool, r.roundPk);
    },
    { concurrency: 2 },
  );
  t.ok(await until(async () => (await Promise.all(rounds.map((r) => roundState(pool, r.roundPk)))).every((s) => s.status === 'REVIEW_RETURNED')), 'all four done');
  t.equal(peak, 2, 'never more than two at once');

  const { pool: pool2, url: url2 } = await freshDatabase(t);
  const r = await submittedRound(pool2);
  let aborted = false;
  await startWorker(t, url2, pool2, async (claimed, signal) => {
    await pool2.query(`UPDATE job_rounds SET status = 'FAILED', failure_reason = 'admin' WHERE id = $1`, [claimed.roundPk]);
    await new Promise<void>((res) => signal.addEventListener('abort', () => res()));
    aborted = signal.aborted;
    throw new Error('aborted');
  });
  t.ok(await until(async () => aborted), 'the handler saw its lease go');
  t.equal((await roundState(pool2, r.roundPk)).failure_reason, 'admin', 'and did not touch the round afterwards');
});

t.test('a lost lease cancels the provider call in flight at once, starts no retry, and logs the attempt abandoned', async (t) => {
  const { url, pool } = await freshDatabase(t);
  const fake = await startFakeOpenAI({ t, script: () => ({ hang: true }) });
  const config = loadConfig({ OPENAI_BASE_URL: fake.url, TRAQ_OPENAI_TRANSCRIBE_TIMEOUT: '600', TRAQ_OPENAI_TRANSCRIBE_ATTEMPTS: '3', TRAQ_OPENAI_TRANSCRIBE_BACKOFF: '0.01' });
  const providers = createProviders(config.openai);
  const logs: { msg: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      cb();
    },
  });
  const r = await submittedRound(pool);
  let result: ProviderResult<string> | undefined;
  await startWorker(
    t,
    url,
    pool,
    async (claimed) => {
      // The admin takes the round away while the transcription hangs (its timeout is 10 minutes).
      setTimeout(() => void pool.query(`UPDATE job_rounds SET processing_worker = 'someone-else', processing_lease_until = now() + interval '1 hour' WHERE id = $1`, [claimed.roundPk]), 200);
      result = await providers.transcriber.transcribe({ bytes: new Uint8Array(16), filename: 'rec_1.m4a', contentType: 'audio/mp4' });
      // A handler that ignores the signal and returns normally: the attempt is still abandoned.
    },
    { logger: pino({ level: 'info' }, sink), concurrency: 1 },
  );
  t.ok(await until(async () => result !== undefined, 60_000), 'the hanging call returned');
  t.equal(result?.ok === false && result.kind, 'cancelled', 'it was cancelled, not timed out');
  t.equal(fake.transcriptions().length, 1, 'no retry was started after the cancellation');
  t.ok(await until(async () => logs.some((l) => /abandoned/.test(l.msg)), 15_000), 'the attempt is logged as abandoned');
  t.notOk(logs.some((l) => l.msg === 'round processed'), 'and never as processed');
  t.equal((await roundState(pool, r.roundPk)).processing_worker, 'someone-else', 'the round stays with its new holder');
});
