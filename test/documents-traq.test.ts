/**
 * The TRAQ form PDF (data-model §7.3): values land inside their map boxes (checked on the
 * rendered pages' text positions), checkboxes tick only for true / matching values, the
 * reference's quirks are fixed, and without a template the summary form has every section.
 */
import fs from 'node:fs';
import t from 'tap';
import { loadTraqTemplate, renderTraqPdf, type TraqFieldBox, type TraqTemplate } from '../src/documents/traq-pdf.js';
import { SUMMARY_SECTIONS } from '../src/documents/traq-schema.js';
import { pdfText, type TextItem } from './helpers/pdf-text.js';
import { SAMPLE_JOBS, TRAQ_FIELD_MAP, TRAQ_TEMPLATE_PDF, sampleJob } from './helpers/samples.js';

// The generated form (helpers/traq-template.ts); documents-traq-isa.test.ts runs on the real ISA form.
const template = (await loadTraqTemplate({ templatePdf: TRAQ_TEMPLATE_PDF, fieldMap: TRAQ_FIELD_MAP }))!;

/** The map box in PDF points (the map is in pixels of a 4x render, top-left origin). */
function rect(box: TraqFieldBox) {
  const [x0, y0, x1, y1] = box.bbox_px;
  return { x0: x0 / 4, x1: x1 / 4, y0: (3168 - y1) / 4, y1: (3168 - y0) / 4 };
}
/** The box of a value: its path, and for an enum's checkbox the option; `k` picks the k-th (lines of a multi-line value). */
function box(jsonPath: string, compare: string | null = null, k = 0): TraqFieldBox {
  const found = template.map.fields.filter((f) => f.json_path === jsonPath && (f.type !== 'checkbox' || f.compare_value === compare || f.compare_value === jsonPath));
  if (!found[k]) throw new Error(`no box for ${jsonPath} ${compare ?? ''}`);
  return found[k];
}
const enumBox = (jsonPath: string, option: string) => box(jsonPath, option);
const notesBox = (enumPath: string) => template.map.fields.find((f) => f.json_path === enumPath && f.type === 'text')!;
/** Drawn items whose origin lies inside the box (0.5 pt tolerance). */
function inBox(items: TextItem[], b: TraqFieldBox): TextItem[] {
  const r = rect(b);
  return items.filter((i) => i.x >= r.x0 - 0.5 && i.x <= r.x1 + 0.5 && i.y >= r.y0 - 0.5 && i.y <= r.y1 + 0.5);
}
const textIn = (items: TextItem[], b: TraqFieldBox) => inBox(items, b).filter((i) => i.str !== 'X').map((i) => i.str).join(' ');
const hasX = (items: TextItem[], b: TraqFieldBox) => inBox(items, b).some((i) => i.str === 'X');

/** The rendered pages' text; with a template, only what we drew (the blank form's own items are dropped). */
async function render(data: Record<string, unknown>, tpl: TraqTemplate | null = template) {
  const pdf = await renderTraqPdf(data, tpl, { jobNumber: 'J0003' });
  t.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF');
  const text = await pdfText(pdf);
  if (!tpl) return text;
  const blank = (await pdfText(tpl.pdf)).pages.map((items) => new Set(items.map((i) => `${i.str}@${i.x.toFixed(2)},${i.y.toFixed(2)}`)));
  return { ...text, pages: text.pages.map((items, p) => items.filter((i) => !blank[p]?.has(`${i.str}@${i.x.toFixed(2)},${i.y.toFixed(2)}`))) };
}

const j3 = sampleJob('J0003').final.form.data;

