/**
 * traq-admin backup / restore over the real CLI (issue #12 item 8): data made through the HTTP API,
 * backed up, restored into an empty database + empty store (and into an empty embedded data dir),
 * every row count and file checked, the restored server serving the job and its final with its
 * guards in place; writes racing the backup never make an inconsistent snapshot.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import t from 'tap';
import { takeBackup } from '../src/cli/backup.js';
import { restoreBackup } from '../src/cli/restore.js';
import { startEmbeddedDatabase } from '../src/db/embedded.js';
import { createPool, type Pool } from '../src/db/pool.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { cli } from './helpers/cli.js';
import { feedSettled, freshDatabase } from './helpers/db.js';
import { fetchBytes, finalBody, JOB_BODY, must, photo, readyJob } from './helpers/finals.js';
import { sampleJob } from './helpers/samples.js';
import { storeEnv } from './helpers/s3.js';
import { openTestStore } from './helpers/store.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-backup-test-'));
fs.chmodSync(tmp, 0o755); // the embedded cluster's postgres user must reach it when tests run as root
t.teardown(() => fs.rmSync(tmp, { recursive: true, force: true }));

const app = await startTestApp(t);
// The data: a finalized job (photos, a recording, the five final files) and a job in review.
const done = await readyJob(app, { photos: [{ id: 'img_a', caption: 'canopy' }, { id: 'img_b', caption: 'trunk' }], recordings: ['rec_1'] });
await must('final', fetchBytes(app, 'POST', `/v1/jobs/${done.jobId}/final`, { key: done.dev.token, body: finalBody(sampleJob('J0005').final, done.roundId, 'cr-backup') }));
const open = await readyJob(app, { dev: done.dev, photos: [{ id: 'img_c', caption: 'roots' }] });
// Move the cluster's transaction ids ahead of a brand-new cluster's, as any cluster in use is.
await app.pool.query('DO $$ BEGIN FOR i IN 1..3000 LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$');

const readManifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const ndjson = (dir: string, table: string) =>
  fs.readFileSync(path.join(dir, 'db', `public.${table}.ndjson`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);

async function counts(pool: Pool, tables: { schema: string; name: string }[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const tb of tables) out[`${tb.schema}.${tb.name}`] = Number((await pool.query(`SELECT count(*) AS n FROM ${tb.schema}.${tb.name}`)).rows[0].n);
  return out;
}

/** Every key the rows name that must exist (final report_images are optional references). */
async function namedKeys(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ key: string }>(`
    SELECT path AS key FROM artifacts
    UNION SELECT artifact_path FROM round_recordings WHERE artifact_path IS NOT NULL
    UNION SELECT artifact_path FROM round_images WHERE artifact_path IS NOT NULL
    UNION SELECT report_artifact_path FROM round_images WHERE report_artifact_path IS NOT NULL`);
  return rows.map((r) => r.key).sort();
}

/**
 * Runs `during` while a backup (in-process: every traq-admin start costs seconds on a loaded machine)
 * has taken its snapshot and is held before reading any rows: a table of this test's own, which sorts
 * first in the backup and which the server never reads, is locked until `during` is done.
 */
async function backupAround(out: string, during: () => Promise<void>) {
  await app.ownerPool.query('CREATE TABLE IF NOT EXISTS aaa_backup_gate (id integer PRIMARY KEY)');
  const lock = new pg.Client({ connectionString: app.databaseUrl });
  await lock.connect();
  try {
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE aaa_backup_gate IN ACCESS EXCLUSIVE MODE');
    const run = takeBackup(app.pool, app.store, out);
    for (let i = 0; ; i++) {
      const { rowCount } = await lock.query(`SELECT 1 FROM pg_locks WHERE relation = 'aaa_backup_gate'::regclass AND NOT granted`);
      if (rowCount) break;
      if (i > 1200) throw new Error('the backup never reached its first table');
      await new Promise((r) => setTimeout(r, 50));
    }
    await during();
    await lock.query('COMMIT');
    return await run;
  } finally {
    await lock.end();
  }
}

