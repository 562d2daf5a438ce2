/**
 * POST /v1/jobs/{job_id}/final over HTTP (decision 6, api.md §5): every sample job's form to an
 * archived job with all outputs, correction beside an untouched final, retry idempotency, the
 * failure injected after rendering, access after unassignment, the status read, the admin import
 * and inspect.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import t from 'tap';
import { buildFinalGeoJson } from '../src/documents/geojson.js';
import { prepareFinalForm } from '../src/documents/final-payload.js';
import { finalizeJob } from '../src/domain/finals.js';
import { loadTraqTemplate } from '../src/documents/traq-pdf.js';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from './helpers/app.js';
import { rejectsWith } from './helpers/assert.js';
import { feedSettled } from './helpers/db.js';
import { approvedDevice } from './helpers/factories.js';
import { fetchBytes, finalBody, must, readyJob, reviewedRound, type ReadyJob } from './helpers/finals.js';
import { pdfText } from './helpers/pdf-text.js';
import { SAMPLE_JOBS, TRAQ_FIELD_MAP, TRAQ_TEMPLATE_PDF, sampleJob } from './helpers/samples.js';
import { stagedNames } from './helpers/store.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const polish = async (text: string) => `POLISHED: ${text}`;
// 'preconditions and validation' puts a round in SUBMITTED_FOR_PROCESSING in SQL: no worker may take it while the
// test looks (every round here is reviewed through SQL, none needs a worker).
const app = await startTestApp(t, { TRAQ_TRAQ_TEMPLATE_PDF: TRAQ_TEMPLATE_PDF, TRAQ_TRAQ_FIELD_MAP: TRAQ_FIELD_MAP, TRAQ_WORKER: 'off' }, { polish });
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
        t.notMatch(all, /could not be embedded/, 'the photos are embedded (pooled small Buffers included)');
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

/** sha256 of each output file of a kind (undefined where a file is missing). */
async function fileHashes(a: TestApp, keys: string[]) {
  return Promise.all(keys.map(async (k) => ((await a.store.exists(k)) ? sha(await a.store.readBuffer(k)) : undefined)));
}

async function finalOf(ready: ReadyJob, clientRev: string, roundId = ready.roundId, key = ready.dev.token) {
  return fetchBytes(app, 'POST', `/v1/jobs/${ready.jobId}/final`, { key, body: finalBody(sampleJob('J0005').final, roundId, clientRev) });
}

