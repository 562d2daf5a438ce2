/**
 * POST /v1/jobs/{job_id}/final over HTTP (decision 6, api.md §5): every sample job's form to an
 * archived job with all outputs, correction beside an untouched final, retry idempotency, the
 * failure injected after rendering, access after unassignment, the status read, the admin import
 * and inspect.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { buildFinalGeoJson } from '../src/documents/geojson.js';
import { prepareFinalForm } from '../src/documents/final-payload.js';
import { finalizeJob } from '../src/domain/finals.js';
import { loadTraqTemplate } from '../src/documents/traq-pdf.js';
import { ADMIN_KEY_PRINCIPAL } from '../src/http/auth.js';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from './helpers/app.js';
import { rejectsWith } from './helpers/assert.js';
import { approvedDevice } from './helpers/factories.js';
import { fetchBytes, finalBody, must, readyJob, reviewedRound, type ReadyJob } from './helpers/finals.js';
import { pdfText } from './helpers/pdf-text.js';
import { SAMPLE_JOBS, TRAQ_FIELD_MAP, TRAQ_TEMPLATE_PDF, sampleJob } from './helpers/samples.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const polish = async (text: string) => `POLISHED: ${text}`;
const app = await startTestApp(t, { TRAQ_TRAQ_TEMPLATE_PDF: TRAQ_TEMPLATE_PDF, TRAQ_TRAQ_FIELD_MAP: TRAQ_FIELD_MAP }, { polish });
const template = await loadTraqTemplate({ templatePdf: TRAQ_TEMPLATE_PDF, fieldMap: TRAQ_FIELD_MAP });
const KEYS = (jobId: string, s: string) => [`final${s}.json`, `final_traq_page1${s}.pdf`, `final_report_letter${s}.pdf`, `final_report_letter${s}.docx`, `final${s}.geojson`].map((f) => `jobs/${jobId}/${f}`);

async function rowCounts(a: TestApp, jobPk: string) {
  const { rows } = await a.pool.query(
    `SELECT (SELECT count(*)::int FROM job_finals WHERE job_id = $1) AS finals,
            (SELECT count(*)::int FROM artifacts WHERE job_id = $1) AS artifacts,
            (SELECT count(*)::int FROM job_geojson_exports WHERE job_id = $1) AS geojson,
            (SELECT count(*)::int FROM job_events WHERE job_id = $1) AS events`,
    [jobPk],
  );
  return rows[0];
}

async function jobRow(a: TestApp, jobPk: string) {
  const { rows } = await a.pool.query(
    `SELECT j.status, j.latest_round_status, j.archived_at, j.tree_id, j.tree_number, j.customer_id, o.name AS operator,
            (SELECT count(*)::int FROM job_assignments WHERE job_id = j.id) AS assigned
       FROM jobs j LEFT JOIN operators o ON o.id = j.operator_id WHERE j.id = $1`,
    [jobPk],
  );
  return rows[0];
}

/** Every artifacts row of the job matches its file's size and sha256. */
async function checkArtifacts(tt: any, a: TestApp, jobPk: string, expected: string[]) {
  const { rows } = await a.pool.query(`SELECT path, byte_size, sha256, content_type, kind, job_final_id FROM artifacts WHERE job_id = $1 ORDER BY path`, [jobPk]);
  tt.same(rows.map((r) => r.path).sort(), [...expected].sort(), 'one artifacts row per output');
  for (const r of rows) {
    const bytes = await a.store.readBuffer(r.path);
    tt.equal(Number(r.byte_size), bytes.length, `${path.basename(r.path)} size`);
    tt.equal(r.sha256, sha(bytes), `${path.basename(r.path)} sha256`);
    tt.ok(r.job_final_id, 'linked to its final');
  }
}

