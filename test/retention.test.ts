/**
 * Retention (decision 11, data-model §5): POST /v1/admin/retention/prune removes exactly what the
 * policy allows from archived jobs and keeps finals, corrections, their outputs, report photos,
 * transcripts and the audit trail; the database refuses to let anything touch job_events or a final.
 */
import { createHash } from 'node:crypto';
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { startTestApp } from './helpers/app.js';
import { rejectsWith } from './helpers/assert.js';
import { fetchBytes, finalBody, must, readyJob, reviewedRound } from './helpers/finals.js';
import { sampleJob } from './helpers/samples.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const app = await startTestApp(t);
const sample = sampleJob('J0002').final;

async function rounds(jobPk: string) {
  const { rows } = await app.pool.query(
    `SELECT r.round_id, r.review_payload IS NOT NULL AS has_review,
            (SELECT json_agg(json_build_object('id', rec.recording_id, 'path', rec.artifact_path, 'transcript', rec.transcript_text) ORDER BY rec.recording_id)
               FROM round_recordings rec WHERE rec.round_pk = r.id) AS recordings,
            (SELECT json_agg(i.image_id) FROM round_images i WHERE i.round_pk = r.id) AS images
       FROM job_rounds r WHERE r.job_id = $1 ORDER BY r.round_number`,
    [jobPk],
  );
  return rows;
}

async function snapshotFinals(jobPk: string) {
  const { rows } = await app.pool.query(`SELECT row_to_json(f)::text AS j FROM job_finals f WHERE job_id = $1 ORDER BY kind`, [jobPk]);
  return rows.map((r) => r.j);
}