t.test('the artifact key list covers every column that names artifact bytes', async (t) => {
  const { rows } = await app.pool.query<{ col: string }>(`
    SELECT c.relname || '.' || a.attname AS col
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
       AND (a.attname ~ 'path$' OR col_description(c.oid, a.attnum) ~* 'artifact store key')
     ORDER BY 1`);
  t.same(
    rows.map((r) => r.col),
    ['artifacts.path', 'round_images.artifact_path', 'round_images.report_artifact_path', 'round_recordings.artifact_path'],
    'a new one must be added to ListArtifactFiles in queries/backup.sql (and here)',
  );
});

const out = path.join(tmp, 'backup');
const embeddedDir = path.join(tmp, 'embedded');
let manifest: any;
/** The CLI restore on the embedded default, started in the backup test and checked last (it runs beside the others). */
let embeddedRestore: ReturnType<typeof cli>;

t.test('backup: one snapshot of every table and exactly the files it names, with sizes and sha256', async (t) => {
  // The embedded-default restore (checked last) runs from an in-process backup of the same data beside
  // everything else: each traq-admin start costs many seconds on a loaded machine.
  const early = path.join(tmp, 'backup-early');
  await takeBackup(app.pool, app.store, early);
  embeddedRestore = cli(app, 'local', ['--json', 'restore', '--from', early], {
    env: { DATABASE_URL: undefined, ...storeEnv(embeddedDir), TRAQ_EMBEDDED_PG_PORT: '0' },
  });
  const started = Date.now();
  const r = await cli(app, 'local', ['--json', 'backup', '--out', out]);
  t.equal(r.code, 0, r.stderr);
  t.match(r.json, { ok: true, attempts: 1, missing_files: [] });
  t.match(r.stderr, /backup: table \d+\/\d+ public\.jobs 2 rows/, 'progress on stderr');
  manifest = readManifest(out);
  t.comment(`backup: ${manifest.totals.rows} rows, ${manifest.totals.files} files, ${manifest.totals.file_bytes} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s (CLI included)`);
  t.same(readManifest(early).totals, manifest.totals, 'the in-process backup of the same data agrees');

  t.same(Object.fromEntries(manifest.tables.map((tb: any) => [`${tb.schema}.${tb.name}`, tb.rows])), await counts(app.pool, manifest.tables), 'row counts per table');
  for (const tb of manifest.tables) t.equal(ndjson(out, tb.name).length, tb.rows, `${tb.name}: one line a row`);
  t.ok(manifest.tables.some((tb: any) => tb.name === 'job_events'), 'tables come from the catalog');
  t.notOk(manifest.tables.some((tb: any) => tb.name === 'pgmigrations'), 'the schema version is the migration list instead');
  t.equal(manifest.migrations.length, fs.readdirSync('migrations').filter((f) => f.endsWith('.sql')).length);
  const order = manifest.tables.map((tb: any) => tb.name);
  t.ok(order.indexOf('operators') < order.indexOf('jobs') && order.indexOf('jobs') < order.indexOf('job_events'), 'foreign-key order');

  const keys = await namedKeys(app.pool);
  t.same(manifest.files.map((f: any) => f.key), keys, 'every named file, nothing else');
  t.ok(keys.includes(`jobs/${done.jobId}/final.json`) && keys.some((k) => k.includes('rec_1')) && keys.some((k) => k.includes('img_c')));
  for (const f of manifest.files) {
    const bytes = fs.readFileSync(path.join(out, 'files', f.key));
    t.same(bytes, await app.store.readBuffer(f.key), `${f.key}: the same bytes`);
    t.equal(sha256(bytes), f.sha256);
    t.equal(bytes.length, f.size);
  }

  // (In-process from here: every traq-admin start costs seconds on a loaded machine.)
  await t.rejects(takeBackup(app.pool, app.store, out), { exitCode: 2, message: /--out .* is not empty/ }, 'a non-empty --out is refused');
});

