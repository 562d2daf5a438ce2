/**
 * The JSON outputs of a final: the GeoJSON scrubbing (data-model §7.2) on every sample job,
 * and the final.json builder (data-model §7.1) rebuilt from each sample's own parts.
 */
import t from 'tap';
import {
  buildFinalPayload,
  chooseProfile,
  clampNotes,
  finalJsonBuffer,
  normalizeFormData,
  prepareFinalForm,
  selectReportImages,
} from '../src/documents/final-payload.js';
import { buildFinalGeoJson, geoJsonBuffer, scrubFormData, treeGeometry } from '../src/documents/geojson.js';
import type { ReportImage } from '../src/documents/types.js';
import { SAMPLE_JOBS, sampleJob } from './helpers/samples.js';

t.test('GeoJSON of every sample job equals its final.geojson', async (t) => {
  for (const id of SAMPLE_JOBS) {
    const job = sampleJob(id);
    const built = buildFinalGeoJson(job.final, job.manifest.job_number);
    const expected = structuredClone(job.geojson);
    if (id === 'J0003') {
      // data-model §10 item 14: the real J0003 export says job_number null because the old
      // server read it from the payload, which has none. The rule takes it from the job row.
      t.equal(expected.features[0].properties.job_number, null, 'J0003 sample publishes job_number null');
      t.equal(built.features[0].properties.job_number, 'J0003', 'J0003: job_number comes from the job');
      expected.features[0].properties.job_number = 'J0003';
    }
    t.same(built, expected, `${id}: GeoJSON equals the sample`);
    t.same(JSON.parse(geoJsonBuffer(built).toString('utf8')), built, `${id}: the file is the same JSON`);
  }
});

t.test('GeoJSON scrubbing removes exactly the customer-identifying keys', async (t) => {
  const job = sampleJob('J0003');
  const data = job.final.form.data;
  const scrubbed = scrubFormData(data);
  const details = scrubbed.client_tree_details as Record<string, unknown>;
  for (const k of ['client', 'address_tree_location', 'assessors', 'date', 'time']) t.notOk(k in details, `${k} removed`);
  for (const k of ['gps', 'tree_number', 'tree_species', 'dbh', 'height', 'crown_spread_dia', 'tools_used']) t.ok(k in details, `${k} kept`);
  t.ok('client' in data.client_tree_details, 'the payload itself is not modified');
  t.same(Object.keys(scrubbed).sort(), Object.keys(data).sort(), 'every section is kept');

  const fc = buildFinalGeoJson(job.final, 'J0003');
  const text = geoJsonBuffer(fc).toString('utf8');
  for (const secret of ['Field test 1', 'Eleanor river access', 'transcript', 'narrative', 'correspondence', '/app/local_data', 'stored_path'])
    t.notOk(text.includes(secret), `not published: ${secret}`);
  t.ok(text.includes('Roger Erismann'), 'user_name is published (data-model §7.2)');
  t.same(fc.features[0].properties.images[0], { caption: 'the tree in the middle', uploaded_at: '2026-03-24T20:16:10.690104Z' });
});

t.test('GeoJSON geometry: numbers or numeric strings in range, else null', async (t) => {
  const at = (gps: unknown) => treeGeometry({ client_tree_details: { gps } });
  t.same(at({ latitude: 38.5, longitude: -121 }), { type: 'Point', coordinates: [-121, 38.5] });
  t.same(at({ latitude: ' 38.5 ', longitude: '-121.25' }), { type: 'Point', coordinates: [-121.25, 38.5] });
  t.same(at({ latitude: 90, longitude: 180 }), { type: 'Point', coordinates: [180, 90] }, 'bounds are inclusive');
  t.equal(at({ latitude: 90.1, longitude: 0 }), null, 'latitude out of range');
  t.equal(at({ latitude: 0, longitude: -180.5 }), null, 'longitude out of range');
  t.equal(at({ latitude: 'north', longitude: 1 }), null, 'not numeric');
  t.equal(at({ latitude: '', longitude: 1 }), null, 'blank');
  t.equal(at({ latitude: null, longitude: 1 }), null, 'null');
  t.equal(at({ latitude: true, longitude: 1 }), null, 'boolean');
  t.equal(at({ latitude: Number.NaN, longitude: 1 }), null, 'NaN');
  t.equal(at({ longitude: 1 }), null, 'missing latitude');
  t.equal(at(null), null, 'no gps');
  t.equal(treeGeometry({}), null, 'no client_tree_details');
  const fc = buildFinalGeoJson({ form: { data: {} }, user_name: null, report_images: [] } as any, null);
  t.same(fc.features[0], { type: 'Feature', geometry: null, properties: { job_number: null, user_name: null, form_data: {}, images: [] } });
});

