/**
 * Faults short of a kill (issue #12 items 1, 5, 6; issue #11 item 3): a
 * file move failing after a final's COMMIT is finished by the retry; a full
 * disk answers 507 `storage_full` and stores nothing; temp files of killed
 * requests are swept at start-up and on the timer; uploads whose client goes
 * away release their file handle and temp file at once. Faults are injected
 * through the test-only hooks of src/faults.ts (armed by TRAQ_ENV=test).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import t from 'tap';
import { startArtifactHousekeeping } from '../src/domain/placements.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { approvedDevice, job } from './helpers/factories.js';
import { fetchBytes, finalBody, photo, readyJob } from './helpers/finals.js';
import { testBackend } from './helpers/s3.js';
import { stagedNames } from './helpers/store.js';

process.env.TRAQ_ENV = 'test';
const sample = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'test/fixtures/samples/jobs/J0003/final.json'), 'utf8'));
const tmpFiles = (app: TestApp) => stagedNames(app.store);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function arm(t: { teardown(fn: () => void): void }, name: 'TRAQ_FAULT_ERROR', value: string) {
  process.env[name] = value;
  t.teardown(() => delete process.env[name]);
  return () => delete process.env[name];
}

t.test('a final whose file moves fail after COMMIT is completed by the same-request retry', async (t) => {
  const app = await startTestApp(t);
  const ready = await readyJob(app);
  const disarm = arm(t, 'TRAQ_FAULT_ERROR', 'store.place:EIO');
  const first = await app.request('POST', `/v1/jobs/${ready.jobId}/final`, { key: ready.dev.token, body: finalBody(sample, ready.roundId, 'cr-1') });
  t.equal(first.status, 500, 'the request that could not move its files fails');
  const { rows } = await app.pool.query(`SELECT path, byte_size, sha256 FROM artifacts WHERE job_id = $1 AND job_final_id IS NOT NULL ORDER BY path`, [ready.jobPk]);
  t.equal(rows.length, 5, 'but its commit stands: five artifact rows');
  t.equal((await Promise.all(rows.map((r) => app.store.exists(r.path)))).filter(Boolean).length, 0, 'and no file in place yet');
  disarm();
  const retry = await fetchBytes(app, 'POST', `/v1/jobs/${ready.jobId}/final`, { key: ready.dev.token, body: finalBody(sample, ready.roundId, 'cr-1') });
  t.equal(retry.status, 200, 'the retry answers 200 (old code: 404 traq_pdf_not_found for ever)');
  t.equal(retry.bytes.subarray(0, 5).toString(), '%PDF-');
  for (const r of rows) {
    const bytes = await app.store.readBuffer(r.path);
    t.same([bytes.length, sha256(bytes)], [Number(r.byte_size), r.sha256], `${path.basename(r.path)} matches its row`);
  }
  t.same(await tmpFiles(app), [], 'no temp file left');
  t.equal((await app.pool.query(`SELECT 1 FROM artifact_placements`)).rowCount, 0, 'no placement pending');
});

t.test('a full disk answers 507 storage_full, stores nothing, and the server keeps serving', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  const j = await job(app.pool, { assignTo: dev });
  await app.request('POST', `/v1/jobs/${j.jobId}/rounds`, { key: dev.token });
  const disarm = arm(t, 'TRAQ_FAULT_ERROR', 'store.write:ENOSPC');
  const put = (id: string) =>
    app.request('PUT', `/v1/jobs/${j.jobId}/sections/job_photos/images/${id}`, { key: dev.token, raw: new Uint8Array(Buffer.alloc(200_000, 7)), headers: { 'content-type': 'image/jpeg' } });
  const full = await put('img_full');
  t.equal(full.status, 507);
  t.equal(full.body.code, 'storage_full');
  t.equal((await app.pool.query(`SELECT 1 FROM round_images WHERE image_id = 'img_full'`)).rowCount, 0, 'no row');
  t.same(await tmpFiles(app), [], 'no temp file');
  t.same(await app.store.list('jobs'), [], 'no file');
  const ready = await readyJob(app, { dev, photos: [{ id: 'img_road', caption: 'trunk' }] }).catch((e: Error) => e);
  t.ok(ready instanceof Error && /507/.test(ready.message), 'a photo upload inside the road to a final is refused the same way');
  disarm();
  t.equal((await app.request('GET', '/health')).status, 200, 'the server still answers');
  const ok = await app.request('PUT', `/v1/jobs/${j.jobId}/sections/job_photos/images/img_ok`, { key: dev.token, raw: new Uint8Array(await photo('#123456')), headers: { 'content-type': 'image/jpeg' } });
  t.equal(ok.status, 200, 'and stores again once there is space');
});

t.test('temp files of killed requests are swept at start-up and on the timer; a committed placement is finished, not swept', async (t) => {
  const app = await startTestApp(t);
  const j = await job(app.pool);
  // Staged objects as killed requests leave them. Local files are backdated past the sweep age; a bucket
  // cannot backdate an object, so there the old ones are written GAP_S seconds before the young one and the
  // sweep age is taken at sweep time half way between their ages: however long the steps in between take
  // on a loaded machine, the old ones stay GAP_S / 2 past it and the young one GAP_S / 2 short of it.
  const GAP_S = 6;
  let ageS = 60;
  const write = (name: string, bytes: string) => app.store.backend.putStaged(name, Readable.from([Buffer.from(bytes)]), new PassThrough());
  const old = ['00000000-0000-4000-8000-000000000001.part', '00000000-0000-4000-8000-000000000003.part'];
  await write(old[0]!, 'killed upload');
  await write(old[1]!, 'committed final bytes');
  if (testBackend() === 'local') {
    const then = new Date(Date.now() - 2 * ageS * 1000);
    for (const name of old) fs.utimesSync(path.join(app.store.root, '.tmp', name), then, then);
  } else {
    const youngestOld = async () => Math.max(...(await app.store.backend.listStaged()).map((s) => s.modifiedMs));
    while (Date.now() - (await youngestOld()) <= GAP_S * 1000) await new Promise((r) => setTimeout(r, 200));
  }
  const young = '00000000-0000-4000-8000-000000000002.part';
  await write(young, 'in flight');
  await app.pool.query(`INSERT INTO artifact_placements (job_id, staged_key, key, byte_size, sha256) VALUES ($1, $2, $3, 21, $4)`, [
    j.jobPk,
    '00000000-0000-4000-8000-000000000003.part',
    `jobs/${j.jobId}/final.json`,
    sha256(Buffer.from('committed final bytes')),
  ]);
  if (testBackend() === 's3') {
    const youngMs = (await app.store.backend.listStaged()).find((s) => s.name === young)!.modifiedMs;
    ageS = (Date.now() - youngMs) / 1000 + GAP_S / 2;
  }
  const first = await startArtifactHousekeeping({ pool: app.pool, store: app.store, logger: { info() {}, warn() {} } }, ageS);
  // Only its start-up pass is checked here (its timer would sweep the young file once that is old enough; the
  // timer is checked below, with an age of its own).
  clearInterval(first.timer);
  t.same([first.placed, first.swept], [1, 1], 'one placement finished, one stale temp file removed');
  t.same(await tmpFiles(app), [young], 'the young temp file (a request in flight) stays');
  t.equal((await app.store.readBuffer(`jobs/${j.jobId}/final.json`)).toString('utf8'), 'committed final bytes', 'the committed bytes are in place');

  // The timer: a 1 s age sweeps the young file once it is old enough.
  const timed = await startArtifactHousekeeping({ pool: app.pool, store: app.store, logger: { info() {}, warn() {} } }, 1);
  t.teardown(() => clearInterval(timed.timer));
  const end = Date.now() + 20_000;
  while ((await tmpFiles(app)).length && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  t.same(await tmpFiles(app), [], 'the timer swept it');
});

const openFds = () => fs.readdirSync('/proc/self/fd').length;

/** A PUT sent by hand: headers declaring `declared` bytes, `sent` bytes of body, then the socket is destroyed. */
function abortedPut(app: TestApp, p: string, key: string, declared: number, sent: number, waitMs: number): Promise<void> {
  const { port } = new URL(app.url);
  return new Promise((resolve) => {
    const sock = net.connect(Number(port), '127.0.0.1', () => {
      sock.write(`PUT ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ${key}\r\ncontent-type: audio/wav\r\ncontent-length: ${declared}\r\n\r\n`);
      if (sent) sock.write(Buffer.alloc(sent, 1));
      setTimeout(() => sock.destroy(), waitMs);
    });
    sock.on('error', () => {});
    sock.on('close', () => resolve());
  });
}