t.test('restore into an empty database and store: verified, served, guarded', async (t) => {
  const target = await freshDatabase(t, { empty: true });
  const root = path.join(tmp, 'target-a');
  const store = await openTestStore(root);
  // A restore sets triggers and foreign keys aside while it loads: it runs as the owner.
  const into = { pool: target.ownerPool, databaseUrl: target.ownerUrl, where: 'the target' };
  const started = Date.now();
  // In-process (the CLI runs it on the embedded default below).
  const r = await restoreBackup({ ...into, store }, out);
  t.match(r, { ok: true, schema_version: manifest.migrations.at(-1), totals: manifest.totals });
  t.comment(`restore: ${manifest.totals.rows} rows, ${manifest.totals.files} files, ${manifest.totals.file_bytes} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  t.same(await counts(target.pool, manifest.tables), Object.fromEntries(manifest.tables.map((tb: any) => [`${tb.schema}.${tb.name}`, tb.rows])), 'every row count');
  t.same(await namedKeys(target.pool), manifest.files.map((f: any) => f.key), 'the restored rows name the restored files');
  for (const f of manifest.files) t.equal(sha256(await store.readBuffer(f.key)), f.sha256, `${f.key} restored`);
  const { rows: applied } = await target.pool.query<{ name: string }>('SELECT name FROM pgmigrations ORDER BY id');
  t.same(applied.map((m) => m.name), manifest.migrations, 'migrated to the backup schema version');

  // The guards the migrations made are in force again.
  await t.rejects(target.ownerPool.query('UPDATE job_events SET payload = payload'), { code: '23001' }, 'job_events refuses UPDATE');
  await t.rejects(target.ownerPool.query('DELETE FROM job_events'), { code: '23001' }, 'and DELETE');
  await t.rejects(target.ownerPool.query(`UPDATE job_finals SET payload = payload WHERE kind = 'final'`), { code: '23001' }, 'a final stays immutable');
  await t.rejects(target.ownerPool.query(`UPDATE jobs SET latest_round_id = 'round_9' WHERE job_id = $1`, [open.jobId]), { code: '23503' }, 'foreign keys are back');

  const restored = await startTestApp(t, storeEnv(root), { database: target });
  const job = await restored.admin('GET', `/v1/admin/jobs/${done.jobId}/inspect`);
  t.equal(job.status, 200);
  t.same(job.body, (await app.admin('GET', `/v1/admin/jobs/${done.jobId}/inspect`)).body, 'the job, as the source serves it');
  const status = await restored.request('GET', `/v1/jobs/${done.jobId}/final/status`, { key: done.dev.token });
  t.equal(status.status, 200, 'the device token works against the restored server');
  t.same(status.body, (await app.request('GET', `/v1/jobs/${done.jobId}/final/status`, { key: done.dev.token })).body);
  const report = await fetchBytes(restored, 'GET', `/v1/jobs/${done.jobId}/final/report`, { key: done.dev.token });
  t.equal(report.status, 200);
  t.same(report.bytes, await app.store.readBuffer(`jobs/${done.jobId}/final_report_letter.pdf`), 'the final letter, byte for byte');
  const feed = async (a: TestApp) => {
    await feedSettled(a.pool);
    const b = (await a.admin('GET', '/v1/export/changes')).body;
    return { completed: b.completed.map((i: any) => i.job_id), in_process: b.in_process.map((i: any) => i.job_id) };
  };
  t.same(await feed(restored), await feed(app), 'the export feed lists the same jobs');

  // Counters and the change log carry on where the source stopped.
  const created = await restored.request('POST', '/v1/jobs', { key: done.dev.token, body: { ...JOB_BODY, job_name: 'After restore' } });
  t.equal(created.status, 200, created.text);
  const numbers = (await target.pool.query<{ job_number: string }>('SELECT job_number FROM jobs ORDER BY job_number')).rows.map((j) => j.job_number);
  t.same(numbers, ['J0001', 'J0002', 'J0003'], 'job numbers stay gap-free');
  const { rows: log } = await target.pool.query(`SELECT 1 FROM job_changes c JOIN jobs j ON j.id = c.job_id WHERE j.job_id = $1`, [created.body.job_id]);
  t.ok(log.length > 0, 'the change-log trigger fires again');

  await t.rejects(restoreBackup({ ...into, store }, out), { exitCode: 2, message: /^restore needs an empty artifact store: / }, 'a non-empty target is refused');
  const emptyStore = await openTestStore(path.join(tmp, 'target-b'));
  await t.rejects(
    restoreBackup({ ...into, store: emptyStore }, out),
    { exitCode: 2, message: /^restore needs an empty database: the target already has \d+ table\(s\)/ },
  );
  t.same(await emptyStore.list(), [], 'and nothing was written');
});

let newJob = '';

t.test('a write during the backup is not in its snapshot (taken before any row was read)', async (t) => {
  const dir = path.join(tmp, 'during-write');
  const r = await backupAround(dir, async () => {
    const created = await app.request('POST', '/v1/jobs', { key: done.dev.token, body: { ...JOB_BODY, job_name: 'During the backup' } });
    t.equal(created.status, 200, 'the server keeps taking writes while the backup reads');
    newJob = created.body.job_id;
    await must('round', app.request('POST', `/v1/jobs/${newJob}/rounds`, { key: done.dev.token }));
    await must('photo', app.request('PUT', `/v1/jobs/${newJob}/sections/job_photos/images/img_new`, { key: done.dev.token, raw: new Uint8Array(await photo('#123456')), headers: { 'content-type': 'image/jpeg' } }));
  });
  t.match(r, { ok: true, attempts: 1 });
  const jobs = ndjson(dir, 'jobs');
  t.notOk(jobs.some((j) => j.job_id === newJob), 'the new job is not in jobs (read after the write committed)');
  const pks = new Set(jobs.map((j) => j.id));
  t.ok(ndjson(dir, 'job_events').every((e) => e.job_id === null || pks.has(e.job_id)), 'no audit row of a job the snapshot lacks');
  t.ok(ndjson(dir, 'job_rounds').every((x) => pks.has(x.job_id)));
  t.notOk(readManifest(dir).files.some((f: any) => f.key.includes(newJob)), 'nor its photo');
  const counter = ndjson(dir, 'runtime_counters').find((c) => c.counter_key === 'job_number');
  t.equal(counter!.current_value, jobs.length, 'the job number counter matches the jobs in the snapshot');
});

t.test('a file replaced during the backup: the backup holds the bytes its rows name', async (t) => {
  const dir = path.join(tmp, 'during-replace');
  // A photo of a round still in DRAFT (the job made during the last backup): the device may replace it.
  const key = async () => (await app.pool.query(`SELECT artifact_path FROM round_images WHERE image_id = 'img_new'`)).rows[0].artifact_path as string;
  const before = await key();
  const r = await backupAround(dir, async () => {
    await must('replace', app.request('PUT', `/v1/jobs/${newJob}/sections/job_photos/images/img_new`, { key: done.dev.token, raw: new Uint8Array(await photo('#ff0000')), headers: { 'content-type': 'image/jpeg' } }));
  });
  t.equal(r.ok, true);
  const row = ndjson(dir, 'round_images').find((i) => i.image_id === 'img_new')!;
  const file = readManifest(dir).files.find((f: any) => f.key === row.artifact_path);
  t.ok(file, 'the file the row names is in the backup');
  t.equal(file.sha256, row.sha256, 'with the sha256 the row records');
  t.equal(sha256(fs.readFileSync(path.join(dir, 'files', row.artifact_path))), row.sha256, 'and those bytes');
  t.equal(row.sha256, sha256(await app.store.readBuffer(await key())), 'the replaced photo');
  if (row.artifact_path === before) t.equal(r.attempts, 2, 'the same key with new bytes: a new snapshot was taken');
});

t.test('restore on the embedded default: an empty data dir, nothing else installed', async (t) => {
  const dataDir = embeddedDir;
  const r = await embeddedRestore;
  t.equal(r.code, 0, r.stderr);
  t.match(r.json, { ok: true, totals: manifest.totals });
  t.ok(r.json.transaction_ids_advanced > 0, `the new cluster's transaction ids moved past the old one's (${r.json.transaction_ids_advanced})`);

  // The owner's connection: the triggers must refuse even the role that owns the tables.
  const { cluster, ownerUrl } = await startEmbeddedDatabase(dataDir, 0, () => {});
  const pool = createPool(ownerUrl, 2);
  t.teardown(async () => {
    await pool.end();
    await cluster.stop();
  });
  t.same(await counts(pool, manifest.tables), Object.fromEntries(manifest.tables.map((tb: any) => [`${tb.schema}.${tb.name}`, tb.rows])));
  const store = await openTestStore(dataDir);
  for (const f of manifest.files) t.equal(sha256(await store.readBuffer(f.key)), f.sha256);
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM job_changes WHERE change_xid >= pg_snapshot_xmin(pg_current_snapshot())`);
  t.equal(rows[0].n, 0, 'every restored change is behind the export feed horizon');
  await t.rejects(pool.query('UPDATE job_events SET payload = payload'), { code: '23001' });
});