/** The payload parts a sample final was built from, as the endpoint would pass them. */
function partsOf(sample: any) {
  return {
    job_id: sample.job_id,
    round_id: sample.round_id,
    server_revision_id: sample.server_revision_id,
    client_revision_id: sample.client_revision_id,
    form: sample.form,
    tree_number: sample.form.data.client_tree_details?.tree_number ?? null,
    review: { transcript: sample.transcript },
    narrative: sample.narrative,
    profile: sample.profile,
    report_images: sample.report_images,
    archived_at: sample.archived_at,
  };
}

t.test('final.json rebuilt from every sample job has the sample shape', async (t) => {
  for (const id of SAMPLE_JOBS) {
    const { final } = sampleJob(id);
    const built = buildFinalPayload(partsOf(final));
    const expected = structuredClone(final);
    // Synthetic fixtures carry job_number/project/project_slug; the runtime payload never did
    // (data-model §7.1 "exactly these keys"): they live on the job row, not in final.json.
    for (const k of ['job_number', 'project', 'project_slug']) delete expected[k];
    // The profile is always the eight-key ProfilePayload (api.md §2.3); sparse fixtures gain nulls.
    expected.profile = { name: null, phone: null, isa_number: null, correspondence_street: null, correspondence_city: null, correspondence_state: null, correspondence_zip: null, correspondence_email: null, ...expected.profile };
    // The final form always has risk_categorization (api.md §5.2 step 4) and the normaliser
    // (§4.4) makes crown_and_branches.cracks_notes exist; the synthetic fixtures were written
    // by hand without them.
    if (!Array.isArray(expected.form.data.risk_categorization)) expected.form.data.risk_categorization = [];
    if (expected.form.data.crown_and_branches && !('cracks_notes' in expected.form.data.crown_and_branches))
      expected.form.data.crown_and_branches.cracks_notes = null;
    t.same(built, expected, `${id}: payload equals the sample (modulo the documented differences)`);
    t.same(Object.keys(built), ['job_id', 'round_id', 'server_revision_id', 'client_revision_id', 'archived_at', 'transcript', 'form', 'narrative', 'user_name', 'profile', 'report_images'], `${id}: exactly the runtime keys`);
    t.same(JSON.parse(finalJsonBuffer(built).toString('utf8')), built, `${id}: the file is the same JSON`);
  }
  const real = buildFinalPayload(partsOf(sampleJob('J0003').final));
  t.same(real, sampleJob('J0003').final, 'J0003 (real field data) round-trips exactly');
  t.notOk('stored_path' in real.report_images[0]!, 'legacy report images without stored_path stay without it');
});

