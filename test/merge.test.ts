import t from 'tap';
import { coerceAnswer, type SectionAnswer, type SectionId } from '../src/form/index.js';
import { applyFormPatch, deepMerge, mergeExtraction, mergeRiskRows, patchNarrative, prunePatch } from '../src/processing/merge.js';

/** A recorded extractor answer: full shape, as the provider returns it after coercion. */
const answer = <S extends SectionId>(section: S, values: Record<string, unknown>): SectionAnswer<S> => coerceAnswer(section, values);
const form = (data: Record<string, unknown>) => ({ schema_name: 'demo', schema_version: '0.0', data });

t.test('client patch: blanks never erase, user values replace', async (t) => {
  t.same(prunePatch({ a: null, b: '', c: '  ', d: {}, e: [], f: { g: null, h: [null, ''] }, keep: { zero: 0, no: false, s: 'x' } }), { keep: { zero: 0, no: false, s: 'x' } });
  t.equal(prunePatch({ data: {} }), undefined, 'the template patch {data: {}} is no patch');
  t.same(deepMerge({ a: { b: 1, c: [1, 2] } }, { a: { c: [3] } }), { a: { b: 1, c: [3] } }, 'arrays replace, objects merge');

  const base = form({ trunk: { section_id: 'trunk', cracks: true, main_concerns: 'decay at base' }, client_tree_details: { section_id: 'client_tree_details', tree_species: 'Quercus lobata' } });
  const patched = applyFormPatch(base, { data: { trunk: { cracks: false, main_concerns: '' }, client_tree_details: { tree_species: null, dbh: 20 } } });
  t.same(patched.data.trunk, { section_id: 'trunk', cracks: false, main_concerns: 'decay at base' }, 'false is a value; "" does not erase');
  t.same(patched.data.client_tree_details, { section_id: 'client_tree_details', tree_species: 'Quercus lobata', dbh: 20 }, 'null does not erase');
  t.same(applyFormPatch(form({}), { trunk: { cracks: true } }).data.trunk, { section_id: 'trunk', cracks: true }, 'section keys at the top level work on an empty base too');
  t.same(applyFormPatch(base, { schema_version: '0.1', data: {} }).schema_version, '0.1', 'a patch with envelope keys merges into the envelope');
  t.same(
    applyFormPatch(form({ risk_categorization: [{ condition: 'a' }, { condition: 'b' }] }), { risk_categorization: [{ condition: 'c' }] }).data.risk_categorization,
    [{ condition: 'c' }],
    'a list in the patch replaces the list',
  );
  t.same(base.data.trunk, { section_id: 'trunk', cracks: true, main_concerns: 'decay at base' }, 'the base is not modified');

  t.equal(patchNarrative({ text: 'Mine.' }), 'Mine.');
  t.equal(patchNarrative({ text: '' }), null, 'the template narrative "" is no narrative');
  t.equal(patchNarrative(null), null);
  t.equal(patchNarrative({ text: null }), null);
});

t.test('flat sections fill blanks only, first write wins', async (t) => {
  const data = { load_factors: { section_id: 'x', wind_exposure: 'partial', crown_density: '', relative_crown_size: null } };
  const out = mergeExtraction(data, 'load_factors', answer('load_factors', { wind_exposure: 'full', crown_density: 'dense', relative_crown_size: 'large', wind_funneling: false }));
  t.same(out.load_factors, {
    section_id: 'load_factors',
    wind_exposure: 'partial',
    crown_density: 'dense',
    relative_crown_size: 'large',
    wind_funneling: false,
    wind_funneling_notes: null,
    interior_branches_density: null,
    vines_mistletoe_moss_present: null,
    vines_mistletoe_moss_notes: null,
    recent_change_in_load_factors: null,
  }, 'existing value kept, blanks filled, missing keys created, section_id set');
  t.same(data.load_factors, { section_id: 'x', wind_exposure: 'partial', crown_density: '', relative_crown_size: null }, 'input not modified');

  const rating = mergeExtraction({ overall_tree_risk_rating: { rating: 'moderate' } }, 'overall_tree_risk_rating', answer('overall_tree_risk_rating', { rating: 'high' }));
  t.same(rating.overall_tree_risk_rating, { rating: 'moderate', section_id: 'overall_tree_risk_rating' }, 'a later round does not change a rating');
  const limits = mergeExtraction({}, 'inspection_limitations', answer('inspection_limitations', { visibility: true, none: false }));
  t.same(limits.inspection_limitations, { none: false, visibility: true, access: null, vines: null, root_collar_buried: null, section_id: 'inspection_limitations' });
});

