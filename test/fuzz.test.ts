/**
 * The in-repo fuzz run (issue #11): a few thousand requests generated from
 * /openapi.json with real credentials and ids (FUZZ_REQUESTS, FUZZ_SEED;
 * `npm run fuzz` runs a long one). 0 × 5xx, every error a JSON {detail, code},
 * the server alive, job_events only growing (existing rows never change),
 * file descriptors back to their starting level.
 */
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { startFakeOpenAI } from './helpers/fake-openai.js';
import { startFakePlantNet } from './helpers/fake-plantnet.js';
import { fuzz, openFds } from './helpers/fuzz.js';

const COUNT = Number(process.env.FUZZ_REQUESTS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

t.test(`fuzz: ${COUNT} generated requests over every documented operation (seed ${SEED})`, async (t) => {
  // The providers are configured (fakes on 127.0.0.1): unconfigured, /v1/extract, /v1/summary and /v1/trees/identify
  // answer 503 by design, and the fuzz is after the paths a configured server runs.
  const openai = await startFakeOpenAI({ t });
  const plantnet = await startFakePlantNet(t);
  const app = await startTestApp(t, {
    TRAQ_SUBMIT_WAIT_SECONDS: '0',
    TRAQ_AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
    OPENAI_BASE_URL: openai.url,
    OPENAI_API_KEY: 'sk-test-fuzz',
    TRAQ_OPENAI_ATTEMPTS: '1',
    TRAQ_OPENAI_TRANSCRIBE_ATTEMPTS: '1',
    TRAQ_PLANTNET_API_KEY: 'fuzz-key',
    TRAQ_PLANTNET_BASE_URL: plantnet.url,
  });
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

  // The fake providers run in this process: their kept-alive connections are theirs, not the server's.
  await Promise.all([openai.close(), plantnet.close()]);
  // Idle keep-alive sockets close within a few seconds: wait for that, not a fixed time. fetch (undici) closes
  // an idle socket about 4 s after its last use (the server's 5 s keep-alive less a second, on a timer wheel
  // of about a second), so the deadline is well past that for a loaded machine.
  let fdsAfter = openFds();
  for (const until = Date.now() + 30_000; fdsAfter > fdsBefore + 8 && Date.now() < until; fdsAfter = openFds()) await new Promise((r) => setTimeout(r, 100));
  const rssAfter = process.memoryUsage().rss;
  t.comment(`open fds ${fdsBefore} → ${fdsAfter}; RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB → ${(rssAfter / 2 ** 20).toFixed(0)} MB`);
  t.ok(fdsAfter <= fdsBefore + 8, `file descriptors back to their starting level (${fdsBefore} → ${fdsAfter})`);
});
