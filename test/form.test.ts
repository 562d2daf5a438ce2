import fs from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import { SAMPLES_DIR } from './helpers/samples.js';
import {
  blankForm,
  capNotes,
  coerceAnswer,
  extractionJsonSchema,
  extractionMessages,
  FormEnvelopeSchema,
  normalizeForm,
  normalizeFormData,
  parseLooseInt,
  SECTION_IDS,
} from '../src/form/index.js';

const SAMPLES = path.join(SAMPLES_DIR, 'jobs');
const sampleForms = fs
  .readdirSync(SAMPLES)
  .filter((d) => fs.existsSync(path.join(SAMPLES, d, 'final.json')))
  .map((d) => ({ job: d, form: JSON.parse(fs.readFileSync(path.join(SAMPLES, d, 'final.json'), 'utf8')).form }));

t.test('every sample final.json form validates and is already normal', async (t) => {
  t.equal(sampleForms.length, 10, 'ten sample jobs');
  for (const { job, form } of sampleForms) {
    const parsed = FormEnvelopeSchema.safeParse(form);
    t.ok(parsed.success, `${job} validates`, parsed.success ? {} : { issues: parsed.error.issues.slice(0, 3) });
    // The synthetic samples predate the cracks_notes default; normalising adds it and changes nothing else.
    const expected = structuredClone(form);
    expected.data.crown_and_branches.cracks_notes ??= null;
    t.same(normalizeForm(form), expected, `${job}: normalising an archived final only adds the defaults`);
  }
});

t.test('the stored schema rejects wrong types', async (t) => {
  t.notOk(FormEnvelopeSchema.safeParse({ data: { trunk: { cracks: 'yes' } } }).success, 'a boolean given as text');
  t.notOk(FormEnvelopeSchema.safeParse({ data: { client_tree_details: { dbh: '20' } } }).success, 'an int given as text');
  t.notOk(FormEnvelopeSchema.safeParse({ data: { risk_categorization: { rows: [] } } }).success, 'risk rows are an array');
  t.ok(FormEnvelopeSchema.safeParse({ data: { site_factors: { notes: 'x', extra: 1 } }, schema_name: 'demo', schema_version: '0.0' }).success, 'extra keys tolerated');
  t.ok(FormEnvelopeSchema.safeParse({ data: { client_tree_details: { tree_number: '3', gps: { latitude: 38.5, longitude: -121 } } } }).success, 'gps');
});

/** Walks a schema asserting OpenAI's strict structured-output rules; returns the number of leaves seen. */
function assertStrict(t: Test, node: any, where: string): number {
  const allowed = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'description', 'minimum', 'maximum', 'maxItems', 'minItems']);
  for (const k of Object.keys(node)) if (!allowed.has(k)) t.fail(`${where}: keyword ${k} is not allowed in strict mode`);
  const types: string[] = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('object')) {
    t.equal(node.additionalProperties, false, `${where}: additionalProperties false`);
    t.same([...node.required].sort(), Object.keys(node.properties).sort(), `${where}: every property required`);
    let leaves = 0;
    for (const [k, s] of Object.entries(node.properties)) leaves += assertStrict(t, s, `${where}.${k}`);
    return leaves;
  }
  if (types.includes('array')) return assertStrict(t, node.items, `${where}[]`);
  t.ok(types.includes('null') && types.length === 2, `${where}: nullable as a type union`);
  t.ok(['string', 'integer', 'boolean'].includes(types.find((x) => x !== 'null')!), `${where}: a scalar type`);
  if (node.enum) t.ok(node.enum.includes(null), `${where}: enum admits null`);
  return 1;
}

t.test('the extraction schemas of all 20 sections follow the strict rules', async (t) => {
  t.equal(SECTION_IDS.length, 20);
  let leaves = 0;
  for (const id of SECTION_IDS) {
    const schema = extractionJsonSchema(id);
    t.equal(schema.type, 'object', `${id}: the root is an object`);
    leaves += assertStrict(t, schema, id);
    const [system, user] = extractionMessages(id, 'TRANSCRIPT TEXT');
    t.match(system!.content, /strictly matches the schema/);
    t.match(user!.content, /^Section instructions:\n[\s\S]+\n\nTranscript:\nTRANSCRIPT TEXT$/);
  }
  t.equal(leaves, 173, 'the 173 fields of data-model §6.1 are all in the schemas');
  const risk = extractionJsonSchema('risk_categorization') as any;
  t.same(Object.keys(risk.properties), ['rows'], 'risk categorization is extracted as {rows}');
  t.same(risk.properties.rows.items.properties.impact_likelihood.enum, ['very_low', 'low', 'medium', 'high', null]);
  const targets = (extractionJsonSchema('target_assessment') as any).properties.targets;
  t.equal(targets.maxItems, 4);
  t.same(targets.items.properties.occupancy_rate, { type: ['integer', 'null'], minimum: 1, maximum: 4 });
});