t.test('client_tree_details: tree number as a string, date and time from the earliest recording', async (t) => {
  const recorded = answer('client_tree_details', { tree_number: 'two', dbh: 'twenty', tree_species: 'Quercus agrifolia' });
  const out = mergeExtraction({}, 'client_tree_details', recorded, { earliestRecordedAt: '2026-03-24T10:31:27-07:00' });
  t.match(out.client_tree_details, { tree_number: '2', dbh: 20, tree_species: 'Quercus agrifolia', date: '2026-03-24', time: '10:31' });
  const stated = mergeExtraction({}, 'client_tree_details', answer('client_tree_details', { date: '03/25/2026', time: '9:15' }), { earliestRecordedAt: '2026-03-24T10:31:00Z' });
  t.match(stated.client_tree_details, { date: '03/25/2026', time: '9:15' }, 'stated values beat the recording time');
  const existing = mergeExtraction({ client_tree_details: { date: '03/01/2026', tree_number: '7' } }, 'client_tree_details', recorded, { earliestRecordedAt: '2026-03-24T10:31:00' });
  t.match(existing.client_tree_details, { date: '03/01/2026', time: '10:31', tree_number: '7' }, 'existing values are kept');
  const utc = mergeExtraction({}, 'client_tree_details', recorded, { earliestRecordedAt: '2026-03-24T17:31:00Z' });
  t.match(utc.client_tree_details, { date: null, time: null }, 'a UTC time does not tell the field clock: no default');
  const none = mergeExtraction({}, 'client_tree_details', answer('client_tree_details', {}));
  t.match(none.client_tree_details, { date: null, time: null, tree_number: null }, 'no recording time: nothing invented');
});

t.test('nested sections fill one level into sub-objects', async (t) => {
  const data = {
    crown_and_branches: { dead_twigs: true, pruning_history: { thinned: true, other: 'professionally maintained', topped: null } },
    tree_health_and_species: { vigor: 'high', foliage: null },
  };
  const crown = mergeExtraction(data, 'crown_and_branches', answer('crown_and_branches', { dead_twigs: false, lcr_percent: 70, pruning_history: { thinned: false, topped: true, other: 'recent cuts' } }));
  const c = crown.crown_and_branches as any;
  t.equal(c.dead_twigs, true, 'existing boolean kept');
  t.equal(c.lcr_percent, 70);
  t.same(c.pruning_history, { thinned: true, other: 'professionally maintained', topped: true, crown_cleaned: null, raised: null, reduced: null, lion_tailed: null, flush_cuts: null });
  const health = mergeExtraction(data, 'tree_health_and_species', answer('tree_health_and_species', { vigor: 'low', foliage: { normal_percent: 100 } }));
  const h = health.tree_health_and_species as any;
  t.equal(h.vigor, 'high');
  t.equal(h.foliage.normal_percent, 100, 'a null sub-object is filled whole');
});

t.test('site factors: scalars fill, describe and notes append, group values fill where null', async (t) => {
  const data = {
    site_factors: {
      history_of_failures: 'No history of failures',
      prevailing_wind_direction: null,
      notes: 'Windy site.',
      site_changes: { none: false, root_cuts: true, landscape_environment: null },
      soil_conditions: { compacted: false, describe: 'Pavement over roots' },
      common_weather: { strong_winds: true, describe: null },
    },
  };
  const recorded = answer('site_factors', {
    history_of_failures: 'Limb failure in 2019',
    prevailing_wind_direction: 'W',
    site_changes: { none: true, root_cuts: false, grade_change: true, landscape_environment: 'Large urban park' },
    soil_conditions: { compacted: true, percent: 30, describe: 'Pavement over roots' },
    common_weather: { strong_winds: false, heavy_rain: true, describe: 'Heavy winter rain' },
    topography: { flat: true },
  });
  const s = mergeExtraction(data, 'site_factors', recorded).site_factors as any;
  t.equal(s.history_of_failures, 'No history of failures', 'first write wins');
  t.equal(s.prevailing_wind_direction, 'W', 'blank filled');
  t.same(s.site_changes, { none: false, root_cuts: true, landscape_environment: 'Large urban park', grade_change: true, site_clearing: null, changed_soil_hydrology: null });
  t.equal(s.soil_conditions.compacted, false, 'an explicit false is not overwritten');
  t.equal(s.soil_conditions.percent, 30);
  t.equal(s.soil_conditions.describe, 'Pavement over roots', 'text already contained is not appended twice');
  t.equal(s.common_weather.describe, 'Heavy winter rain', 'blank describe filled');
  t.equal(s.common_weather.strong_winds, true);
  t.same(s.topography, { flat: true, slope: null, slope_percent: null, aspect: null }, 'a missing group is created');
  t.equal(s.notes, 'Windy site.', 'notes are not extracted; kept');

  const again = mergeExtraction({ site_factors: s }, 'site_factors', answer('site_factors', { soil_conditions: { describe: 'shallow soil' }, common_weather: { describe: 'ice storms' } })).site_factors as any;
  t.equal(again.soil_conditions.describe, 'Pavement over roots shallow soil', 'soil describe appended with a space');
  t.equal(again.common_weather.describe, 'Heavy winter rain ice storms', 'weather describe appended with a space');
  const notes = mergeExtraction({ site_factors: { notes: 'A' } }, 'site_factors', { ...answer('site_factors', {}), notes: 'B' } as any).site_factors as any;
  t.equal(notes.notes, 'A B', 'notes (tolerated) append with a space');
});

