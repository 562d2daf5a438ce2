/**
 * GET /v1/jobs/assigned (50 jobs, device token) on the real server against
 * the bare node:http + pg baseline: same auth SQL, same list SQL, byte-equal
 * JSON (checked before anything is timed). Interleaved A/B rounds at c=10;
 * medians of req/s, p50, p99 and server CPU per request, as ratios app/bare.
 * Also idle RSS of the server (TypeScript loader and compiled JS) vs bare.
 *
 *   node --import tsx bench/assigned.ts [rounds=5] [seconds per round=3]
 */
import type { IDatabaseConnection } from '@pgtyped/runtime';
import { findTokenPrincipal } from '../src/queries/auth.queries.js';
import { listAssignedJobViews } from '../src/queries/jobs.queries.js';
import { atLeast, atMost, benchCluster, call, fmt, load, median, printTable, progress, seedDevice, startApp, startBare, type BenchCluster, type LoadResult, type Row, type Server } from './lib/harness.js';

/** The SQL text a generated query sends (captured by a connection that only records it). */
async function sqlOf<P>(q: { run(params: P, db: IDatabaseConnection): Promise<unknown> }, params: P): Promise<string> {
  let text = '';
  await q.run(params, { query: async (t: string) => ((text = t), { rows: [], rowCount: 0 }) });
  return text;
}