t.test('100 uploads whose client goes away before, during or after the body leave no handle and no temp file', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  const j = await job(app.pool, { assignTo: dev });
  await app.request('POST', `/v1/jobs/${j.jobId}/rounds`, { key: dev.token });
  const rec = (i: number) => `/v1/jobs/${j.jobId}/sections/site_factors/recordings/rec_abort_${i}`;
  const shapes = [
    { declared: 65_536, sent: 0, waitMs: 0 }, // gone before the body (before the server opened it)
    { declared: 65_536, sent: 20_000, waitMs: 30 }, // gone during the body
    { declared: 65_536, sent: 65_536, waitMs: 0 }, // the whole body, then gone before the answer
  ];
  // Warm up (pool connections for ten requests at once, lazily opened files), then count.
  await Promise.all(Array.from({ length: 10 }, (_, k) => abortedPut(app, rec(900 + k), dev.token, shapes[k % 3]!.declared, shapes[k % 3]!.sent, shapes[k % 3]!.waitMs)));
  await new Promise((r) => setTimeout(r, 1000));
  const before = openFds();
  for (let i = 0; i < 100; i += 10) {
    await Promise.all(Array.from({ length: 10 }, (_, k) => abortedPut(app, rec(i + k), dev.token, shapes[(i + k) % 3]!.declared, shapes[(i + k) % 3]!.sent, shapes[(i + k) % 3]!.waitMs)));
  }
  // Every aborted request must finish on its own; give them a moment, then compare.
  const end = Date.now() + 20_000;
  while (((await tmpFiles(app)).length || openFds() > before + 2) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  const after = openFds();
  t.ok(after <= before + 2, `open descriptors back to where they were (${before} before, ${after} after 100 aborted uploads)`);
  t.same(await tmpFiles(app), [], 'no temp file left');
  const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM round_recordings WHERE recording_id LIKE 'rec_abort_%'`);
  const stored = rows[0].n as number;
  const files = (await app.store.list('jobs')).length;
  t.equal(files, stored, `every stored upload (a complete body: ${stored}) has its file, and nothing else is on disk`);
  t.equal((await app.request('GET', '/health')).status, 200, 'the server still answers');
});