t.test('final form preparation (api.md §5.2 step 4, §4.4 normaliser)', async (t) => {
  const form = {
    schema_name: 'demo',
    schema_version: '0.0',
    data: {
      client_tree_details: { section_id: 'client_tree_details', tree_number: '9' },
      site_factors: { section_id: 'site_factors', landscape_environment: 'Park', site_changes: { describe: 'old', none: true } },
      recommended_inspection_interval: { section_id: 'recommended_inspection_interval', interval: '12 months' },
      crown_and_branches: { section_id: 'crown_and_branches' },
      notes_explanations_descriptions: { section_id: 'notes_explanations_descriptions', notes: `  lots   of\n\nspace ${'word '.repeat(60)}` },
      risk_categorization: { not: 'a list' },
    },
  };
  const prepared = prepareFinalForm(form, 3);
  const d = prepared.data as any;
  t.equal(d.client_tree_details.tree_number, '3', 'authoritative tree number as a string');
  t.same(d.site_factors, { section_id: 'site_factors', site_changes: { none: true, landscape_environment: 'Park' } }, 'legacy landscape moved, describe dropped');
  t.same(d.recommended_inspection_interval, { section_id: 'recommended_inspection_interval', text: '12 months' }, 'interval → text');
  t.equal(d.crown_and_branches.cracks_notes, null, 'cracks_notes exists');
  t.same(d.risk_categorization, [], 'risk_categorization is a list');
  t.ok(d.notes_explanations_descriptions.notes.length <= 230, 'notes clamped');
  t.ok(d.notes_explanations_descriptions.notes.startsWith('lots of space word'), 'whitespace collapsed');
  t.notOk(d.notes_explanations_descriptions.notes.endsWith(' '), 'cut at a word boundary');
  t.equal((form.data.client_tree_details as any).tree_number, '9', 'the submitted form is not modified');
  t.equal((prepareFinalForm({ ...form, data: {} }, null).data as any).client_tree_details, undefined, 'no tree number, no section');
  t.same(prepareFinalForm({ ...form, data: {} }, 4).data, { risk_categorization: [], client_tree_details: { section_id: 'client_tree_details', tree_number: '4' } });

  t.equal(clampNotes('a'.repeat(300)), 'a'.repeat(230), 'one long word is cut hard');
  t.equal(clampNotes(`${'x'.repeat(229)} yz`), 'x'.repeat(229), 'the word crossing 230 is dropped');
  t.equal(clampNotes(`${'x'.repeat(225)} abcd`), `${'x'.repeat(225)} abcd`, 'exactly 230 is kept');
  const site = normalizeFormData({ site_factors: { section_id: 'site_factors' } }) as any;
  t.same(site.site_factors.site_changes, { landscape_environment: null }, 'site_changes.landscape_environment always exists');
});

t.test('profile choice and user_name', async (t) => {
  const stored = { name: 'Stored', phone: '1' };
  t.equal(chooseProfile({ name: ' ', phone: null }, stored)?.name, 'Stored', 'an empty submitted profile falls back to the stored one');
  t.equal(chooseProfile({ name: 'Sent' }, stored)?.name, 'Sent', 'a submitted profile wins');
  t.equal(chooseProfile(null, null), null, 'no profile at all');
  const p = buildFinalPayload({ ...partsOf(sampleJob('J0001').final), profile: null, review: null });
  t.equal(p.user_name, null);
  t.equal(p.profile, null);
  t.equal(p.transcript, '', 'no review → empty transcript');
  const at = buildFinalPayload({ ...partsOf(sampleJob('J0001').final), archived_at: new Date('2026-03-25T09:10:08.608Z') });
  t.equal(at.archived_at, '2026-03-25T09:10:08.608000Z', 'a Date becomes the microsecond Z form');
});

t.test('report image selection (api.md §5.2 step 6)', async (t) => {
  const img = (id: string, at: string, caption = id): ReportImage => ({ path: `/abs/${id}.report.jpg`, stored_path: `jobs/j/sections/job_photos/images/${id}.report.jpg`, caption, uploaded_at: at });
  const named = [img('b', '2026-03-02'), img('a', '2026-03-01')];
  const older = [img('c', '2026-02-01'), img('a', '2026-02-02', 'a (older round)')];
  const picked = selectReportImages({ namedRound: named, otherRoundsNewestFirst: [older] });
  t.same(picked.map((i) => i.caption), ['a (older round)', 'b', 'c'], 'named round sorted by time, later lists override in place');

  const many = Array.from({ length: 7 }, (_, i) => img(`n${i}`, `2026-03-0${i + 1}`));
  t.same(selectReportImages({ namedRound: many }).map((i) => i.caption), ['n0', 'n1', 'n2', 'n3', 'n4'], 'at most 5 per round and in all');

  const finalImgs = [img('f1', '2026-01-01'), img('f2', '2026-01-02')];
  const correction = selectReportImages({ namedRound: [img('x', '2026-04-01'), img('f2', '2026-04-02', 'f2 recaptioned')], previous: [finalImgs, []] });
  t.same(correction.map((i) => i.caption), ['f1', 'f2 recaptioned', 'x'], 'a correction keeps the final photos first');
});
