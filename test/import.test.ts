import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { cli } from './helpers/cli.js';
import { feedSettled } from './helpers/db.js';
import { tableDigest } from './helpers/digest.js';
import { FIXTURE_STORAGE, FIXTURE_TOKENS, importArgs, pythonServerDatabase } from './helpers/py-traq.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Everything the import writes, as a fingerprint (tableDigest's tables plus the media, finals and artifact index). */
async function digest(pool: import('../src/db/pool.js').Pool) {
  const more: Record<string, string> = {};
  for (const table of ['device_tokens', 'runtime_profiles', 'operators', 'round_recordings', 'round_images', 'job_finals', 'job_geojson_exports', 'artifacts']) {
    const { rows } = await pool.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`);
    more[table] = `${rows[0].n}:${rows[0].h}`;
  }
  return { ...(await tableDigest(pool)), ...more };
}

t.test('the Python server fixture imports verified, its devices keep working, and a second run changes nothing', async (t) => {
  const app = await startTestApp(t);
  const source = await pythonServerDatabase(t);

  const run = await cli(app, 'local', importArgs(source.url));
  t.equal(run.code, 0, run.stderr);
  const report = run.json;
  t.match(report, { ok: true, mismatches: 0, jobs: { total: 10, imported: 10, already_imported: 0, failed: 0 }, problems: [] });
  for (const c of report.tables) t.equal(c.target, c.source - c.skipped, `${c.table}: ${c.source} source rows, all here`);
  t.ok(report.tables.find((c: { table: string }) => c.table === 'round_images').source > 0);
  t.equal(report.files.verified, report.files.total, 'every copied file re-read with the same sha256');
  t.ok(report.files.total >= 100, `${report.files.total} files`);
  t.same(report.finals.outputs_missing, []);
  t.match(run.stderr, /import 10\/10 J0010/, 'progress on stderr');

  // the domain view of what landed
  const { rows: jobs } = await app.pool.query(`SELECT job_number, status, latest_round_id, latest_round_status, tree_id IS NOT NULL AS has_tree, updated_at FROM jobs ORDER BY job_number`);
  t.equal(jobs.length, 10);
  t.match(jobs[0], { job_number: 'J0001', status: 'ARCHIVED', latest_round_id: 'round_1', latest_round_status: 'REVIEW_RETURNED', has_tree: true });
  t.match(jobs[7], { job_number: 'J0008', status: 'REVIEW_RETURNED' });
  t.match(jobs[9], { job_number: 'J0010', status: 'NOT_STARTED', latest_round_id: null });
  const sourceUpdated = (await source.pool.query(`SELECT updated_at FROM jobs WHERE job_number = 'J0001'`)).rows[0].updated_at;
  t.same(jobs[0].updated_at, sourceUpdated, 'updated_at is the source\'s, not the import time');
  const { rows: events } = await app.pool.query(`SELECT e.payload, j.job_number FROM job_events e JOIN jobs j ON j.id = e.job_id WHERE e.event_type = 'imported' ORDER BY j.job_number`);
  t.equal(events.length, 10, 'one imported audit row per job');
  t.match(events[1].payload, { source: 'python-server', job_number: 'J0002', source_ids: { job: String, rounds: [String, String], finals: [String, String] } });
  const { rows: counters } = await app.pool.query(`SELECT counter_key, current_value::int AS v FROM runtime_counters ORDER BY counter_key`);
  t.same(counters, [{ counter_key: 'billing_code', v: 4 }, { counter_key: 'customer_code', v: 4 }, { counter_key: 'job_number', v: 10 }], 'code counters are ahead of every imported code');
  const { rows: rec } = await app.pool.query(`SELECT byte_size, sha256, transcript_text FROM round_recordings WHERE artifact_path LIKE 'jobs/job_briarwood_001/%rec_1_1.wav'`);
  const audio = fs.readFileSync(path.join(FIXTURE_STORAGE, 'jobs/job_briarwood_001/sections/site_factors/recordings/rec_1_1.wav'));
  t.match(rec[0], { byte_size: String(audio.length), sha256: createHash('sha256').update(audio).digest('hex'), transcript_text: /site factors notes/ });

  // devices keep working with their old tokens; only hashes are stored
  const { rows: tokenRows } = await app.pool.query(`SELECT token_hash FROM device_tokens`);
  t.equal(tokenRows.length, 5);
  for (const [name, tok] of Object.entries(FIXTURE_TOKENS)) {
    t.ok(tokenRows.some((r) => r.token_hash === sha256(tok.token)), `${name}: stored as its SHA-256`);
    const res = await app.request('GET', '/v1/profile', { key: tok.token });
    t.equal(res.status, tok.state === 'valid' ? 200 : 401, `${name} (${tok.state}) is ${tok.state === 'valid' ? 'accepted' : 'refused'}`);
  }
  const dumped = (await app.pool.query(`SELECT string_agg(t::text, '|') AS s FROM (SELECT * FROM device_tokens) t`)).rows[0].s as string;
  for (const tok of Object.values(FIXTURE_TOKENS)) t.notOk(dumped.includes(tok.token), 'no plaintext token lands here');
  const field = FIXTURE_TOKENS['a-current']!.token;
  t.equal((await app.request('GET', '/v1/profile', { key: field })).body.name, 'Roger Erismann', 'the device profile came along');
  const assigned = await app.request('GET', '/v1/jobs/assigned', { key: field });
  t.same(assigned.body.map((j: { job_number: string }) => j.job_number).sort(), ['J0008', 'J0009'], 'and its assignments');
  const adminTok = FIXTURE_TOKENS['admin-current']!.token;
  await feedSettled(app.pool); // the import's commits, past every transaction open anywhere in the cluster
  const feed = await app.request('GET', '/v1/export/changes', { key: adminTok });
  t.equal(feed.status, 200, 'the admin device reads the export feed');
  t.equal(feed.body.completed.length, 7);
  t.equal(feed.body.in_process.length, 3);
  const j3 = feed.body.completed.find((c: { job_number: string }) => c.job_number === 'J0003');
  const img = await app.request('GET', j3.final.report_images[0].download_url, { key: adminTok });
  t.equal(img.status, 200, 'a legacy report image path of an immutable final still resolves');
  const letter = await app.admin('GET', '/v1/admin/jobs/J0002/artifacts/report-pdf');
  t.equal(letter.headers.get('x-artifact-variant'), 'correction');
  t.match(letter.text, /J0002 report letter correction/);

  // second run: nothing changes
  const afterFirst = await digest(app.pool);
  const files = app.store.list();
  const again = await cli(app, 'local', importArgs(source.url));
  t.equal(again.code, 0, again.stderr);
  t.match(again.json, { ok: true, mismatches: 0, jobs: { imported: 0, already_imported: 10 } });
  t.same(await digest(app.pool), afterFirst, 'the second run changed no row');
  t.same(await app.store.list(), await files, 'nor any file');
});