t.test('retry, correction, access after unassignment and the status read', async (t) => {
  const ready = await readyJob(app, { photos: [{ id: 'img_a', caption: 'First round photo' }] });
  const other = await approvedDevice(app.pool);
  const none = await app.request('GET', `/v1/jobs/${ready.jobId}/final/status`, { key: ready.dev.token });
  t.same(none.body, { state: 'none', kind: null, client_revision_id: null, server_revision_id: null, report_ready: false, traq_pdf_ready: false, geojson_ready: false });
  t.equal((await app.request('GET', `/v1/jobs/${ready.jobId}/final/report`, { key: ready.dev.token })).body.code, 'report_letter_not_found');

  const first = await finalOf(ready, 'cr-1');
  t.equal(first.status, 200);
  const counts = await rowCounts(app, ready.jobPk);

  await t.test('a retry with the same client_revision_id answers the stored PDF and changes nothing', async (t) => {
    const again = await finalOf(ready, 'cr-1');
    t.equal(again.status, 200, 'the unassigned finalizing device may repeat its own request');
    t.same(again.bytes, first.bytes, 'same PDF');
    t.same(await rowCounts(app, ready.jobPk), counts, 'no new rows, no events');
    const stranger = await finalOf(ready, 'cr-1', ready.roundId, other.token);
    t.equal(stranger.status, 403, 'another device still cannot');
    const fresh = await finalOf(ready, 'cr-other');
    t.equal(fresh.status, 403, 'a new request from the unassigned device is refused: it needs the job back first');
  });

  await t.test('the finalizing device reads the report and status after unassignment; another device cannot', async (t) => {
    const report = await fetchBytes(app, 'GET', `/v1/jobs/${ready.jobId}/final/report`, { key: ready.dev.token });
    t.equal(report.status, 200);
    t.equal(report.headers.get('content-type'), 'application/pdf');
    t.match(report.headers.get('content-disposition'), /filename="report_letter.pdf"/);
    t.same(report.bytes, await app.store.readBuffer(`jobs/${ready.jobId}/final_report_letter.pdf`));
    const status = await app.request('GET', `/v1/jobs/${ready.jobId}/final/status`, { key: ready.dev.token });
    t.same(status.body, { state: 'final', kind: 'final', client_revision_id: 'cr-1', server_revision_id: 'rev_round_1', report_ready: true, traq_pdf_ready: true, geojson_ready: true });
    t.equal((await app.request('GET', `/v1/jobs/${ready.jobId}/final/report`, { key: other.token })).status, 403);
    t.equal((await app.request('GET', `/v1/jobs/${ready.jobId}/final/status`, { key: other.token })).status, 403);
    t.equal((await app.request('GET', `/v1/jobs/job_nope/final/status`, { key: TEST_ADMIN_KEY })).status, 404);
  });

  await t.test('a correction is stored beside the final, which stays byte-identical', async (t) => {
    const finalRow = async () => (await app.pool.query(`SELECT row_to_json(f)::text AS j FROM job_finals f WHERE job_id = $1 AND kind = 'final'`, [ready.jobPk])).rows[0].j;
    const rowBefore = await finalRow();
    const filesBefore = await fileHashes(app, KEYS(ready.jobId, ''));
    const geoBefore = (await app.pool.query(`SELECT row_to_json(g)::text AS j FROM job_geojson_exports g WHERE job_id = $1 AND kind = 'final'`, [ready.jobPk])).rows[0].j;

    await must('reassign', app.admin('POST', `/v1/admin/jobs/${ready.jobId}/assign`, { device_id: ready.dev.deviceId }));
    const round2 = await reviewedRound(app, ready, { photos: [{ id: 'img_b', caption: 'Correction photo' }] });
    const corr = await finalOf(ready, 'cr-2', round2);
    t.equal(corr.status, 200, 'correction accepted');
    t.same(corr.bytes, await app.store.readBuffer(`jobs/${ready.jobId}/final_traq_page1_correction.pdf`), 'answers the correction PDF');

    t.equal(await finalRow(), rowBefore, 'final row unchanged');
    t.same(await fileHashes(app, KEYS(ready.jobId, '')), filesBefore, 'final files unchanged');
    t.equal((await app.pool.query(`SELECT row_to_json(g)::text AS j FROM job_geojson_exports g WHERE job_id = $1 AND kind = 'final'`, [ready.jobPk])).rows[0].j, geoBefore, 'final GeoJSON row unchanged');
    await checkArtifacts(t, app, ready.jobPk, [...KEYS(ready.jobId, ''), ...KEYS(ready.jobId, '_correction')]);

    const { rows } = await app.pool.query(`SELECT payload, round_id, client_revision_id FROM job_finals WHERE job_id = $1 AND kind = 'correction'`, [ready.jobPk]);
    t.match(rows[0], { round_id: round2, client_revision_id: 'cr-2' });
    t.same(rows[0].payload.report_images.map((i: any) => i.caption), ['First round photo', 'Correction photo'], "the final's photos carried into the correction");
    const job = await jobRow(app, ready.jobPk);
    t.match(job, { status: 'ARCHIVED', latest_round_status: 'REVIEW_RETURNED', assigned: 0 });
    const status = await app.request('GET', `/v1/jobs/${ready.jobId}/final/status`, { key: ready.dev.token });
    t.match(status.body, { state: 'correction', kind: 'correction', client_revision_id: 'cr-2', server_revision_id: `rev_${round2}`, report_ready: true });
    const report = await fetchBytes(app, 'GET', `/v1/jobs/${ready.jobId}/final/report`, { key: ready.dev.token });
    t.same(report.bytes, await app.store.readBuffer(`jobs/${ready.jobId}/final_report_letter_correction.pdf`), 'report prefers the correction');

    const counts2 = await rowCounts(app, ready.jobPk);
    const old = await finalOf(ready, 'cr-1');
    t.same(old.bytes, first.bytes, 'the original request retried still answers the final PDF, not a new correction');
    const corrAgain = await finalOf(ready, 'cr-2', round2);
    t.same(corrAgain.bytes, corr.bytes, 'the correction retried answers the correction PDF');
    t.same(await rowCounts(app, ready.jobPk), counts2, 'nothing created by either retry');

    await t.test('the database refuses to change or delete a final', async (t) => {
      await rejectsWith(t, app.pool.query(`UPDATE job_finals SET payload = '{}' WHERE job_id = $1 AND kind = 'final'`, [ready.jobPk]), { message: /immutable/ });
      await rejectsWith(t, app.pool.query(`DELETE FROM job_finals WHERE job_id = $1 AND kind = 'final'`, [ready.jobPk]), { message: /immutable/ });
    });
  });
});

