/**
 * The TRAQ form PDF on the real blank ISA form and its 525-box map from ../shared/samples
 * (not part of the repository): J0003's values land in the boxes the ISA map numbers. Runs
 * only where the shared samples sit beside the clone; documents-traq.test.ts covers the
 * same rendering on the generated form everywhere.
 */
import t from 'tap';
import { loadTraqTemplate, renderTraqPdf, type TraqFieldBox, type TraqTemplate } from '../src/documents/traq-pdf.js';
import { pdfText, type TextItem } from './helpers/pdf-text.js';
import { ISA_FORM, sampleJob } from './helpers/samples.js';

if (!ISA_FORM) {
  t.plan(0, 'the ISA form is not beside this clone (../shared/samples/basic_traq_form.pdf); documents-traq.test.ts covers the overlay on the generated form');
} else {
  const template = (await loadTraqTemplate(ISA_FORM))!;

  /** The map box in PDF points (the map is in pixels of a 4x render, top-left origin). */
  const rect = (box: TraqFieldBox) => {
    const [x0, y0, x1, y1] = box.bbox_px;
    return { x0: x0 / 4, x1: x1 / 4, y0: (3168 - y1) / 4, y1: (3168 - y0) / 4 };
  };
  const box = (page: number, id: number) => template.map.fields.find((f) => f.page === page && f.box_id === id)!;
  const inBox = (items: TextItem[], b: TraqFieldBox) => {
    const r = rect(b);
    return items.filter((i) => i.x >= r.x0 - 0.5 && i.x <= r.x1 + 0.5 && i.y >= r.y0 - 0.5 && i.y <= r.y1 + 0.5);
  };
  const textIn = (items: TextItem[], b: TraqFieldBox) => inBox(items, b).filter((i) => i.str !== 'X').map((i) => i.str).join(' ');
  const hasX = (items: TextItem[], b: TraqFieldBox) => inBox(items, b).some((i) => i.str === 'X');
  /** Only what we drew: the blank form's own text items are dropped. */
  const render = async (data: Record<string, unknown>, tpl: TraqTemplate = template) => {
    const text = await pdfText(await renderTraqPdf(data, tpl, { jobNumber: 'J0003' }));
    const blank = (await pdfText(tpl.pdf)).pages.map((items) => new Set(items.map((i) => `${i.str}@${i.x.toFixed(2)},${i.y.toFixed(2)}`)));
    return { ...text, pages: text.pages.map((items, p) => items.filter((i) => !blank[p]?.has(`${i.str}@${i.x.toFixed(2)},${i.y.toFixed(2)}`))) };
  };
  const j3 = sampleJob('J0003').final.form.data;

  t.equal(template.map.fields.length, 525, 'the ISA map has its 525 boxes');

  t.test('J0003: text values land in their boxes, with units', async (t) => {
    const { pages } = await render(j3);
    t.equal(pages.length, 2, 'two pages');
    const [p1, p2] = pages as [TextItem[], TextItem[]];
    t.equal(textIn(p1, box(1, 1)), 'Field test 1', 'client');
    t.equal(textIn(p1, box(1, 8)), 'Quercus agrifolia', 'species');
    t.equal(textIn(p1, box(1, 9)), '20"', 'dbh with inch mark');
    t.equal(textIn(p1, box(1, 10)), "54'", 'height with foot mark');
    t.equal(textIn(p1, box(1, 11)), "40'", 'crown spread with foot mark');
    t.equal(textIn(p1, box(1, 109)), '1"', 'dead twigs max dia with inch mark');
    t.equal(textIn(p1, box(1, 16)), 'ParkingLot', 'target label');
    t.equal(textIn(p1, box(1, 20)), '2', 'occupancy rate');
    t.equal(textIn(p1, box(1, 65)), 'W', 'prevailing wind');
    t.equal(textIn(p2, box(2, 3)), 'extended branches over the parking lot', 'risk condition (two lines in its cell)');
    t.equal(textIn(p2, box(2, 24)), 'low', 'risk rating');
    t.equal(textIn(p2, box(2, 294)), 'keep pruning and maintaining it well', 'mitigation option');
    t.equal(textIn(p2, box(2, 314)), '18 months', 'inspection interval');
    const mainConcerns = `${textIn(p1, box(1, 137))} ${textIn(p1, box(1, 138))}`.trim();
    t.equal(mainConcerns, j3.crown_and_branches.main_concerns, 'crown main concerns packed into its two lines');
    const notes = [289, 290, 291, 292, 293].map((id) => textIn(p2, box(2, id))).filter(Boolean).join(' ');
    t.equal(notes, j3.notes_explanations_descriptions.notes, 'notes packed into the five lines, nothing lost');
  });

  t.test('J0003: checkboxes tick for true and matching values only, all the same size', async (t) => {
    const { pages } = await render(j3);
    const [p1, p2] = pages as [TextItem[], TextItem[]];
    const ticked: [number, number, string][] = [
      [1, 17, 'target within drip line'], [1, 48, 'topography flat'], [1, 52, 'site changes none'], [1, 62, 'pavement over roots'],
      [1, 73, 'vigor high'], [1, 86, 'wind exposure partial'], [1, 92, 'crown size large'], [1, 95, 'crown density dense'],
      [1, 107, 'dead twigs'], [1, 150, 'abnormal bark'], [1, 162, 'sap ooze'], [1, 151, 'collar buried'],
      [2, 9, 'failure possible (row 1)'], [2, 14, 'impact medium (row 1)'], [2, 16, 'unlikely (row 1)'], [2, 21, 'minor (row 1)'],
      [2, 302, 'overall rating low'], [2, 306, 'work priority 1'], [2, 310, 'residual low'],
    ];
    for (const [page, id, what] of ticked) t.ok(hasX(page === 1 ? p1 : p2, box(page, id)), `X: ${what}`);
    const clear: [number, number, string][] = [
      [1, 18, 'within 1x height (null)'], [1, 21, 'practical to move (false)'], [1, 49, 'slope (false)'], [1, 71, 'vigor low'], [1, 72, 'vigor normal'],
      [1, 88, 'wind funneling (null)'], [1, 99, 'vines (false)'], [1, 102, 'unbalanced crown (false)'], [1, 156, 'trunk cracks (false)'],
      [1, 139, 'load on defect N/A (null)'], [2, 8, 'failure improbable (row 1)'], [2, 303, 'overall moderate'], [2, 315, 'data final (unset)'],
    ];
    for (const [page, id, what] of clear) t.notOk(hasX(page === 1 ? p1 : p2, box(page, id)), `no X: ${what}`);
    const sizes = new Set([...p1, ...p2].filter((i) => i.str === 'X').map((i) => i.size.toFixed(2)));
    t.same([...sizes], ['8.00'], 'every X has the same size');
  });
}
