/**
 * The in-repo fuzz run (issue #11): a few thousand requests generated from
 * /openapi.json with real credentials and ids (FUZZ_REQUESTS, FUZZ_SEED;
 * `npm run fuzz` runs a long one). 0 × 5xx, every error a JSON {detail, code},
 * the server alive, job_events only growing (existing rows never change),
 * file descriptors back to their starting level.
 */
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { fuzz, openFds } from './helpers/fuzz.js';

const COUNT = Number(process.env.FUZZ_REQUESTS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

t.test(`fuzz: ${COUNT} generated requests over every documented operation (seed ${SEED})`, async (t) => {
  const app = await startTestApp(t, { TRAQ_SUBMIT_WAIT_SECONDS: '0', TRAQ_AUTH_RATE_LIMIT_PER_MINUTE: '1000000', LOG_LEVEL: 'warn' });
  const fdsBefore = openFds();
  const rssBefore = process.memoryUsage().rss;
  const events = async () => (await app.pool.query(`SELECT count(*)::int AS n FROM job_events`)).rows[0].n as number;
  const digestOf = async (ids: string[]) =>
    (await app.pool.query(`SELECT md5(coalesce(string_agg(e::text, '|' ORDER BY e.id), '')) AS h FROM job_events e WHERE e.id = ANY($1::uuid[])`, [ids])).rows[0].h as string;

  let lastCount = await events();
  let shrank = 0;
  let notAlive = 0;
  const report = await fuzz(app, {
    count: COUNT,
    seed: SEED,
    parallel: 6,
    onProgress: async () => {
      const n = await events();
      if (n < lastCount) shrank++;
      lastCount = n;
      if ((await fetch(`${app.url}/health`)).status !== 200) notAlive++;
    },
  });
  const ids = (await app.pool.query(`SELECT id FROM job_events ORDER BY created_at LIMIT 5000`)).rows.map((r) => r.id as string);
  const digest = await digestOf(ids);

  t.comment(`fuzz: ${report.requests} requests over ${report.operations} operations in ${(report.ms / 1000).toFixed(1)} s; statuses ${JSON.stringify(report.statuses)}; resent after a connection error: ${report.transportRetries}`);
  for (const f of report.failures.slice(0, 20)) t.comment(f);
  t.same(report.failures.slice(0, 20), [], `no 5xx, no unshaped error, every request answered (${report.failures.length} failures)`);
  t.equal(shrank, 0, 'job_events only grew');
  t.equal(notAlive, 0, 'the server stayed healthy');
  t.equal((await fetch(`${app.url}/health`)).status, 200, 'alive at the end');
  t.equal(await digestOf(ids), digest, 'existing audit rows unchanged');
  t.ok(Object.keys(report.statuses).some((s) => s === '200'), 'some requests succeeded (real ids, real credentials)');

  await new Promise((r) => setTimeout(r, 5000)); // idle keep-alive sockets close
  const fdsAfter = openFds();
  const rssAfter = process.memoryUsage().rss;
  t.comment(`open fds ${fdsBefore} → ${fdsAfter}; RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB → ${(rssAfter / 2 ** 20).toFixed(0)} MB`);
  t.ok(fdsAfter <= fdsBefore + 8, `file descriptors back to their starting level (${fdsBefore} → ${fdsAfter})`);
});