t.test('the final of every sample job through the HTTP flow', async (t) => {
  for (const jobNumber of SAMPLE_JOBS) {
    await t.test(jobNumber, async (t) => {
      const sample = sampleJob(jobNumber);
      const photos = jobNumber === 'J0003' ? [{ id: 'img_1', caption: 'Canopy from the lot' }, { id: 'img_2', caption: 'Trunk flare' }] : [];
      const ready = await readyJob(app, { photos, transcript: sample.final.transcript });
      const before = await jobRow(app, ready.jobPk);
      const res = await fetchBytes(app, 'POST', `/v1/jobs/${ready.jobId}/final`, { key: ready.dev.token, body: finalBody(sample.final, ready.roundId, `cr-${jobNumber}`) });
      t.equal(res.status, 200, res.status === 200 ? 'final accepted' : res.bytes.toString());
      t.equal(res.headers.get('content-type'), 'application/pdf');
      t.match(res.headers.get('content-disposition'), /attachment; filename="traq_page1.pdf"/);
      t.equal(res.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      t.same(res.bytes, await app.store.readBuffer(`jobs/${ready.jobId}/final_traq_page1.pdf`), 'the answer is the stored TRAQ PDF');

      const job = await jobRow(app, ready.jobPk);
      t.equal(job.status, 'ARCHIVED');
      t.equal(job.latest_round_status, 'REVIEW_RETURNED');
      t.ok(job.archived_at, 'archived_at set');
      t.equal(job.assigned, 0, 'unassigned');
      t.equal(job.operator, sample.final.profile.name, 'operator from the profile name');
      const wanted = Number(sample.final.form.data.client_tree_details.tree_number);
      t.equal(job.tree_number, wanted, 'tree number from the form');
      const { rows: trees } = await app.pool.query('SELECT customer_id, tree_number FROM trees WHERE id = $1', [job.tree_id]);
      t.same(trees[0], { customer_id: before.customer_id, tree_number: wanted }, 'tree_id is the customer tree with that number');

      const { rows: finals } = await app.pool.query('SELECT * FROM job_finals WHERE job_id = $1', [ready.jobPk]);
      t.equal(finals.length, 1);
      const f = finals[0];
      t.match(f, { kind: 'final', round_id: ready.roundId, client_revision_id: `cr-${jobNumber}`, server_revision_id: `rev_${ready.roundId}`, finalized_by_device_id: ready.dev.devicePk });
      t.same(f.payload.form, prepareFinalForm(sample.final.form, wanted), 'form as prepared');
      t.equal(f.payload.transcript, sample.final.transcript, 'transcript from the round review');
      t.same(f.payload.narrative, sample.final.narrative, 'narrative stored as sent (unpolished)');
      t.equal(f.payload.user_name, sample.final.profile.name);
      t.same(JSON.parse((await app.store.readBuffer(`jobs/${ready.jobId}/final.json`)).toString()), f.payload, 'final.json is the row');
      t.equal(f.payload.report_images.length, photos.length, 'report images from the rounds');

      const { rows: geo } = await app.pool.query('SELECT kind, payload, job_final_id FROM job_geojson_exports WHERE job_id = $1', [ready.jobPk]);
      t.same(geo[0].payload, buildFinalGeoJson(f.payload, ready.jobNumber), 'GeoJSON row = buildFinalGeoJson(stored payload)');
      t.same(JSON.parse((await app.store.readBuffer(`jobs/${ready.jobId}/final.geojson`)).toString()), geo[0].payload, 'GeoJSON file = row');
      t.equal(geo[0].job_final_id, f.id);
      await checkArtifacts(t, app, ready.jobPk, KEYS(ready.jobId, ''));

      const { rows: events } = await app.pool.query(`SELECT event_type, actor_identity, payload FROM job_events WHERE job_id = $1 AND event_type IN ('final_generated', 'job_unassigned')`, [ready.jobPk]);
      const generated = events.find((e) => e.event_type === 'final_generated');
      t.match(generated?.payload, { round_id: ready.roundId, client_revision_id: `cr-${jobNumber}`, archived_at: f.payload.archived_at, artifacts: KEYS(ready.jobId, '') });
      t.ok(events.some((e) => e.event_type === 'job_unassigned'), 'unassignment recorded');

      if (jobNumber === 'J0003') {
        const traq = await pdfText(res.bytes);
        t.equal(traq.pages.length, 2, 'two-page TRAQ form');
        t.match(traq.text[0], /Quercus agrifolia/, 'species drawn on page 1');
        t.match(traq.text[0], /Field test 1/, 'client drawn on page 1');
        const letter = await pdfText(await app.store.readBuffer(`jobs/${ready.jobId}/final_report_letter.pdf`));
        const all = letter.text.join(' ');
        t.match(all, `POLISHED: ${sample.final.narrative.text.split(/\s+/).slice(0, 4).join(' ')}`, 'the letter shows the polished narrative');
        t.match(all, /Canopy from the lot/, 'photo caption in the letter');
        t.match(all, new RegExp(ready.jobNumber), 'job number in the letter');
        t.same(
          f.payload.report_images.map((i: any) => i.caption),
          ['Canopy from the lot', 'Trunk flare'],
          'report images in upload order with captions',
        );
        t.match(f.payload.report_images[0].stored_path, /\.report\.jpg$/, 'report variant used');
      }
    });
  }
});