t.test('J0003: text values land in their boxes, with units', async (t) => {
  const { pages } = await render(j3);
  t.equal(pages.length, 2, 'two pages');
  const [p1, p2] = pages as [TextItem[], TextItem[]];
  t.equal(textIn(p1, box('client_tree_details.client')), 'Field test 1', 'client');
  t.equal(textIn(p1, box('client_tree_details.tree_species')), 'Quercus agrifolia', 'species');
  t.equal(textIn(p1, box('client_tree_details.dbh')), '20"', 'dbh with inch mark');
  t.equal(textIn(p1, box('client_tree_details.height')), "54'", 'height with foot mark');
  t.equal(textIn(p1, box('client_tree_details.crown_spread_dia')), "40'", 'crown spread with foot mark');
  t.equal(textIn(p1, box('crown_and_branches.dead_twigs_max_dia')), '1"', 'dead twigs max dia with inch mark');
  t.equal(textIn(p1, box('target_assessment.targets[0].label')), 'ParkingLot', 'target label');
  t.equal(textIn(p1, box('target_assessment.targets[0].occupancy_rate')), '2', 'occupancy rate');
  t.equal(textIn(p1, box('site_factors.prevailing_wind_direction')), 'W', 'prevailing wind');
  t.equal(textIn(p2, box('risk_categorization[0].condition')), 'extended branches over the parking lot', 'risk condition (two lines in its cell)');
  t.equal(textIn(p2, box('risk_categorization[0].risk_rating')), 'low', 'risk rating');
  t.equal(textIn(p2, box('mitigation_options.options[0].option')), 'keep pruning and maintaining it well', 'mitigation option');
  t.equal(textIn(p2, box('recommended_inspection_interval.text')), '18 months', 'inspection interval');
  const mainConcerns = `${textIn(p1, box('crown_and_branches.main_concerns', null, 0))} ${textIn(p1, box('crown_and_branches.main_concerns', null, 1))}`.trim();
  t.equal(mainConcerns, j3.crown_and_branches.main_concerns, 'crown main concerns packed into its two lines');
  const notes = [0, 1, 2, 3, 4].map((k) => textIn(p2, box('notes_explanations_descriptions.notes', null, k))).filter(Boolean).join(' ');
  t.equal(notes, j3.notes_explanations_descriptions.notes, 'notes packed into the five lines, nothing lost');
});

t.test('J0003: checkboxes tick for true and matching values only, all the same size', async (t) => {
  const { pages } = await render(j3);
  const [p1, p2] = pages as [TextItem[], TextItem[]];
  const ticked: [number, TraqFieldBox, string][] = [
    [1, box('target_assessment.targets[0].zone_within_drip_line'), 'target within drip line'], [1, box('site_factors.topography.flat'), 'topography flat'], [1, box('site_factors.site_changes.none'), 'site changes none'], [1, box('site_factors.soil_conditions.pavement_over_roots'), 'pavement over roots'],
    [1, enumBox('tree_health_and_species.vigor', 'high'), 'vigor high'], [1, enumBox('load_factors.wind_exposure', 'partial'), 'wind exposure partial'], [1, enumBox('load_factors.relative_crown_size', 'large'), 'crown size large'], [1, enumBox('load_factors.crown_density', 'dense'), 'crown density dense'],
    [1, box('crown_and_branches.dead_twigs'), 'dead twigs'], [1, box('trunk.abnormal_bark_texture_color'), 'abnormal bark'], [1, box('trunk.sap_ooze'), 'sap ooze'], [1, box('roots_and_root_collar.collar_buried_not_visible'), 'collar buried'],
    [2, enumBox('risk_categorization[0].failure_likelihood', 'possible'), 'failure possible (row 1)'], [2, enumBox('risk_categorization[0].impact_likelihood', 'medium'), 'impact medium (row 1)'], [2, enumBox('risk_categorization[0].failure_and_impact', 'unlikely'), 'unlikely (row 1)'], [2, enumBox('risk_categorization[0].consequences', 'minor'), 'minor (row 1)'],
    [2, enumBox('overall_tree_risk_rating.rating', 'low'), 'overall rating low'], [2, enumBox('work_priority.priority', '1'), 'work priority 1'], [2, enumBox('overall_residual_risk.rating', 'low'), 'residual low'],
  ];
  for (const [page, b, what] of ticked) t.ok(hasX(page === 1 ? p1 : p2, b), `X: ${what}`);
  const clear: [number, TraqFieldBox, string][] = [
    [1, box('target_assessment.targets[0].zone_within_1x_height'), 'within 1x height (null)'], [1, box('target_assessment.targets[0].practical_to_move'), 'practical to move (false)'], [1, box('site_factors.topography.slope'), 'slope (false)'], [1, enumBox('tree_health_and_species.vigor', 'low'), 'vigor low'], [1, enumBox('tree_health_and_species.vigor', 'normal'), 'vigor normal'],
    [1, box('load_factors.wind_funneling'), 'wind funneling (null)'], [1, box('load_factors.vines_mistletoe_moss_present'), 'vines (false)'], [1, box('crown_and_branches.unbalanced_crown'), 'unbalanced crown (false)'], [1, box('trunk.cracks'), 'trunk cracks (false)'],
    [1, enumBox('crown_and_branches.load_on_defect', 'n/a'), 'load on defect N/A (null)'], [2, enumBox('risk_categorization[0].failure_likelihood', 'improbable'), 'failure improbable (row 1)'], [2, enumBox('overall_tree_risk_rating.rating', 'moderate'), 'overall moderate'], [2, enumBox('data_status.status', 'final'), 'data final (unset)'],
  ];
  for (const [page, b, what] of clear) t.notOk(hasX(page === 1 ? p1 : p2, b), `no X: ${what}`);
  const sizes = new Set([...p1, ...p2].filter((i) => i.str === 'X').map((i) => i.size.toFixed(2)));
  t.same([...sizes], ['8.00'], 'every X has the same size');
});