async function seed(cluster: BenchCluster) {
  const { url, pool } = await cluster.database('assigned');
  const device = await seedDevice(pool, 'bench-assigned');
  await pool.query(`
    INSERT INTO customers (customer_code, name, phone, address)
    SELECT 'C' || lpad(g::text, 4, '0'), 'Customer ' || g, '916 555 ' || lpad(g::text, 4, '0'), g || ' Elm Street, Sacramento' FROM generate_series(1, 50) g`);
  await pool.query(`
    INSERT INTO billing_profiles (billing_code, billing_name, billing_contact_name, billing_address, contact_preference)
    SELECT 'B' || lpad(g::text, 4, '0'), 'Payer ' || g, 'Contact ' || g, g || ' Oak Ave', 'text' FROM generate_series(1, 10) g`);
  await pool.query(`
    INSERT INTO jobs (job_id, job_number, status, customer_id, billing_profile_id, tree_number, job_name, job_address, location_notes)
    SELECT 'job_' || lpad(to_hex(g), 12, '0'), 'J' || lpad(g::text, 4, '0'), 'DRAFT', c.id, b.id, 1, 'Job ' || g, g || ' Elm Street', 'front yard'
      FROM generate_series(1, 50) g
      JOIN customers c ON c.customer_code = 'C' || lpad(g::text, 4, '0')
      JOIN billing_profiles b ON b.billing_code = 'B' || lpad((1 + g % 10)::text, 4, '0')`);
  await pool.query(`INSERT INTO job_assignments (job_id, device_id, assigned_by) SELECT id, $1, 'auto' FROM jobs ORDER BY job_number`, [device.devicePk]);
  await pool.query('VACUUM ANALYZE');
  return { url, token: device.token };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Idle RSS after start and one request, settled for a moment. */
async function idleRss(server: Server, token: string): Promise<number> {
  await call(server.url, { method: 'GET', path: '/v1/jobs/assigned', headers: { 'x-api-key': token } });
  await sleep(2000);
  return server.rssMb();
}

export async function assignedBench(cluster: BenchCluster, options: { rounds?: number; seconds?: number } = {}): Promise<Row[]> {
  const rounds = options.rounds ?? 5;
  const ms = (options.seconds ?? 3) * 1000;
  const { url, token } = await seed(cluster);
  const sql = { auth: await sqlOf(findTokenPrincipal, { tokenHash: '' }), list: await sqlOf(listAssignedJobViews, { devicePk: null }) };

  // Idle RSS, one server at a time.
  const bareIdle = await startBare(url, sql);
  const rssBare = await idleRss(bareIdle, token);
  await bareIdle.stop();
  const tsIdle = await startApp(url);
  const rssTs = await idleRss(tsIdle, token);
  await tsIdle.stop();
  const jsIdle = await startApp(url, { compiled: true });
  const rssJs = await idleRss(jsIdle, token);
  await jsIdle.stop();
  progress(`idle RSS: bare ${fmt(rssBare)} MB, app (tsx) ${fmt(rssTs)} MB, app (compiled) ${fmt(rssJs)} MB`);

  const app = await startApp(url, { compiled: true });
  const bare = await startBare(url, sql);
  try {
    const req = { method: 'GET', path: '/v1/jobs/assigned', headers: { 'x-api-key': token } };
    const [a, b] = [await call(app.url, req), await call(bare.url, req)];
    if (a.status !== 200 || a.text !== b.text || (JSON.parse(a.text) as unknown[]).length !== 50) {
      throw new Error(`the bare server's answer differs from the app's (${a.status}, ${a.text.length} vs ${b.text.length} bytes):\n${a.text.slice(0, 400)}\n${b.text.slice(0, 400)}`);
    }
    progress(`byte-equal JSON checked (${a.text.length} bytes, 50 jobs)`);
    for (const s of [app, bare]) await load(s, req, { concurrency: 10, ms: 1000 }); // warm both
    const results: { app: LoadResult[]; bare: LoadResult[] } = { app: [], bare: [] };
    for (let r = 0; r < rounds; r++) {
      // Alternate which goes first, so drift on the shared machine hits both alike.
      const order = r % 2 === 0 ? ([['app', app], ['bare', bare]] as const) : ([['bare', bare], ['app', app]] as const);
      for (const [name, server] of order) {
        const res = await load(server, req, { concurrency: 10, ms });
        if (res.errors) throw new Error(`${name}: ${res.errors} failed requests`);
        results[name].push(res);
      }
      progress(`assigned round ${r + 1}/${rounds}: app ${fmt(results.app.at(-1)!.perSecond, 0)}/s, bare ${fmt(results.bare.at(-1)!.perSecond, 0)}/s`);
    }
    const m = (k: keyof LoadResult, who: 'app' | 'bare') => median(results[who].map((x) => x[k]));
    const rps = m('perSecond', 'app') / m('perSecond', 'bare');
    return [
      atLeast('GET /v1/jobs/assigned req/s, app / bare (c=10)', rps, 0.85, `${fmt(m('perSecond', 'app'), 0)} vs ${fmt(m('perSecond', 'bare'), 0)} req/s`),
      atMost('  p50 latency, app / bare', m('p50', 'app') / m('p50', 'bare'), 1.3, `${fmt(m('p50', 'app'), 2)} vs ${fmt(m('p50', 'bare'), 2)} ms`),
      atMost('  p99 latency, app / bare', m('p99', 'app') / m('p99', 'bare'), 1.3, `${fmt(m('p99', 'app'), 2)} vs ${fmt(m('p99', 'bare'), 2)} ms`),
      atMost('  Node CPU per request, app / bare', m('cpuPerRequest', 'app') / m('cpuPerRequest', 'bare'), 1.3, `${fmt(m('cpuPerRequest', 'app'), 3)} vs ${fmt(m('cpuPerRequest', 'bare'), 3)} ms`),
      atMost('idle RSS, compiled app / bare', rssJs / rssBare, 2, `${fmt(rssJs, 0)} vs ${fmt(rssBare, 0)} MB`),
      atMost('idle RSS, app under tsx / bare', rssTs / rssBare, 2, `${fmt(rssTs, 0)} vs ${fmt(rssBare, 0)} MB`),
    ];
  } finally {
    await app.stop();
    await bare.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await benchCluster();
  try {
    printTable(await assignedBench(cluster, { rounds: Number(process.argv[2] ?? 5), seconds: Number(process.argv[3] ?? 3) }));
  } finally {
    await cluster.dispose();
  }
}