t.test('a failure after rendering and before commit leaves no row, no file, no status change', async (t) => {
  const ready = await readyJob(app, { photos: [{ id: 'img_x', caption: 'x' }] });
  const before = { job: await jobRow(app, ready.jobPk), counts: await rowCounts(app, ready.jobPk), files: await app.store.list(`jobs/${ready.jobId}`) };
  const tmpBefore = await stagedNames(app.store);
  let sawRows = -1;
  const principal = { kind: 'device', role: 'arborist', isAdmin: false, deviceId: ready.dev.deviceId, devicePk: ready.dev.devicePk, identity: `device:${ready.dev.deviceId}` } as const;
  await rejectsWith(
    t,
    finalizeJob({ pool: app.pool, store: app.store, traqTemplate: template }, principal, ready.jobId, finalBody(sampleJob('J0003').final, ready.roundId, 'cr-fail'), {
      hooks: {
        beforeCommit: async (tx) => {
          sawRows = (await tx.query('SELECT count(*)::int AS n FROM job_finals WHERE job_id = $1', [ready.jobPk])).rows[0].n;
          throw new Error('injected failure');
        },
      },
    }),
    { message: 'injected failure' },
  );
  t.equal(sawRows, 1, 'the hook ran after the rows were written');
  t.same(await jobRow(app, ready.jobPk), before.job, 'job row unchanged (status, tree, assignment)');
  t.same(await rowCounts(app, ready.jobPk), before.counts, 'no final, artifact, GeoJSON or event row');
  t.same(await app.store.list(`jobs/${ready.jobId}`), before.files, 'no output file');
  t.same(await stagedNames(app.store), tmpBefore, 'no staged file left behind');

  const ok = await fetchBytes(app, 'POST', `/v1/jobs/${ready.jobId}/final`, { key: ready.dev.token, body: finalBody(sampleJob('J0003').final, ready.roundId, 'cr-fail') });
  t.equal(ok.status, 200, 'the same request succeeds afterwards');
});