t.test('prune removes audio, unreferenced review JSON and rounds; keeps finals, outputs, report photos, transcripts, audit', async (t) => {
  // round_1: audio only, never finalized → deleted whole.
  const ready = await readyJob(app, { recordings: ['rec_1'] });
  // round_2: a photo the report uses and audio; not finalized → kept for its photo, review and audio pruned.
  await must('assign', app.admin('POST', `/v1/admin/jobs/${ready.jobId}/assign`, { device_id: ready.dev.deviceId }));
  const round2 = await reviewedRound(app, ready, { photos: [{ id: 'img_2', caption: 'Kept photo' }], recordings: ['rec_2'] });
  // round_3: finalized, with audio → kept with its review, audio pruned.
  const round3 = await reviewedRound(app, ready, { recordings: ['rec_3'] });
  t.equal((await fetchBytes(app, 'POST', `/v1/jobs/${ready.jobId}/final`, { key: ready.dev.token, body: finalBody(sample, round3, 'cr-r') })).status, 200);

  // Another job, not archived: never touched.
  const open = await readyJob(app, { recordings: ['rec_open'] });
  const openFiles = await app.store.list(`jobs/${open.jobId}`);

  const jobFiles = await app.store.list(`jobs/${ready.jobId}`);
  const audio = jobFiles.filter((k) => k.includes('/recordings/'));
  const round1Files = jobFiles.filter((k) => k.includes('/rounds/round_1/'));
  t.equal(audio.length, 3, 'three audio files on disk');
  const doomedFiles = [...new Set([...audio, ...round1Files])];
  const doomedBytes = (await Promise.all(doomedFiles.map(async (k) => (await app.store.stat(k))!.size))).reduce((a, b) => a + b, 0);
  const keptFiles = jobFiles.filter((k) => !doomedFiles.includes(k));
  t.ok(keptFiles.some((k) => k.endsWith('img_2.report.jpg')), 'the report photo is among the kept files');
  const keptHashes = await Promise.all(keptFiles.map(async (k) => sha(await app.store.readBuffer(k))));
  const finalsBefore = await snapshotFinals(ready.jobPk);
  const eventsBefore = (await app.pool.query(`SELECT id FROM job_events WHERE job_id = $1 ORDER BY id`, [ready.jobPk])).rows;
  const roundsBefore = await rounds(ready.jobPk);

  const expectedJob = {
    job_id: ready.jobId,
    job_number: ready.jobNumber,
    audio_files: 3,
    review_payloads: 1,
    rounds_deleted: ['round_1'],
    files_deleted: doomedFiles.length,
    bytes: doomedBytes,
  };

  const dry = await app.admin('POST', `/v1/admin/retention/prune?dry_run=true`);
  t.equal(dry.status, 200, dry.text);
  t.match(dry.body, { ok: true, dry_run: true, jobs_pruned: 1, audio_files: 3, review_payloads: 1, rounds_deleted: 1, files_deleted: doomedFiles.length, bytes: doomedBytes });
  t.same(dry.body.jobs, [expectedJob], 'the dry run says what would go');
  t.same(await rounds(ready.jobPk), roundsBefore, 'dry run changed no row');
  t.same(await app.store.list(`jobs/${ready.jobId}`), jobFiles, 'dry run deleted no file');

  const narrowed = await app.admin('POST', `/v1/admin/retention/prune?job_ref=${open.jobId}`);
  t.match(narrowed.body, { jobs_examined: 0, jobs_pruned: 0 }, 'a job that is not archived is not examined');
  t.equal((await app.admin('POST', '/v1/admin/retention/prune?job_ref=J99999')).status, 404);

  const real = await app.admin('POST', '/v1/admin/retention/prune');
  t.equal(real.status, 200);
  t.match(real.body, { ok: true, dry_run: false, jobs_pruned: 1 });
  t.same(real.body.jobs, [expectedJob], 'the prune did what the dry run said');

  t.same(
    await rounds(ready.jobPk),
    [
      { round_id: round2, has_review: false, recordings: [{ id: 'rec_2', path: null, transcript: 'transcript of rec_2' }], images: ['img_2'] },
      { round_id: round3, has_review: true, recordings: [{ id: 'rec_3', path: null, transcript: 'transcript of rec_3' }], images: null },
    ],
    'round_1 gone; audio paths cleared with transcripts kept; review of the unreferenced round cleared',
  );
  t.same(await app.store.list(`jobs/${ready.jobId}`), keptFiles, 'exactly the audio and round_1 files went');
  t.same(await Promise.all(keptFiles.map(async (k) => sha(await app.store.readBuffer(k)))), keptHashes, 'kept files unchanged (outputs, report photo)');
  t.same(await snapshotFinals(ready.jobPk), finalsBefore, 'final untouched');
  const events = (await app.pool.query(`SELECT id, event_type, actor_identity, payload FROM job_events WHERE job_id = $1 ORDER BY created_at, id`, [ready.jobPk])).rows;
  t.ok(eventsBefore.every((e) => events.some((x) => x.id === e.id)), 'every earlier audit row kept');
  const pruned = events.filter((e) => e.event_type === 'retention_pruned');
  t.equal(pruned.length, 1, 'one retention_pruned row');
  t.match(pruned[0], { actor_identity: 'admin', payload: { ...expectedJob, files: doomedFiles.sort() } });
  t.same(await app.store.list(`jobs/${open.jobId}`), openFiles, 'the open job kept everything');
  const report = await fetchBytes(app, 'GET', `/v1/jobs/${ready.jobId}/final/report`, { key: ready.dev.token });
  t.equal(report.status, 200, 'the report letter is still served');

  const again = await app.admin('POST', '/v1/admin/retention/prune');
  t.match(again.body, { jobs_pruned: 0, files_deleted: 0, bytes: 0 }, 'a second prune finds nothing');
  t.equal((await app.pool.query(`SELECT count(*)::int AS n FROM job_events WHERE job_id = $1 AND event_type = 'retention_pruned'`, [ready.jobPk])).rows[0].n, 1, 'and records nothing');

  await t.test('the database refuses to touch the audit trail or a final', async (t) => {
    await rejectsWith(t, app.ownerPool.query(`DELETE FROM job_events WHERE job_id = $1`, [ready.jobPk]), { message: /append-only/ });
    await rejectsWith(t, app.ownerPool.query(`UPDATE job_events SET payload = '{}' WHERE job_id = $1`, [ready.jobPk]), { message: /append-only/ });
    await rejectsWith(t, app.pool.query(`DELETE FROM job_finals WHERE job_id = $1 AND kind = 'final'`, [ready.jobPk]), { message: /immutable/ });
    await rejectsWith(t, app.pool.query(`DELETE FROM job_rounds WHERE job_id = $1 AND round_id = $2`, [ready.jobPk, round3]), { code: '23503' }, 'the finalized round cannot be deleted');
  });
});

t.test('retention and template configuration', async (t) => {
  t.equal(loadConfig({ TRAQ_ENV: 'test' }).retentionIntervalHours, 0, 'off by default');
  t.equal(loadConfig({ TRAQ_ENV: 'test', TRAQ_RETENTION_INTERVAL_HOURS: '24' }).retentionIntervalHours, 24);
  t.throws(() => loadConfig({ TRAQ_ENV: 'test', TRAQ_RETENTION_INTERVAL_HOURS: '-1' }), /TRAQ_RETENTION_INTERVAL_HOURS/);
  t.throws(() => loadConfig({ TRAQ_ENV: 'test', TRAQ_TRAQ_TEMPLATE_PDF: '/x.pdf' }), /must be set together/, 'template without a map');
  t.throws(() => loadConfig({ TRAQ_ENV: 'test', TRAQ_TRAQ_FIELD_MAP: '/x.json' }), /must be set together/, 'map without a template');
  t.equal((await app.request('POST', '/v1/admin/retention/prune', { key: 'nope' })).status, 401);
});
