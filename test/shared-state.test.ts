/**
 * State several server processes on one database share (issue #15): the auth rate limit is one budget
 * whichever server answers, and a scheduled task (the retention prune) runs in one process at a time,
 * once per interval, and is not blocked by a process that died holding it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import t from 'tap';
import { pruneArchived, scheduleRetention } from '../src/domain/retention.js';
import { runIfDue } from '../src/domain/schedules.js';
import { sweepRateWindows } from '../src/queries/rate-limits.queries.js';
import { startTestApp } from './helpers/app.js';
import { awaitWholeRateWindow, freshDatabase } from './helpers/db.js';
import { fetchBytes, finalBody, must, readyJob } from './helpers/finals.js';
import { sampleJob } from './helpers/samples.js';

const db = await freshDatabase(t);
const env = { TRAQ_AUTH_RATE_LIMIT_PER_MINUTE: '4' };
const a = await startTestApp(t, env, { database: db });
// Two servers of one deployment: one database and one artifact store (a's folder, or its prefix in the bucket).
const b = await startTestApp(t, { ...env, ...a.storeEnv }, { database: db });
const register = (app: typeof a) => app.request('POST', '/v1/auth/register-device', { body: { device_id: `dev-${randomBytes(4).toString('hex')}` } });

t.test('two servers on one database enforce one auth rate limit', async (t) => {
  await awaitWholeRateWindow(db.pool);
  const statuses = [];
  for (const app of [a, b, a, b]) statuses.push((await register(app)).status);
  t.same(statuses, [200, 200, 200, 200], 'four requests spread over both servers: the budget of 4');
  const overA = await register(a);
  const overB = await register(b);
  t.equal(overA.status, 429, 'the fifth is refused by A');
  t.equal(overB.status, 429, 'and by B, which answered only two of them');
  t.match(overB.headers.get('retry-after'), /^[1-9]\d*$/);
  t.ok(Number(overB.headers.get('retry-after')) <= 60, 'at most until the window ends');
  const tokenOnB = await b.request('POST', '/v1/auth/token', { body: { device_id: 'nobody' } });
  t.equal(tokenOnB.status, 404, 'the token route keeps its own budget');

  const { rows } = await db.ownerPool.query(`SELECT scope, hits FROM auth_rate_windows ORDER BY scope`);
  t.same(rows, [{ scope: 'register-device', hits: 6 }, { scope: 'token', hits: 1 }], 'one row per route and client, refused requests counted');
});

t.test('ended windows are swept; a new window starts from one', async (t) => {
  await db.ownerPool.query(`UPDATE auth_rate_windows SET window_start = window_start - interval '5 minutes'`);
  await awaitWholeRateWindow(db.pool);
  t.equal((await register(b)).status, 200, 'a new minute resets the count');
  const { rows: kept } = await db.ownerPool.query(`SELECT scope, hits FROM auth_rate_windows ORDER BY scope`);
  t.same(kept, [{ scope: 'register-device', hits: 1 }, { scope: 'token', hits: 1 }]);
  await sweepRateWindows.run(undefined, db.pool);
  const { rows } = await db.ownerPool.query(`SELECT scope FROM auth_rate_windows`);
  t.same(rows, [{ scope: 'register-device' }], 'the old token window is gone, the current one stays');
});

t.test('a scheduled task runs in one process at a time and once per interval', async (t) => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let runs = 0;
  const slow = async () => {
    runs++;
    await held;
    return { ran: 'a' };
  };
  const onA = runIfDue(a.pool, 'retention', 3600, slow);
  // Wait until A holds the row, then B's tick must pass it by without waiting.
  while (runs === 0) await new Promise((r) => setTimeout(r, 10));
  t.equal(await runIfDue(b.pool, 'retention', 3600, async () => ({ ran: 'b' })), null, 'B skips the task A is running');
  release();
  t.same(await onA, { ran: 'a' });
  t.equal(await runIfDue(b.pool, 'retention', 3600, async () => ({ ran: 'b' })), null, 'and after it, the task is not due for an interval');
  const { rows } = await db.ownerPool.query(`SELECT last_outcome, next_run_at > now() + interval '59 minutes' AS later FROM scheduled_tasks`);
  t.same(rows, [{ last_outcome: { ran: 'a' }, later: true }]);
});

t.test('a process that dies holding the task does not block it', async (t) => {
  await db.ownerPool.query(`UPDATE scheduled_tasks SET next_run_at = now() - interval '1 second'`);
  // The dying process: a connection that claimed the row, then goes away with its transaction open.
  const dying = new pg.Client({ connectionString: db.url });
  dying.on('error', () => {});
  await dying.connect();
  await dying.query('BEGIN');
  const { rows: claimed } = await dying.query(`SELECT task FROM scheduled_tasks WHERE task = 'retention' FOR UPDATE SKIP LOCKED`);
  t.equal(claimed.length, 1);
  t.equal(await runIfDue(a.pool, 'retention', 3600, async () => ({ ran: 'a' })), null, 'held: skipped');
  const { rows: pid } = await dying.query('SELECT pg_backend_pid() AS pid');
  await db.ownerPool.query('SELECT pg_terminate_backend($1)', [pid[0].pid]);
  await dying.end().catch(() => {});
  t.same(await runIfDue(b.pool, 'retention', 3600, async () => ({ ran: 'b' })), { ran: 'b' }, 'its connection gone, B runs it');
});

t.test('the retention schedule of two servers prunes through the shared row', async (t) => {
  // An archived job whose recording the policy lets go, so a tick has something to prune.
  const ready = await readyJob(a, { recordings: ['rec_1'] });
  await must('final', fetchBytes(a, 'POST', `/v1/jobs/${ready.jobId}/final`, { key: ready.dev.token, body: finalBody(sampleJob('J0002').final, ready.roundId, 'cr-1') }));
  const audio = (await a.store.list(`jobs/${ready.jobId}`)).filter((k) => k.includes('/recordings/'));
  t.equal(audio.length, 1, 'the archived job holds one recording');
  const expected = await pruneArchived({ pool: a.pool, store: a.store }, 'system', { dryRun: true });
  t.match(expected, { jobs_pruned: 1, audio_files: 1 }, 'which a prune would remove');

  await db.ownerPool.query(`UPDATE scheduled_tasks SET next_run_at = now(), last_run_at = NULL, last_outcome = NULL`);
  const timers = [a, b].map((app) => scheduleRetention({ pool: app.pool, store: app.store, logger: silentLogger }, 1 / 3600)!);
  t.teardown(() => timers.forEach(clearInterval));
  let row: { last_outcome: unknown } | undefined;
  for (let i = 0; i < 100 && !row; i++) {
    await new Promise((r) => setTimeout(r, 100));
    [row] = (await db.ownerPool.query(`SELECT last_outcome FROM scheduled_tasks WHERE last_run_at IS NOT NULL`)).rows;
  }
  t.same(row?.last_outcome, { jobs_pruned: 1, files_deleted: expected.files_deleted, bytes: expected.bytes }, 'a tick ran the prune and recorded its summary');
  t.same(await a.store.list(`jobs/${ready.jobId}`).then((keys) => keys.filter((k) => k.includes('/recordings/'))), [], 'the recording is gone');
  const { rows: events } = await db.ownerPool.query(`SELECT count(*)::int AS n FROM job_events WHERE job_id = $1 AND event_type = 'retention_pruned'`, [ready.jobPk]);
  t.same(events, [{ n: 1 }], 'pruned once, by one of the two servers');
});

const silentLogger = { info() {}, error() {} } as unknown as Parameters<typeof scheduleRetention>[0]['logger'];