t.test('preconditions and validation', async (t) => {
  const ready = await readyJob(app);
  const post = (body: unknown, key: string | null = ready.dev.token) => app.request('POST', `/v1/jobs/${ready.jobId}/final`, { key, body });
  const body = finalBody(sampleJob('J0001').final, ready.roundId, 'cr-p');
  t.equal((await post(body, null)).status, 401, 'credentials first');
  const bad = await post({ ...body, form: undefined });
  t.equal(bad.status, 422, 'missing form');
  t.match(bad.body.detail, [{ loc: ['body', 'form'] }]);
  t.equal((await post({ ...body, narrative: 'text' })).status, 422, 'narrative must be an object');
  t.match((await post({ ...body, round_id: 'round_9' })).body, { code: 'round_not_found', detail: 'Round not found' });

  const { body: r2 } = await must('round 2', app.request('POST', `/v1/jobs/${ready.jobId}/rounds`, { key: ready.dev.token }));
  const noReview = await post({ ...body, round_id: r2.round_id });
  t.equal(noReview.status, 409);
  t.equal(noReview.body.code, 'review_required');
  await app.pool.query(`UPDATE job_rounds SET status = 'SUBMITTED_FOR_PROCESSING' WHERE job_id = $1 AND round_id = $2`, [ready.jobPk, r2.round_id]);
  const processing = await post(body);
  t.equal(processing.status, 409);
  t.equal(processing.body.code, 'job_processing', 'no final while a round is processing');
  t.equal((await jobRow(app, ready.jobPk)).status, 'DRAFT', 'nothing changed');
  t.equal((await rowCounts(app, ready.jobPk)).finals, 0);
  const stranger = await approvedDevice(app.pool);
  t.equal((await post(body, stranger.token)).status, 403, 'guarded');
  t.equal((await app.request('POST', '/v1/jobs/job_missing/final', { key: TEST_ADMIN_KEY, body })).status, 404);
});

t.test('admin set-final / set-correction from JSON and the final inspect', async (t) => {
  const sample = sampleJob('J0001').final;
  await must('job', app.admin('POST', '/v1/admin/jobs', { job_id: 'job_import_1', job_number: 'J7001' }));
  const dev = await approvedDevice(app.pool);
  await must('assign', app.admin('POST', '/v1/admin/jobs/job_import_1/assign', { device_id: dev.deviceId }));
  const empty = await app.admin('GET', '/v1/admin/jobs/J7001/final/inspect');
  t.match(empty.body, { job_id: 'job_import_1', final: { exists: false, json_path: null }, correction: { exists: false } });

  const set = await app.admin('POST', '/v1/admin/jobs/J7001/final/set-final', { payload: sample });
  t.equal(set.status, 200, set.text);
  t.same(set.body, {
    ok: true,
    job_id: 'job_import_1',
    kind: 'final',
    status: 'ARCHIVED',
    artifacts: ['jobs/job_import_1/final.json', 'jobs/job_import_1/final.geojson', 'jobs/job_import_1/final_traq_page1.pdf'],
  });
  const { rows } = await app.pool.query(`SELECT j.id, j.status, j.archived_at, f.payload, g.payload AS geojson,
        (SELECT count(*)::int FROM job_assignments a WHERE a.job_id = j.id) AS assigned
      FROM jobs j JOIN job_finals f ON f.job_id = j.id AND f.kind = 'final' JOIN job_geojson_exports g ON g.job_final_id = f.id WHERE j.job_id = 'job_import_1'`);
  t.same(rows[0].payload, sample, 'payload stored as given');
  t.same(rows[0].geojson, buildFinalGeoJson(sample, 'J7001'), 'GeoJSON built from the payload');
  t.match(rows[0], { status: 'ARCHIVED', assigned: 0 });
  t.equal(rows[0].archived_at.toISOString(), new Date(sample.archived_at).toISOString(), "archived_at from the payload");
  await checkArtifacts(t, app, rows[0].id, ['jobs/job_import_1/final.json', 'jobs/job_import_1/final.geojson', 'jobs/job_import_1/final_traq_page1.pdf']);
  const drawn = await pdfText(await app.store.readBuffer('jobs/job_import_1/final_traq_page1.pdf'));
  t.equal(drawn.pages.length, 2, 'the import drew the TRAQ form from the payload (two pages)');

  const again = await app.admin('POST', '/v1/admin/jobs/J7001/final/set-final', { payload: sample });
  t.equal(again.status, 409);
  t.equal(again.body.code, 'final_exists');

  const geojson = { type: 'FeatureCollection', features: [] };
  const corr = await app.admin('POST', '/v1/admin/jobs/job_import_1/final/set-correction', { payload: { ...sample, narrative: { text: 'Corrected' } }, geojson });
  t.equal(corr.status, 200, corr.text);
  const inspect = await app.admin('GET', '/v1/admin/jobs/job_import_1/final/inspect');
  t.match(inspect.body, {
    job_id: 'job_import_1',
    final: {
      exists: true,
      json_path: 'jobs/job_import_1/final.json',
      json_file_exists: true,
      geojson_exists: true,
      traq_pdf_exists: true,
      report_pdf_exists: false,
      round_id: sample.round_id,
      user_name: sample.user_name,
      transcript_length: sample.transcript.length,
      image_count: sample.report_images.length,
    },
    correction: { exists: true, json_path: 'jobs/job_import_1/final_correction.json', geojson_exists: true },
  });
  t.same(JSON.parse((await app.store.readBuffer('jobs/job_import_1/final_correction.geojson')).toString()), geojson, 'the given GeoJSON stored');
  t.equal((await app.admin('GET', '/v1/admin/jobs/J9999/final/inspect')).body.detail, 'Job not found: J9999');
  t.equal((await app.admin('POST', '/v1/admin/jobs/J9999/final/set-final', { payload: sample })).status, 404);
  t.equal((await app.admin('POST', '/v1/admin/jobs/J7001/final/set-final', { payload: { no: 'form' } })).status, 422);
  t.equal((await app.request('GET', '/v1/admin/jobs/J7001/final/inspect', { key: dev.token })).status, 403, 'admins only');
});