t.test('coercion of extractor answers', async (t) => {
  const details = coerceAnswer('client_tree_details', {
    tree_number: 'tree number two',
    dbh: 'twenty-seven',
    height: '54 feet',
    crown_spread_dia: 'one hundred and five',
    sheet: 'one',
    of: 2.4,
    client: '  Field test 1 ',
    assessors: '',
    surprise: 'dropped',
  });
  t.match(details, { tree_number: 2, dbh: 27, height: 54, crown_spread_dia: 105, sheet: 1, of: 2, client: 'Field test 1', assessors: null, date: null });
  t.notOk('surprise' in details, 'unknown keys dropped');
  t.equal(Object.keys(details).length, 14, 'every field present');

  t.equal(parseLooseInt('two thousand three hundred'), 2300);
  t.equal(parseLooseInt('1,250 feet'), 1250);
  t.equal(parseLooseInt('about forty percent'), 40);
  t.equal(parseLooseInt('none'), null);
  t.equal(parseLooseInt(''), null);
  t.equal(parseLooseInt(null), null);

  const crown = coerceAnswer('crown_and_branches', { lcr_percent: 'one hundred fifty', dead_twigs_percent: '5%', cracks: 'no', load_on_defect: 'N/A', main_concerns: 'x'.repeat(300) });
  t.equal(crown.lcr_percent, null, 'a percentage above 100 is not stated');
  t.equal(crown.dead_twigs_percent, 5);
  t.equal(crown.cracks, false);
  t.equal(crown.load_on_defect, 'n/a', 'enum matched case-insensitively');
  t.equal(crown.main_concerns!.length, 215, 'text clipped to its cap');
  t.same(crown.pruning_history, { crown_cleaned: null, thinned: null, raised: null, reduced: null, topped: null, lion_tailed: null, flush_cuts: null, other: null });

  const risk = coerceAnswer('risk_categorization', { rows: [{ impact_likelihood: 'Very low', failure_and_impact: 'very likely', risk_rating: 'catastrophic', condition_number: 1 }] });
  t.match(risk.rows[0], { impact_likelihood: 'very_low', failure_and_impact: 'very_likely', risk_rating: null, condition_number: '1', tree_part: null });
  t.same(coerceAnswer('mitigation_options', { options: 'none' }), { options: [] }, 'a non-list becomes an empty list');
  t.same(coerceAnswer('work_priority', { priority: 2 }), { priority: '2' }, 'priority is a string');
});

t.test('normalisation rules', async (t) => {
  const data = normalizeFormData({
    site_factors: { landscape_environment: 'Park', site_changes: { describe: 'old', none: true } },
    recommended_inspection_interval: { interval: '12 months' },
    crown_and_branches: { cracks: true },
    client_tree_details: { tree_number: 3 },
    risk_categorization: { section_id: 'risk_categorization', rows: [{ condition_number: '1' }, 'junk'] },
    trunk: { section_id: 'wrong' },
    job_photos: { kept: true },
  });
  t.same(data.site_factors, { section_id: 'site_factors', site_changes: { none: true, landscape_environment: 'Park' } }, 'legacy landscape_environment moved, describe dropped');
  t.same(data.recommended_inspection_interval, { section_id: 'recommended_inspection_interval', text: '12 months' });
  t.same(data.crown_and_branches, { section_id: 'crown_and_branches', cracks: true, cracks_notes: null });
  t.same(data.client_tree_details, { section_id: 'client_tree_details', tree_number: '3' }, 'tree_number is a string in forms');
  t.same(data.risk_categorization, [{ condition_number: '1' }], 'extractor-shaped rows unwrapped');
  t.equal((data.trunk as any).section_id, 'trunk');
  t.same(data.job_photos, { kept: true }, 'unknown sections tolerated');

  const kept = normalizeFormData({ site_factors: { landscape_environment: 'Legacy', site_changes: { landscape_environment: 'Current' } } });
  t.same(kept.site_factors, { section_id: 'site_factors', site_changes: { landscape_environment: 'Current' } }, 'the new key wins when set');
  t.same(normalizeFormData({ site_factors: {} }).site_factors, { section_id: 'site_factors', site_changes: { landscape_environment: null } }, 'landscape_environment always exists');
  t.same(normalizeFormData(null), {}, 'not an object: empty data');
  const notes = normalizeFormData({ notes_explanations_descriptions: { notes: 'word '.repeat(100) } }, { capNotes: true });
  t.ok(((notes.notes_explanations_descriptions as any).notes as string).length <= 230, 'notes capped for finals');
});

t.test('notes cap at a word boundary', async (t) => {
  t.equal(capNotes('  a   b\n\nc '), 'a b c', 'whitespace collapsed');
  const long = `${'abcd '.repeat(45)}wxyz-tail`; // 225 chars of words, then a word across the limit
  const capped = capNotes(long);
  t.ok(capped.length <= 230);
  t.notOk(capped.endsWith('wxyz'), 'no cut word');
  t.equal(capped, 'abcd '.repeat(45).trim());
  t.equal(capNotes('x'.repeat(300)).length, 230, 'a single long word is cut hard');
});

t.test('the blank form', async (t) => {
  const form = blankForm();
  t.ok(FormEnvelopeSchema.safeParse(form).success, 'validates');
  t.same(Object.keys(form.data), SECTION_IDS, 'every section, in form order');
  t.same(form.data.risk_categorization, []);
  t.equal((form.data.site_factors as any).site_changes.landscape_environment, null);
  t.same(normalizeForm(form), form, 'already normal');
  for (const id of SECTION_IDS) {
    if (id === 'risk_categorization') continue;
    const { section_id, ...fields } = form.data[id] as Record<string, unknown>;
    t.equal(section_id, id);
    t.same(coerceAnswer(id, fields), fields, `${id}: blank values are a valid answer`);
  }
});
