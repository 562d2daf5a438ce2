/**
 * The HTTP flow with TRAQ_ARTIFACT_BACKEND=s3 against a local S3-compatible server (issue #15): uploads
 * land in the bucket with their size and sha256, reads come back from it, and a final's five outputs are
 * stored and served from it, with no staged object left behind.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import t from 'tap';
import { S3Backend } from '../src/artifacts/s3.js';
import { startTestApp, TEST_ADMIN_KEY } from './helpers/app.js';
import { wavBytes } from './helpers/audio.js';
import { fetchBytes, finalBody, readyJob } from './helpers/finals.js';
import { sampleJob } from './helpers/samples.js';
import { startLocalS3, TEST_BUCKET } from './helpers/s3.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const s3 = await startLocalS3(t);
const app = await startTestApp(t, s3.env('flow'));

/** Every object in the bucket under the app's prefix, staged objects included. */
async function bucketKeys(): Promise<string[]> {
  const b = app.store.backend as S3Backend;
  const page = await b.client.send(new ListObjectsV2Command({ Bucket: TEST_BUCKET, Prefix: b.settings.prefix }));
  return (page.Contents ?? []).map((o) => o.Key!.slice(b.settings.prefix.length)).sort();
}

t.test('upload, read and final on the S3 backend', async (t) => {
  t.ok(app.store.backend instanceof S3Backend, 'the app stores in the bucket');
  const ready = await readyJob(app, { photos: [{ id: 'img_s3', caption: 'From the bucket' }], recordings: ['rec_s3'] });

  const uploaded = await app.pool.query(
    `SELECT 'recording' AS kind, m.artifact_path AS path, m.byte_size, m.sha256 FROM round_recordings m JOIN job_rounds r ON r.id = m.round_pk WHERE r.job_id = $1
     UNION ALL SELECT 'photo', m.artifact_path, m.byte_size, m.sha256 FROM round_images m JOIN job_rounds r ON r.id = m.round_pk WHERE r.job_id = $1`,
    [ready.jobPk],
  );
  t.equal(uploaded.rows.length, 2, 'the recording and the photo');
  t.same(await app.store.readBuffer(uploaded.rows.find((r) => r.kind === 'recording').path), wavBytes(4096, 'rec_s3'), 'the recording reads back as sent');
  for (const r of uploaded.rows) {
    const bytes = await app.store.readBuffer(r.path);
    t.equal(Number(r.byte_size), bytes.length, `${r.path} size`);
    t.equal(r.sha256, sha(bytes), `${r.path} sha256`);
  }

  const final = await fetchBytes(app, 'POST', `/v1/jobs/${ready.jobId}/final`, { key: ready.dev.token, body: finalBody(sampleJob('J0006').final, ready.roundId, 'cr-s3') });
  t.equal(final.status, 200, final.bytes.toString().slice(0, 300));
  const outputs = ['final.json', 'final_traq_page1.pdf', 'final_report_letter.pdf', 'final_report_letter.docx', 'final.geojson'].map((f) => `jobs/${ready.jobId}/${f}`);
  const { rows } = await app.pool.query(`SELECT path, byte_size, sha256 FROM artifacts WHERE job_id = $1 AND job_final_id IS NOT NULL ORDER BY path`, [ready.jobPk]);
  t.same(rows.map((r) => r.path).sort(), [...outputs].sort(), 'five outputs recorded');
  for (const r of rows) t.equal(r.sha256, sha(await app.store.readBuffer(r.path)), `${r.path} in the bucket matches its row`);

  const img = await fetchBytes(app, 'GET', `/v1/export/jobs/${ready.jobId}/images/report_1`, { key: TEST_ADMIN_KEY });
  t.equal(img.status, 200, 'the report image is served from the bucket');
  t.equal(img.headers.get('content-type'), 'image/jpeg');
  t.equal(img.bytes.subarray(0, 2).toString('hex'), 'ffd8', 'a JPEG');

  const keys = await bucketKeys();
  t.same(keys.filter((k) => k.startsWith('.tmp/')), [], 'no staged object left');
  for (const r of [...uploaded.rows, ...rows]) t.ok(keys.includes(r.path), `${r.path} has its object`);
});