t.test('two finals racing: one final row, and every stored file matches its artifacts row', async (t) => {
  const ready = await readyJob(app, { photos: [{ id: 'img_r', caption: 'race' }] });
  const body = (cr: string) => finalBody(sampleJob('J0004').final, ready.roundId, cr);
  const results = await Promise.all(['race-a', 'race-b'].map((cr) => fetchBytes(app, 'POST', `/v1/jobs/${ready.jobId}/final`, { key: TEST_ADMIN_KEY, body: body(cr) })));
  const statuses = results.map((r) => r.status).sort();
  t.ok(statuses.includes(200), 'one wins');
  t.ok(statuses.every((s) => s === 200 || s === 409), `the other is a correction or 409 final_exists (${statuses})`);
  const { rows } = await app.pool.query(`SELECT kind FROM job_finals WHERE job_id = $1 ORDER BY kind`, [ready.jobPk]);
  t.equal(rows.filter((r) => r.kind === 'final').length, 1, 'exactly one final');
  const expected = rows.flatMap((r) => KEYS(ready.jobId, r.kind === 'final' ? '' : '_correction'));
  await checkArtifacts(t, app, ready.jobPk, expected);
  t.same((await app.store.list(`jobs/${ready.jobId}`)).filter((k) => !k.includes('/rounds/')).sort(), [...expected].sort(), 'no stray output file');
});

t.test('the export feed and image fetch see the final', async (t) => {
  const ready = await readyJob(app, { photos: [{ id: 'img_e', caption: 'Exported photo' }] });
  t.equal((await fetchBytes(app, 'POST', `/v1/jobs/${ready.jobId}/final`, { key: ready.dev.token, body: finalBody(sampleJob('J0006').final, ready.roundId, 'cr-e') })).status, 200);
  let cursor: string | undefined;
  let completed: any;
  await feedSettled(app.pool);
  for (let page = 0; page < 20 && !completed; page++) {
    const r = await app.admin('GET', `/v1/export/changes?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    completed = r.body.completed.find((j: any) => j.job_id === ready.jobId);
    if (!r.body.has_more) break;
    cursor = r.body.cursor;
  }
  t.match(completed, { category: 'completed', final: { kind: 'final', round_id: ready.roundId, report_images: [{ caption: 'Exported photo' }] } });
  const img = await fetchBytes(app, 'GET', `/v1/export/jobs/${ready.jobId}/images/report_1`, { key: TEST_ADMIN_KEY });
  t.equal(img.status, 200);
  t.equal(img.headers.get('content-type'), 'image/jpeg');
  t.same((await app.admin('GET', `/v1/export/jobs/${ready.jobId}/geojson`)).body, (await app.pool.query(`SELECT payload FROM job_geojson_exports WHERE job_id = $1`, [ready.jobPk])).rows[0].payload);
});