t.test('targets merge by position, extra targets appended', async (t) => {
  const data = { target_assessment: { targets: [{ target_number: '1', label: 'ParkingLot', occupancy_rate: null, zone_within_drip_line: true }] } };
  const recorded = answer('target_assessment', {
    targets: [
      { target_number: '1', label: 'Road', occupancy_rate: 'two', zone_within_drip_line: false },
      { target_number: '2', label: 'Sidewalk', occupancy_rate: 3 },
      {},
    ],
  });
  const targets = (mergeExtraction(data, 'target_assessment', recorded).target_assessment as any).targets;
  t.equal(targets.length, 2, 'the all-null third row is not appended');
  t.match(targets[0], { target_number: '1', label: 'ParkingLot', occupancy_rate: 2, zone_within_drip_line: true, practical_to_move: null });
  t.match(targets[1], { target_number: '2', label: 'Sidewalk', occupancy_rate: 3 });
});

t.test('notes: appended with a blank line, collapsed, capped at 230 at a word boundary', async (t) => {
  const first = mergeExtraction({}, 'notes_explanations_descriptions', answer('notes_explanations_descriptions', { notes: 'Healthy oak   over the lot.' }));
  t.equal((first.notes_explanations_descriptions as any).notes, 'Healthy oak over the lot.');
  const same = mergeExtraction(first, 'notes_explanations_descriptions', answer('notes_explanations_descriptions', { notes: 'over the lot.' }));
  t.equal((same.notes_explanations_descriptions as any).notes, 'Healthy oak over the lot.', 'contained text not appended');
  const more = mergeExtraction(first, 'notes_explanations_descriptions', answer('notes_explanations_descriptions', { notes: 'Sap ooze on the north side.' }));
  t.equal((more.notes_explanations_descriptions as any).notes, 'Healthy oak over the lot. Sap ooze on the north side.', 'the blank line collapses');
  const long = mergeExtraction(more, 'notes_explanations_descriptions', answer('notes_explanations_descriptions', { notes: 'Boreholes observed along the lower trunk. '.repeat(6) }));
  const notes = (long.notes_explanations_descriptions as any).notes as string;
  t.ok(notes.length <= 230, `capped (${notes.length})`);
  t.ok(notes.startsWith('Healthy oak over the lot. Sap ooze'), 'the first write is kept');
  t.match(notes, /(^|\s)\S+$/, 'ends on a whole word');
  t.ok('Boreholes observed along the lower trunk.'.split(' ').includes(notes.split(' ').at(-1)!), 'the last word is a whole word of the text');
});

t.test('mitigation options: new (option, residual risk) pairs appended, at most 4', async (t) => {
  let data: Record<string, unknown> = { mitigation_options: { options: [{ option: 'Prune over the lot', residual_risk: 'low' }] } };
  const add = (option: string | null, residual_risk: string | null) => {
    data = mergeExtraction(data, 'mitigation_options', answer('mitigation_options', { options: [{ option, residual_risk }] }));
  };
  add('prune over the lot ', 'Low');
  add(null, null);
  add('Prune over the lot', 'moderate');
  add('Remove deadwood', 'low');
  add('Cable the codominant stems', 'low');
  add('Remove the tree', 'low');
  const options = (data.mitigation_options as any).options;
  t.same(options.map((o: any) => `${o.option}/${o.residual_risk}`), ['Prune over the lot/low', 'Prune over the lot/moderate', 'Remove deadwood/low', 'Cable the codominant stems/low'], 'duplicates and empty rows skipped; stops at 4');
});

t.test('risk rows merge by index, fill empty cells, keep surplus rows', async (t) => {
  const existing = [
    { condition_number: '1', tree_part: 'Crown', condition: 'extended branches', risk_rating: null, fall_distance: '' },
    { condition_number: '2', tree_part: 'Trunk', condition: 'sap ooze' },
    { condition_number: '3', tree_part: 'Roots', condition: 'pavement' },
  ];
  const recorded = answer('risk_categorization', {
    rows: [
      { condition_number: '1', tree_part: 'Trunk', risk_rating: 'low', fall_distance: "40'" },
      { condition_number: '2', consequences: 'severe' },
    ],
  });
  const rows = mergeExtraction({ risk_categorization: existing }, 'risk_categorization', recorded).risk_categorization as any[];
  t.equal(rows.length, 3, 'surplus existing row kept');
  t.match(rows[0], { tree_part: 'Crown', condition: 'extended branches', risk_rating: 'low', fall_distance: "40'" });
  t.match(rows[1], { condition: 'sap ooze', consequences: 'severe' });
  t.same(rows[2], existing[2]);
  const appended = mergeRiskRows([{ condition_number: '1' }], answer('risk_categorization', { rows: [{}, { condition_number: '2', condition: 'girdling root' }] }).rows);
  t.match(appended, [{ condition_number: '1' }, { condition_number: '2', condition: 'girdling root' }], 'extra rows appended');
  t.same(mergeRiskRows({ rows: [{ condition: 'legacy' }] }, []), [{ condition: 'legacy' }], 'a legacy {rows} object is read as rows');
});