t.test('quirks fixed: wind funneling / vines tick, crown notes boxes print the notes', async (t) => {
  const data = structuredClone(j3);
  Object.assign(data.load_factors, { wind_funneling: true, wind_funneling_notes: 'between two buildings', vines_mistletoe_moss_present: true, vines_mistletoe_moss_notes: 'ivy' });
  Object.assign(data.crown_and_branches, { load_on_defect: 'Minor', load_on_defect_notes: 'heavy end weight', likelihood_of_failure: 'probable', likelihood_of_failure_notes: 'decay at the union' });
  data.site_factors.topography.aspect = 'NW';
  const [p1] = (await render(data)).pages as [TextItem[]];
  t.ok(hasX(p1, box('load_factors.wind_funneling')), 'wind funneling ticks');
  t.ok(hasX(p1, box('load_factors.vines_mistletoe_moss_present')), 'vines ticks');
  t.equal(textIn(p1, box('load_factors.wind_funneling_notes')), 'between two buildings');
  t.ok(hasX(p1, enumBox('crown_and_branches.load_on_defect', 'minor')), 'load on defect "Minor" ticks the minor box (case-insensitive)');
  t.equal(textIn(p1, notesBox('crown_and_branches.load_on_defect')), 'heavy end weight', 'load on defect notes, not the enum value');
  t.ok(hasX(p1, enumBox('crown_and_branches.likelihood_of_failure', 'probable')), 'likelihood probable');
  t.equal(textIn(p1, notesBox('crown_and_branches.likelihood_of_failure')), 'decay at the union', 'likelihood notes, not the enum value');
  t.equal(textIn(p1, box('site_factors.topography.aspect')), 'NW', 'the aspect line prints its word');
});

