/**
 * The artifact bucket stops answering (issue #15): requests that need bytes get 503 `storage_unavailable`
 * with Retry-After and a JSON body, nothing is half-written (no row for a refused upload, no final for a
 * refused final), the process keeps serving what needs no bytes; once the bucket is back, the same requests
 * succeed. The test runs its own s3rver (not the S3 pass's shared one) so it can stop it.
 */
import sharp from 'sharp';
import t, { type Test } from 'tap';
import { startTestApp, TEST_ADMIN_KEY, type Reply } from './helpers/app.js';
import { wavBytes } from './helpers/audio.js';
import { fetchBytes, finalBody, readyJob } from './helpers/finals.js';
import { startLocalS3 } from './helpers/s3.js';
import { sampleJob } from './helpers/samples.js';
import { allKeys } from './helpers/store.js';

const s3 = await startLocalS3(t);
const app = await startTestApp(t, s3.env('outage'));

const unavailable = (t: Test, r: Pick<Reply, 'status' | 'body' | 'headers'>, what: string) => {
  t.equal(r.status, 503, `${what}: 503`);
  t.same(r.body, { detail: 'Artifact storage unavailable; retry later', code: 'storage_unavailable' }, `${what}: detail and code`);
  t.ok(Number(r.headers.get('retry-after')) > 0, `${what}: Retry-After`);
};

t.test('a bucket that stops answering: 503 storage_unavailable, nothing half-written, back when it is', async (t) => {
  const ready = await readyJob(app, { photos: [{ id: 'img_1', caption: 'trunk' }] });
  const key = ready.dev.token;
  // The round is reviewed (locked for the device): the admin key adds to it, as an office correction would.
  const rec = (id: string) =>
    app.request('PUT', `/v1/jobs/${ready.jobId}/sections/site_factors/recordings/${id}`, { key: TEST_ADMIN_KEY, raw: new Uint8Array(wavBytes(4096, id)), headers: { 'content-type': 'audio/wav' } });
  const img = async () =>
    app.request('PUT', `/v1/jobs/${ready.jobId}/sections/job_photos/images/img_2`, {
      key: TEST_ADMIN_KEY,
      raw: new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).jpeg().toBuffer()),
      headers: { 'content-type': 'image/jpeg' },
    });
  const image = () => app.request('GET', `/v1/export/jobs/${ready.jobId}/images/img_1`, { key: TEST_ADMIN_KEY });
  const final = () => app.request('POST', `/v1/jobs/${ready.jobId}/final`, { key, body: finalBody(sampleJob('J0003').final, ready.roundId, 'cr-outage') });
  const before = await allKeys(app.store);
  t.equal((await image()).status, 200, 'the photo is served while the bucket answers');

  await s3.server.stop();
  unavailable(t, await image(), 'photo download');
  unavailable(t, await img(), 'photo upload');
  unavailable(t, await rec('rec_1'), 'recording upload');
  unavailable(t, await final(), 'final');
  t.equal((await app.pool.query(`SELECT 1 FROM round_images WHERE image_id = 'img_2'`)).rowCount, 0, 'no row for the refused photo');
  t.equal((await app.pool.query(`SELECT 1 FROM round_recordings WHERE recording_id = 'rec_1'`)).rowCount, 0, 'nor for the refused recording');
  t.equal((await app.pool.query(`SELECT 1 FROM job_finals WHERE job_id = $1`, [ready.jobPk])).rowCount, 0, 'no final');
  t.equal((await app.pool.query(`SELECT 1 FROM artifact_placements`)).rowCount, 0, 'no placement recorded');
  t.equal((await app.pool.query(`SELECT status::text FROM jobs WHERE id = $1`, [ready.jobPk])).rows[0].status, 'REVIEW_RETURNED', 'the job is where it was');
  t.equal((await app.request('GET', '/health')).status, 200, 'the server still answers');
  t.equal((await app.request('GET', `/v1/jobs/${ready.jobId}/rounds/${ready.roundId}`, { key })).status, 200, 'and serves what needs no bytes');

  await s3.server.start();
  t.equal((await image()).status, 200, 'the bucket is back: the photo is served');
  t.equal((await img()).status, 200, 'the photo upload retried is stored');
  t.equal((await rec('rec_1')).status, 200, 'and the recording');
  const done = await fetchBytes(app, 'POST', `/v1/jobs/${ready.jobId}/final`, { key, body: finalBody(sampleJob('J0003').final, ready.roundId, 'cr-outage') });
  t.equal(done.status, 200, 'the final retried succeeds');
  t.equal(done.bytes.subarray(0, 5).toString(), '%PDF-');
  const after = await allKeys(app.store);
  const round = `jobs/${ready.jobId}/rounds/${ready.roundId}/sections`;
  const added = [`${round}/job_photos/images/img_2.jpg`, `${round}/job_photos/images/img_2.report.jpg`, `${round}/site_factors/recordings/rec_1.wav`];
  for (const f of ['final.geojson', 'final.json', 'final_report_letter.docx', 'final_report_letter.pdf', 'final_traq_page1.pdf']) added.push(`jobs/${ready.jobId}/${f}`);
  t.same(after.filter((k) => !before.includes(k)), added.sort(), 'only what the retried requests stored was added: no staged leftover, no stray object');
});
