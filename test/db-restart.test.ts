/**
 * A PostgreSQL restart under load (issue #12 items 3, 4): the server runs on
 * a cluster of this test's own, 20 clients create jobs and read their list
 * while the cluster is stopped and started again. Checks: this process (the
 * server's) is still alive, every answer during the outage is 200 or 503
 * `database_unavailable` with Retry-After, 200s come back, every 200-answered
 * job exists, job numbers are gap-free, and the LISTEN connection is back (a
 * NOTIFY sent after the restart reaches the server's listener).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import t from 'tap';
import { startCluster, type Cluster } from '../src/db/cluster.js';
import { ensureDatabase } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { startTestApp } from './helpers/app.js';
import { approvedDevice } from './helpers/factories.js';

const CLIENTS = 20;
const jobBody = (i: number) => ({
  job_name: `Restart client ${i}`,
  job_address: `${i} Elm St, Sacramento CA`,
  job_phone: '916 555 0100',
  contact_preference: 'text',
  billing_name: 'Elm Street HOA',
  billing_address: 'PO Box 7, Sacramento CA',
  billing_contact_name: 'Pat Lee',
});

t.test('the server survives a PostgreSQL restart under concurrent load', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-restart-'));
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, 'data');
  let cluster: Cluster = await startCluster({ dataDir, port: 0, fast: true });
  t.teardown(async () => {
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await ensureDatabase(cluster.url('postgres'), 'traq');
  const url = cluster.url('traq');
  await migrate(url);
  const pool = createPool(url, 20);
  t.teardown(() => pool.end());
  const app = await startTestApp(t, { TRAQ_WORKER: 'on' }, { database: { url, pool } });
  const dev = await approvedDevice(pool);

  const created: string[] = [];
  const outage: { status: number; code?: string; retryAfter: string | null }[] = [];
  let phase: 'before' | 'outage' | 'after' = 'before';
  let firstOkAfterMs: number | undefined;
  let outageStarted = 0;
  let running = true;
  let n = 0;
  const client = async (i: number) => {
    while (running) {
      const create = (n++ + i) % 2 === 0;
      const res = create
        ? await app.request('POST', '/v1/jobs', { key: dev.token, body: jobBody(i) }).catch(() => ({ status: 0, body: undefined, headers: new Headers() }))
        : await app.request('GET', '/v1/jobs/assigned', { key: dev.token }).catch(() => ({ status: 0, body: undefined, headers: new Headers() }));
      if (res.status === 200 && create) created.push((res.body as { job_id: string }).job_id);
      if (phase !== 'before' && res.status !== 200) outage.push({ status: res.status, code: (res.body as { code?: string })?.code, retryAfter: res.headers.get('retry-after') });
      if (phase === 'after' && res.status === 200 && firstOkAfterMs === undefined) firstOkAfterMs = Date.now() - outageStarted;
      if (res.status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
  };
  const load = Array.from({ length: CLIENTS }, (_, i) => client(i));
  const loadStarted = Date.now();
  while (created.length < CLIENTS && Date.now() - loadStarted < 60_000) await new Promise((r) => setTimeout(r, 50));
  t.ok(created.length >= CLIENTS, 'jobs are being created before the restart');

  const port = cluster.port;
  phase = 'outage';
  outageStarted = Date.now();
  await cluster.stop();
  await new Promise((r) => setTimeout(r, 1000)); // requests meet a database that is not there
  cluster = await startCluster({ dataDir, port, fast: true });
  t.equal(cluster.port, port, 'the cluster is back on its port');
  phase = 'after';
  const backAt = Date.now();
  const outageMs = backAt - outageStarted;
  while (firstOkAfterMs === undefined && Date.now() - backAt < 60_000) await new Promise((r) => setTimeout(r, 50));
  t.ok(firstOkAfterMs !== undefined, '200s are answered again after the restart');
  await new Promise((r) => setTimeout(r, 1000));
  running = false;
  await Promise.all(load);

  t.ok(outage.length > 0, 'requests during the outage were refused');
  const unexpected = outage.filter((o) => !(o.status === 503 && o.code === 'database_unavailable' && o.retryAfter));
  t.same(unexpected.slice(0, 5), [], 'every refusal is 503 database_unavailable with Retry-After');
  const { rows } = await pool.query<{ job_id: string }>(`SELECT job_id FROM jobs WHERE job_id = ANY($1)`, [created]);
  t.equal(rows.length, created.length, `every one of the ${created.length} 200-answered creates exists`);
  const { rows: numbers } = await pool.query<{ job_number: string }>(`SELECT job_number FROM jobs ORDER BY job_number`);
  t.same(
    numbers.map((r) => r.job_number),
    numbers.map((_, i) => `J${String(i + 1).padStart(4, '0')}`),
    `job numbers J0001..J${String(numbers.length).padStart(4, '0')} without a gap`,
  );

  // LISTEN is back: a notification sent now reaches the server's listener.
  const listener = app.events.listener;
  if (!listener.connected) await new Promise((r) => listener.once('listening', r));
  t.ok(listener.subscriptions >= 2, 'the notification connection re-subscribed');
  const heard = new Promise<string>((resolve) => listener.once('traq_round_finished', resolve));
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  await probe.query(`SELECT pg_notify('traq_round_finished', 'probe-after-restart')`);
  await probe.end();
  t.equal(await heard, 'probe-after-restart', 'a NOTIFY after the restart is received');
  t.equal((await app.request('GET', '/health')).status, 200, 'health is ok');
  t.comment(
    `PostgreSQL restart: ${outage.length} refused during the outage (${outage.length - unexpected.length} as 503), database down ${(outageMs / 1000).toFixed(2)} s, first 200 ${((firstOkAfterMs! - outageMs) / 1000).toFixed(2)} s after it was back (${(firstOkAfterMs! / 1000).toFixed(2)} s after the stop began), ${created.length} jobs created (all present, numbers gap-free), process alive`,
  );
});
