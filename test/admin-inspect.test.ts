import fs from 'node:fs';
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { allKeys } from './helpers/store.js';
import { approvedDevice, job } from './helpers/factories.js';
import { finalize } from './helpers/sql-finals.js';

t.test('admin inspect: job, round and review through draft, processing, reviewed, archived', async (t) => {
  // The round is put in SUBMITTED_FOR_PROCESSING in SQL below: no worker may take it while the test looks.
  const app = await startTestApp(t, { TRAQ_WORKER: 'off' });
  const dev = await approvedDevice(app.pool);
  const j = await job(app.pool, { assignTo: dev });
  const inspect = async (p: string) => {
    const r = await app.admin('GET', `/v1/admin/jobs/${p}`);
    t.equal(r.status, 200, p);
    return r.body;
  };
  // The data folder and the artifact store (the same place on local disk, a bucket in the S3 pass).
  const files = async () => [...fs.readdirSync(app.config.dataDir, { recursive: true }).map(String), ...(await allKeys(app.store)).map((k) => `store:${k}`)].sort();

  // draft: one round, nothing submitted
  t.equal((await app.request('POST', `/v1/jobs/${j.jobId}/rounds`, { key: dev.token })).status, 200);
  t.match(await inspect(`${j.jobId}/rounds/round_1/inspect`), { manifest_count: 0, has_manifest: true }, 'the empty manifest exists right after round create');
  const put = await app.request('PUT', `/v1/jobs/${j.jobId}/rounds/round_1/manifest`, {
    key: dev.token,
    body: [{ artifact_id: 'rec_1', section_id: 'site_factors', client_file_name: 'a.m4a', kind: 'recording' }],
  });
  let ji = await inspect(`${j.jobNumber.toLowerCase()}/inspect`);
  t.match(ji, {
    job_id: j.jobId,
    job_number: j.jobNumber,
    status: 'DRAFT',
    latest_round_id: 'round_1',
    latest_round_status: 'DRAFT',
    assignment: { job_id: j.jobId, device_id: dev.deviceId, assigned_by: 'admin' },
    job_record_path: null,
    round_ids: ['round_1'],
    has_final: false,
    has_correction: false,
    details: { job_id: j.jobId, status: 'DRAFT', latest_round_id: 'round_1' },
  });
  let ri = await inspect(`${j.jobId}/rounds/round_1/inspect`);
  t.match(ri, { job_id: j.jobId, job_number: j.jobNumber, round_id: 'round_1', round_dir: null, status: 'DRAFT', has_review: false, server_revision_id: null, transcription_failure_count: 0 });
  t.equal(put.status, 200, 'manifest stored');
  t.match(ri, { manifest_count: 1, has_manifest: true, recording_count: 0, image_count: 0 });

  // processing
  await app.pool.query(`UPDATE job_rounds SET status = 'SUBMITTED_FOR_PROCESSING', submitted_at = now() WHERE job_id = $1`, [j.jobPk]);
  await app.pool.query(`UPDATE jobs SET status = 'SUBMITTED_FOR_PROCESSING', latest_round_status = 'SUBMITTED_FOR_PROCESSING' WHERE id = $1`, [j.jobPk]);
  t.match(await inspect(`${j.jobId}/inspect`), { status: 'SUBMITTED_FOR_PROCESSING', latest_round_status: 'SUBMITTED_FOR_PROCESSING' });
  t.match(await inspect(`${j.jobId}/rounds/round_1/inspect`), { status: 'SUBMITTED_FOR_PROCESSING', has_review: false });
  const noReview = await app.admin('GET', `/v1/admin/jobs/${j.jobId}/rounds/round_1/review/inspect`);
  t.equal(noReview.status, 404);
  t.same(noReview.body, { detail: 'Review not found for round: round_1', code: 'review_not_found' });

  // reviewed
  const review = {
    round_id: 'round_1',
    server_revision_id: 'rev_round_1_1',
    transcript: '[site_factors]\nwind',
    section_transcripts: { site_factors: 'wind', load_factors: 'none' },
    form: { site_factors: {} },
    images: [{ image_id: 'img_1' }],
    tree_number: 7,
    transcription_failures: [{ recording_id: 'rec_2', section_id: 'site_factors', error: 'empty' }],
  };
  await app.pool.query(
    `UPDATE job_rounds SET status = 'REVIEW_RETURNED', review_payload = $2, server_revision_id = 'rev_round_1_1' WHERE job_id = $1`,
    [j.jobPk, JSON.stringify(review)],
  );
  await app.pool.query(`UPDATE jobs SET status = 'REVIEW_RETURNED', latest_round_status = 'REVIEW_RETURNED' WHERE id = $1`, [j.jobPk]);
  t.match(await inspect(`${j.jobId}/rounds/round_1/inspect`), {
    status: 'REVIEW_RETURNED',
    has_review: true,
    server_revision_id: 'rev_round_1_1',
    transcription_failure_count: 1,
  });
  t.same(await inspect(`${j.jobNumber}/rounds/round_1/review/inspect`), {
    job_id: j.jobId,
    round_id: 'round_1',
    review_path: null,
    server_revision_id: 'rev_round_1_1',
    tree_number: 7,
    transcript_length: review.transcript.length,
    section_count: 2,
    image_count: 1,
    has_form: true,
    payload: review,
  });

  // archived, then corrected
  await finalize(app, j);
  ji = await inspect(`${j.jobId}/inspect`);
  t.match(ji, { status: 'ARCHIVED', has_final: true, has_correction: false, details: { status: 'ARCHIVED' } });
  await finalize(app, j, { kind: 'correction' });
  const before = await files();
  t.match(await inspect(`${j.jobId}/inspect`), { has_final: true, has_correction: true });
  await inspect(`${j.jobId}/rounds/round_1/inspect`);
  await inspect(`${j.jobId}/rounds/round_1/review/inspect`);
  t.same(await files(), before, 'inspect writes nothing on the server');
});

t.test('admin inspect: 404s and auth', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  const j = await job(app.pool, { assignTo: dev });
  const expect = async (p: string, status: number, detail: string) => {
    const r = await app.admin('GET', `/v1/admin/jobs/${p}`);
    t.equal(r.status, status, p);
    t.equal(r.body.detail, detail);
  };
  await expect('J0000404/inspect', 404, 'Job not found: J0000404');
  await expect('job_nope/rounds/round_1/inspect', 404, 'Job not found: job_nope');
  await expect(`${j.jobId}/rounds/round_9/inspect`, 404, 'Round not found: round_9');
  await expect(`${j.jobId}/rounds/round_9/review/inspect`, 404, 'Round not found: round_9');
  t.equal((await app.request('GET', `/v1/admin/jobs/${j.jobId}/inspect`)).status, 401);
  t.equal((await app.request('GET', `/v1/admin/jobs/${j.jobId}/inspect`, { key: dev.token })).status, 403);
  const ji = await app.admin('GET', `/v1/admin/jobs/${j.jobId}/inspect`);
  t.match(ji.body, { round_ids: [], latest_round_id: null, assignment: { device_id: dev.deviceId } });
});