t.test('text never leaves its box: shrunk, then cut with an ellipsis', async (t) => {
  const data = structuredClone(j3);
  data.client_tree_details.tree_species = 'Quercus agrifolia var. oxyadenia (coast live oak), multi-stemmed, historic specimen';
  data.client_tree_details.sheet = 123456789012345;
  data.crown_and_branches.main_concerns = 'word '.repeat(400).trim();
  data.tree_health_and_species.pests = 'Emoji 🌳 and Ωmega survive';
  const { pages } = await render(data);
  const [p1] = pages as [TextItem[]];
  const species = inBox(p1, box('client_tree_details.tree_species'));
  t.equal(species.length, 1);
  t.ok(species[0]!.size < 10 && species[0]!.size >= 4, 'long species shrunk');
  const sheet = inBox(p1, box('client_tree_details.sheet'))[0]!;
  t.ok(sheet.str.endsWith('…'), 'a value too long even at 4 pt is cut with an ellipsis');
  t.match(textIn(p1, box('crown_and_branches.main_concerns', null, 1)), /…$/, 'overflowing multi-line text ends with an ellipsis');
  t.equal(textIn(p1, box('tree_health_and_species.pests')), 'Emoji ? and ?mega survive', 'characters the font lacks become ?');
  for (const f of template.map.fields.filter((f) => f.page === 1 && f.type !== 'checkbox')) {
    // Text starts 1-2 pt right of its box's left edge (boxes of neighbouring cells overlap a little).
    const own = inBox(p1, f).filter((i) => i.x >= rect(f).x0 && i.x <= rect(f).x0 + 3);
    for (const item of own) t.ok(item.x + item.width <= rect(f).x1 + 0.01, `box ${f.box_id} (${f.json_path}) keeps its text inside`);
  }
});

t.test('every sample job renders, each value inside its box', async (t) => {
  for (const id of SAMPLE_JOBS) {
    const data = sampleJob(id).final.form.data;
    const { pages } = await render(data);
    t.equal(pages.length, 2, `${id}: two pages`);
    t.equal(textIn(pages[0]!, box('client_tree_details.tree_species')), data.client_tree_details.tree_species, `${id}: species in its box`);
    t.equal(textIn(pages[0]!, box('client_tree_details.dbh')), `${data.client_tree_details.dbh}"`, `${id}: dbh in its box`);
    const rating = data.overall_tree_risk_rating?.rating;
    if (rating) t.ok(hasX(pages[1]!, enumBox('overall_tree_risk_rating.rating', rating)), `${id}: overall rating ${rating} ticked`);
  }
});

t.test('without a template: a summary form with every section', async (t) => {
  for (const id of ['J0003', 'J0001']) {
    const data = sampleJob(id).final.form.data;
    const { pages, text } = await render(data, null);
    t.equal(pages.length, 2, `${id}: two pages`);
    const all = text.join(' ');
    for (const s of SUMMARY_SECTIONS) t.ok(all.includes(s.title), `${id}: section "${s.title}"`);
    t.ok(all.includes(data.client_tree_details.tree_species), `${id}: species`);
    t.ok(text[1]!.includes('Risk Categorization'), `${id}: risk categorization opens page 2`);
  }
  t.ok((await render(j3, null)).text.join(' ').includes('extended branches over the parking lot'), 'risk rows are listed');
  const empty = await render({}, null);
  t.equal(empty.pages.length, 2, 'an empty form still gives the two pages');
});

t.test('template loading', async (t) => {
  t.equal(await loadTraqTemplate({}), null, 'nothing configured → summary mode');
  await t.rejects(loadTraqTemplate({ templatePdf: TRAQ_TEMPLATE_PDF }), /configured together/);
  await t.rejects(loadTraqTemplate({ templatePdf: TRAQ_TEMPLATE_PDF, fieldMap: '/nonexistent/map.json' }), /ENOENT/);
  const tmp = `${process.env.TMPDIR ?? '/tmp'}/not-a-map-${process.pid}.json`;
  fs.writeFileSync(tmp, '{"hello": 1}');
  t.teardown(() => fs.rmSync(tmp, { force: true }));
  await t.rejects(loadTraqTemplate({ templatePdf: TRAQ_TEMPLATE_PDF, fieldMap: tmp }), /Not a TRAQ field map/);
  const paths = new Set(template.map.fields.map((f) => f.json_path));
  t.ok(paths.has('client_tree_details.tree_species') && paths.has('risk_categorization[0].condition'), 'the generated map has a box per value');
});
