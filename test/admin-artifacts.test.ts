import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { canonicalJson } from '../src/domain/canonical-json.js';
import { startTestApp } from './helpers/app.js';
import { allKeys } from './helpers/store.js';
import { approvedDevice, job } from './helpers/factories.js';
import { completedJob, finalize } from './helpers/sql-finals.js';

t.test('artifact fetch: each kind of a final, then the correction preferred', async (t) => {
  const app = await startTestApp(t);
  const j = await completedJob(app, { images: ['trunk'] });
  const J = j.jobNumber;
  const get = (ref: string, kind: string) => app.admin('GET', `/v1/admin/jobs/${ref}/artifacts/${kind}`);
  // The data folder and the artifact store (the same place on local disk, a bucket in the S3 pass).
  const files = async () => [...fs.readdirSync(app.config.dataDir, { recursive: true }).map(String), ...(await allKeys(app.store)).map((k) => `store:${k}`)].sort();
  let before = await files();

  const cases = [
    ['final-json', `${J}_final.json`, 'application/json'],
    ['transcript', `${J}_transcript.txt`, 'text/plain'],
    ['geo-json', `${J}_final.geojson`, 'application/geo+json'],
    ['report-pdf', `${J}_report_letter.pdf`, 'application/pdf'],
    ['traq-pdf', `${J}_traq_page1.pdf`, 'application/pdf'],
  ] as const;
  for (const [kind, filename, type] of cases) {
    const r = await get(j.jobId, kind);
    t.equal(r.status, 200, kind);
    t.equal(r.headers.get('x-artifact-variant'), 'final', `${kind}: variant header`);
    t.equal(r.headers.get('content-disposition'), `attachment; filename="${filename}"`, `${kind}: file name`);
    t.match(r.headers.get('content-type'), type, `${kind}: content type`);
  }
  const fin = await get(j.jobId, 'final-json');
  t.equal(fin.text, canonicalJson(j.payload), 'final-json is the snapshot, 2-space indent, sorted keys');
  t.ok(fin.text.indexOf('"10"') < fin.text.indexOf('"2"') && fin.text.indexOf('"archived_at"') < fin.text.indexOf('"client_revision_id"'), 'keys in string order');
  t.equal((await get(j.jobId, 'transcript')).text, 'final transcript');
  t.same(JSON.parse((await get(j.jobId, 'geo-json')).text), { type: 'FeatureCollection', features: [], properties: { kind: 'final' } });
  t.equal((await get(j.jobId, 'traq-pdf')).text, '%PDF final_traq_page1.pdf');
  t.equal((await get(j.jobId, 'report-pdf')).text, '%PDF final_report_letter.pdf');
  t.equal((await get(J.toLowerCase(), 'traq-pdf')).status, 200, 'job number in any case');

  t.same(await files(), before, 'nothing written on the server');
  await finalize(app, j, { kind: 'correction', transcript: 'corrected words' });
  before = await files();
  const correction = [
    ['final-json', `${J}_correction.json`],
    ['transcript', `${J}_correction_transcript.txt`],
    ['geo-json', `${J}_correction.geojson`],
    ['report-pdf', `${J}_correction_report_letter.pdf`],
    ['traq-pdf', `${J}_correction_traq_page1.pdf`],
  ] as const;
  for (const [kind, filename] of correction) {
    const r = await get(J, kind);
    t.equal(r.status, 200, kind);
    t.equal(r.headers.get('x-artifact-variant'), 'correction', `${kind}: correction preferred`);
    t.equal(r.headers.get('content-disposition'), `attachment; filename="${filename}"`);
  }
  t.equal((await get(J, 'transcript')).text, 'corrected words');
  t.equal((await get(J, 'traq-pdf')).text, '%PDF final_traq_page1_correction.pdf');
  t.same(await files(), before, 'nothing written on the server');
  t.notOk(fs.existsSync(path.join(process.cwd(), 'exports', J)), 'no export copies in the working folder');
});

t.test('artifact fetch: 400, 404s and auth', async (t) => {
  const app = await startTestApp(t);
  const get = (ref: string, kind: string, key?: string) => app.request('GET', `/v1/admin/jobs/${ref}/artifacts/${kind}`, { key: key ?? 'test-admin-key-0123456789abcdef' });
  const open = await job(app.pool);
  const noPdf = await completedJob(app, { pdfs: false, transcript: '  ' });
  const gone = await completedJob(app);
  t.ok(await app.store.delete(`jobs/${gone.jobId}/final_traq_page1.pdf`), 'a final output goes missing');

  const expect = async (r: Promise<{ status: number; body: { detail: string; code: string } }>, status: number, detail: string) => {
    const reply = await r;
    t.equal(reply.status, status, detail);
    t.equal(reply.body.detail, detail);
  };
  await expect(get(open.jobId, 'zip'), 400, 'Unsupported artifact kind: zip');
  await expect(get('J9999999', 'final-json'), 404, 'Job not found: J9999999');
  await expect(get('job_nope', 'traq-pdf'), 404, 'Job not found: job_nope');
  await expect(get(open.jobId, 'final-json'), 404, `No archived final payload found for job ${open.jobId}`);
  await expect(get(open.jobId, 'transcript'), 404, `No archived transcript found for job ${open.jobId}`);
  await expect(get(open.jobId, 'geo-json'), 404, `No geo-json artifact found for job ${open.jobId}`);
  await expect(get(noPdf.jobId, 'transcript'), 404, `No archived transcript found for job ${noPdf.jobId}`);
  await expect(get(noPdf.jobId, 'report-pdf'), 404, `No report-pdf artifact found for job ${noPdf.jobId}`);
  await expect(get(noPdf.jobId, 'traq-pdf'), 404, `No traq-pdf artifact found for job ${noPdf.jobId}`);
  await expect(get(gone.jobId, 'traq-pdf'), 404, `No traq-pdf artifact found for job ${gone.jobId}`);
  t.equal((await get(gone.jobId, 'report-pdf')).status, 200, 'the other file of that final is still there');

  const device = await approvedDevice(app.pool);
  t.equal((await get(gone.jobId, 'final-json', device.token)).status, 403, 'devices are refused');
  t.equal((await app.request('GET', `/v1/admin/jobs/${gone.jobId}/artifacts/final-json`)).status, 401);
});
