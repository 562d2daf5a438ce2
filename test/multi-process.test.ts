/**
 * Several machines (issue #15): two API servers (TRAQ_WORKER=off) and two round workers as child
 * processes on one PostgreSQL and one S3-compatible bucket (s3rver). A job created through A gets its
 * uploads through B; its submit is processed by whichever worker claims it, and that worker is SIGKILLed
 * mid-round (its provider call held open) so the other finishes the round once the lease lapses; the
 * final made on A is served by B byte for byte; the export feed and a stage sync read it through B; a
 * retention prune on B removes the objects. Then the invariants: job numbers gap-free, one row per
 * upload id, every row's object in the bucket with its sha256, no object without a row.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { openArtifactStore } from '../src/artifacts/open.js';
import type { S3Backend } from '../src/artifacts/s3.js';
import { loadConfig } from '../src/config.js';
import { TEST_ADMIN_KEY, type TestApp } from './helpers/app.js';
import { tinyWav } from './helpers/audio.js';
import { call, startChildServer, startChildWorker, type ChildServer } from './helpers/child-server.js';
import { cli } from './helpers/cli.js';
import { feedSettled, freshDatabase } from './helpers/db.js';
import { startFakeOpenAI } from './helpers/fake-openai.js';
import { JOB_BODY, photo } from './helpers/finals.js';
import { sampleJob } from './helpers/samples.js';
import { startLocalS3, TEST_BUCKET } from './helpers/s3.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PREFIX = 'multi';
// About 60 s alone at a load average of 18 (half of it starting four processes), 102 s inside a full suite at
// 20-30: more room than tap's default 120 s so a loaded machine does not fail it.
t.setTimeout(240_000);

const db = await freshDatabase(t);
const s3 = await startLocalS3(t);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-multi-'));
t.teardown(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// The provider holds every transcription open until the first worker is killed: that worker is mid-round.
let holdTranscriptions = true;
const fake = await startFakeOpenAI({ t, script: (req) => (holdTranscriptions && req.path.endsWith('/audio/transcriptions') ? { hang: true } : undefined) });

const t0 = Date.now();
const mark = (what: string) => t.comment(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const shared = {
  ...s3.env(PREFIX),
  // The other worker takes the round over once this lapses after the kill. It must outlast any stall a loaded
  // machine gives the claiming worker before the kill (renewed every third of it), or the other one claims the
  // round while its transcriptions are still held open, and hangs.
  TRAQ_PROCESSING_LEASE_SECONDS: '8',
  TRAQ_PROCESSING_RETRY_BACKOFF_SECONDS: '0',
  OPENAI_BASE_URL: fake.url,
  OPENAI_API_KEY: 'sk-test-key',
  TRAQ_OPENAI_TRANSCRIBE_TIMEOUT: '60',
};
const children: ChildServer[] = [];
t.teardown(() => Promise.all(children.map((c) => c.kill())));
const spawnAll = await Promise.all([
  startChildServer({ databaseUrl: db.url, dataDir: path.join(dataDir, 'a'), env: { ...shared, TRAQ_SUBMIT_WAIT_SECONDS: '0' } }),
  startChildServer({ databaseUrl: db.url, dataDir: path.join(dataDir, 'b'), env: { ...shared, TRAQ_SUBMIT_WAIT_SECONDS: '0' } }),
  startChildWorker({ databaseUrl: db.url, dataDir: path.join(dataDir, 'w1'), env: shared }),
  startChildWorker({ databaseUrl: db.url, dataDir: path.join(dataDir, 'w2'), env: shared }),
]);
children.push(...spawnAll);
mark('four processes up');
const [A, B, W1, W2] = spawnAll as [ChildServer, ChildServer, ChildServer, ChildServer];

// The test's own view of the bucket, through the same backend the servers use.
const store = await openArtifactStore(loadConfig({ ...s3.env(PREFIX), TRAQ_ENV: 'test', TRAQ_DATA_DIR: dataDir }));
const backend = store.backend as S3Backend;
async function bucketKeys(): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await backend.client.send(new ListObjectsV2Command({ Bucket: TEST_BUCKET, Prefix: `${backend.settings.prefix}`, ContinuationToken: token }));
    for (const o of page.Contents ?? []) keys.push(o.Key!.slice(backend.settings.prefix.length));
    token = page.NextContinuationToken;
  } while (token);
  return keys.sort();
}

const q = async (sql: string, params: unknown[] = []) => (await db.ownerPool.query(sql, params)).rows;
async function until<T>(what: string, check: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const ok = async (what: string, p: Promise<{ status: number; text: string; body: any }>) => {
  const r = await p;
  if (r.status !== 200) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
};

t.test('two servers, two workers, one database, one bucket', async (t) => {
  // A device registers on A, is approved on B, gets its token from A.
  const deviceId = 'multi-phone-1';
  const registered = await ok('register', call(A.url, 'POST', '/v1/auth/register-device', { body: { device_id: deviceId, device_name: 'Field phone' } }));
  await ok('approve', call(B.url, 'POST', `/v1/admin/devices/${deviceId}/approve`, { key: TEST_ADMIN_KEY }));
  const { access_token: key } = await ok('token', call(A.url, 'POST', '/v1/auth/token', { body: { device_id: deviceId, device_secret: registered.device_secret } }));

  // Jobs created on both servers at once, the one under test on A.
  const jobBody = (n: number) => ({ ...JOB_BODY, job_name: `Multi ${n}` });
  const created = await Promise.all([0, 1, 2, 3, 4, 5].map((n) => ok(`job ${n}`, call(n % 2 ? B.url : A.url, 'POST', '/v1/jobs', { key, body: jobBody(n) }))));
  const jobId = created[0].job_id as string;
  const [{ job_number: jobNumber }] = await q(`SELECT job_number FROM jobs WHERE job_id = $1`, [jobId]);

  // Round and uploads through B; the same photo sent through A and B at once is one row.
  const { round_id: roundId } = await ok('round', call(B.url, 'POST', `/v1/jobs/${jobId}/rounds`, { key }));
  const wav = new Uint8Array(tinyWav(300));
  for (const [section, rec] of [['site_factors', 'rec_1'], ['trunk', 'rec_2']]) {
    await ok(rec!, call(B.url, 'PUT', `/v1/jobs/${jobId}/sections/${section}/recordings/${rec}`, { key, raw: wav, headers: { 'content-type': 'audio/wav' } }));
  }
  const jpeg = new Uint8Array(await photo('#336699'));
  const photoPath = `/v1/jobs/${jobId}/sections/job_photos/images/img_1`;
  const both = await Promise.all([A, B].map((s) => call(s.url, 'PUT', photoPath, { key, raw: jpeg, headers: { 'content-type': 'image/jpeg' } })));
  t.same(both.map((r) => r.status), [200, 200], 'a photo sent twice at once through both servers');
  await ok('caption', call(B.url, 'PATCH', photoPath, { key, body: { caption: 'The tree' } }));
  await ok('manifest', call(A.url, 'PUT', `/v1/jobs/${jobId}/rounds/${roundId}/manifest`, {
    key,
    body: [
      { artifact_id: 'rec_1', section_id: 'site_factors', client_order: 1 },
      { artifact_id: 'rec_2', section_id: 'trunk', client_order: 2 },
    ],
  }));

  mark('uploads done');
  // Submit on A; whichever worker claims it is killed while its transcriptions are held open.
  const submitted = await ok('submit', call(A.url, 'POST', `/v1/jobs/${jobId}/rounds/${roundId}/submit`, { key, body: { client_revision_id: 'c1' } }));
  t.equal(submitted.status, 'SUBMITTED_FOR_PROCESSING', 'no worker in the API server: the submit answers at once');
  await until('a transcription held open', async () => fake.transcriptions().some((r) => r.file));
  const [{ processing_worker: first }] = await q(`SELECT processing_worker FROM job_rounds WHERE round_id = $1`, [roundId]);
  const claimer = [W1, W2].find((w) => first.includes(`:${w.proc.pid}:`));
  t.ok(claimer, `the round is held by one of the two workers (${first})`);
  const survivor = claimer === W1 ? W2 : W1;
  t.equal(await claimer!.kill(), 'SIGKILL', 'the claiming worker is killed mid-round');
  holdTranscriptions = false;

  const round = await until('the review', async () => {
    const r = await call(B.url, 'GET', `/v1/jobs/${jobId}/rounds/${roundId}`, { key });
    return r.body?.status === 'REVIEW_RETURNED' ? r.body : undefined;
  }, 90_000); // the lease's lapse, a poll, then the whole round on a loaded machine
  const [after] = await q(`SELECT processing_worker, processing_attempts FROM job_rounds WHERE round_id = $1`, [roundId]);
  t.match(after.processing_worker, `:${survivor.proc.pid}:`, 'the other worker finished it');
  t.equal(after.processing_attempts, 2, 'on the second claim, after the lease lapsed');
  t.equal(fake.transcriptions().filter((r) => r.finishedAt !== undefined).length, 2, 'both recordings transcribed by the survivor');

  mark('review returned');
  // The final on A, served by B.
  const sample = sampleJob('J0006').final;
  const finalBody = { round_id: roundId, server_revision_id: round.server_revision_id, client_revision_id: 'cr-1', form: sample.form, narrative: sample.narrative, profile: sample.profile };
  const finalRes = await fetch(`${A.url}/v1/jobs/${jobId}/final`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: JSON.stringify(finalBody) });
  const pdfOnA = Buffer.from(await finalRes.arrayBuffer());
  t.equal(finalRes.status, 200, finalRes.status === 200 ? 'the final on A answers its form PDF' : pdfOnA.toString().slice(0, 300));
  const served = await fetch(`${B.url}/v1/admin/jobs/${jobId}/artifacts/traq-pdf`, { headers: { 'x-api-key': TEST_ADMIN_KEY } });
  t.equal(served.status, 200);
  t.ok(Buffer.from(await served.arrayBuffer()).equals(pdfOnA), 'B serves the form PDF A answered, byte for byte');
  const letter = await fetch(`${B.url}/v1/jobs/${jobId}/final/report`, { headers: { 'x-api-key': key } });
  t.equal(letter.status, 200, 'the letter is served by B to the device');
  const [letterRow] = await q(`SELECT a.sha256 FROM artifacts a JOIN jobs j ON j.id = a.job_id WHERE j.job_id = $1 AND a.path LIKE '%final_report_letter.pdf'`, [jobId]);
  t.equal(sha(Buffer.from(await letter.arrayBuffer())), letterRow.sha256, 'the letter bytes are the recorded ones');

  mark('final served');
  // The export feed and a stage sync read it through B.
  await feedSettled(db.pool);
  const feed = await ok('feed', call(B.url, 'GET', '/v1/export/changes', { key: TEST_ADMIN_KEY }));
  t.ok(feed.completed.some((j: { job_id: string }) => j.job_id === jobId), 'the feed lists the job as completed');
  const root = path.join(dataDir, 'stage');
  const staged = await cli({ url: B.url, pool: db.pool } as TestApp, 'remote', ['--json', 'stage', 'sync', '--root', root]);
  t.equal(staged.code, 0, staged.stderr);
  t.same(staged.json?.staged, [jobNumber], 'stage sync staged the job');
  const bundle = path.join(root, 'jobs', jobNumber);
  t.ok(fs.readFileSync(path.join(bundle, 'traq_page1.pdf')).equals(pdfOnA), 'the staged form PDF is the final');
  t.ok(fs.existsSync(path.join(bundle, 'images', 'report_1.jpg')), 'with its report photo');

  mark('staged');
  // Retention on B removes the recordings' objects.
  const audioKeys = (await q(`SELECT m.artifact_path FROM round_recordings m JOIN job_rounds r ON r.id = m.round_pk WHERE r.round_id = $1 AND r.job_id = (SELECT id FROM jobs WHERE job_id = $2)`, [roundId, jobId])).map((r) => r.artifact_path);
  t.equal(audioKeys.length, 2);
  for (const k of audioKeys) t.ok((await bucketKeys()).includes(k), `${k} is in the bucket before the prune`);
  const pruned = await ok('prune', call(B.url, 'POST', '/v1/admin/retention/prune', { key: TEST_ADMIN_KEY }));
  t.match(pruned, { jobs_pruned: 1, audio_files: 2 });
  const keysAfter = await bucketKeys();
  t.same(audioKeys.filter((k) => keysAfter.includes(k)), [], 'the recordings are gone from the bucket');

  mark('pruned');
  // Invariants.
  const numbers = (await q(`SELECT substring(job_number FROM 2)::int AS n FROM jobs ORDER BY 1`)).map((r) => r.n);
  t.same(numbers, [1, 2, 3, 4, 5, 6], 'job numbers gap-free across both servers');
  t.same(await q(`SELECT image_id, count(*)::int AS n FROM round_images GROUP BY 1`), [{ image_id: 'img_1', n: 1 }], 'one row per photo id');
  t.same(await q(`SELECT recording_id, count(*)::int AS n FROM round_recordings GROUP BY 1 ORDER BY 1`), [{ recording_id: 'rec_1', n: 1 }, { recording_id: 'rec_2', n: 1 }], 'one row per recording id');
  t.same(await q(`SELECT key FROM artifact_placements`), [], 'no placement pending');

  const named = new Map<string, string | null>();
  for (const r of await q(`SELECT path AS k, sha256 FROM artifacts`)) named.set(r.k, r.sha256);
  for (const r of await q(`SELECT artifact_path AS k, sha256 FROM round_recordings WHERE artifact_path IS NOT NULL`)) named.set(r.k, r.sha256);
  for (const r of await q(`SELECT artifact_path AS k, sha256, report_artifact_path AS rk FROM round_images WHERE artifact_path IS NOT NULL`)) {
    named.set(r.k, r.sha256);
    if (r.rk) named.set(r.rk, null);
  }
  const problems: string[] = [];
  for (const [k, hash] of named) {
    if (!keysAfter.includes(k)) problems.push(`${k}: no object`);
    else if (hash && sha(await store.readBuffer(k)) !== hash) problems.push(`${k}: sha256 differs`);
  }
  for (const k of keysAfter) if (!named.has(k)) problems.push(`${k}: object without a row`);
  t.same(problems, [], `${named.size} rows and ${keysAfter.length} objects agree`);
  t.equal(named.size, 7, 'named: the photo, its report copy and the five final outputs (the prune took the recordings and the round artifacts)');

  t.equal(A.proc.exitCode, null, 'A still running');
  t.equal(B.proc.exitCode, null, 'B still running');
  t.equal(survivor.proc.exitCode, null, 'the surviving worker still running');
});
