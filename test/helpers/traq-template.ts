/**
 * A TRAQ form template of our own for the overlay tests: a two-page letter PDF drawn with
 * pdf-lib (a label and an outlined box per value) and its box map, both derived from the
 * form's section descriptions (src/form/sections.ts), so every field has a box and the
 * fixture follows the form when it changes. The map has the ISA map's shape and the quirks
 * the renderer fixes (checkbox compare values equal to their own path, an enum's notes line
 * named after the enum, the aspect line typed as a checkbox, multi-line boxes), so a fresh
 * clone tests the overlay without the real form from ../shared/samples.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { TraqFieldBox, TraqFieldMap } from '../../src/documents/traq-pdf.js';
import type { Fields } from '../../src/form/fields.js';
import { SECTIONS, type SectionId } from '../../src/form/sections.js';

const PAGE = { width: 612, height: 792 };
/** The map is in pixels of a 4x render with a top-left origin, like the ISA map. */
const SCALE = 4;
const MARGIN = 24;
const LABEL_SIZE = 4.5;
const GAP = 6;

interface Cell {
  path: string;
  type: string;
  compare: string | null;
  label: string;
  width: number;
  height: number;
  /** Starts a new line (a list row, a section's first cell). */
  newline?: boolean;
}

/** Rows per list on the form (four each: enough for the sample jobs, and what fits two pages). */
const LIST_ROWS: Record<string, number> = { targets: 4, rows: 4, options: 4 };
/** Long text printed over several lines: `line:k/n` boxes. */
const MULTI_LINE: Record<string, number> = {
  'crown_and_branches.main_concerns': 2,
  'trunk.main_concerns': 2,
  'roots_and_root_collar.main_concerns': 2,
  'notes_explanations_descriptions.notes': 5,
};
/** The ISA map gives these checkboxes their own path as compare value (a quirk the renderer fixes). */
const SELF_COMPARE = new Set(['load_factors.wind_funneling', 'load_factors.vines_mistletoe_moss_present']);
/** The ISA map calls the aspect's written line a checkbox (the renderer prints the word). */
const WRITTEN_CHECKBOX = new Set(['site_factors.topography.aspect']);
/** The risk rating of a risk row is written in its cell on the ISA form, not ticked. */
const WRITTEN_ENUM = new Set(['risk_rating']);
const PAGE_TWO_FROM: SectionId = 'risk_categorization';

function cells(fields: Fields, prefix: string, tall: boolean): Cell[] {
  const out: Cell[] = [];
  for (const [key, field] of Object.entries(fields)) {
    const p = `${prefix}.${key}`;
    const label = key.replace(/_/g, ' ');
    const height = tall ? 16 : 11;
    if (field.kind === 'group') out.push(...cells(field.fields, p, tall));
    else if (field.kind === 'list') {
      for (let i = 0; i < (LIST_ROWS[key] ?? 4); i++) {
        // Risk rows are stored as the section's bare array.
        const row = cells(field.item, key === 'rows' ? `${prefix}[${i}]` : `${p}[${i}]`, key === 'rows');
        row[0]!.newline = true;
        out.push(...row);
      }
    } else if (field.kind === 'bool') {
      out.push({ path: p, type: 'checkbox', compare: SELF_COMPARE.has(p) ? p : null, label, width: 9, height: 9 });
    } else if (field.kind === 'enum' && !WRITTEN_ENUM.has(key)) {
      field.values.forEach((v, i) => out.push({ path: p, type: 'checkbox', compare: v, label: i === 0 ? `${label}: ${v}` : v.replace(/_/g, ' '), width: 9, height: 9 }));
      // The enum's notes line carries the enum's own path on the ISA map.
      if (`${key}_notes` in fields) out.push({ path: p, type: 'text', compare: null, label: `${label} notes`, width: 150, height });
    } else if (key.endsWith('_notes') && key.slice(0, -6) in fields && fields[key.slice(0, -6)]!.kind === 'enum') {
      continue; // drawn as the enum's notes line above
    } else if (WRITTEN_CHECKBOX.has(p)) {
      out.push({ path: p, type: 'checkbox', compare: null, label, width: 24, height: 11 });
    } else if (MULTI_LINE[p]) {
      const n = MULTI_LINE[p]!;
      for (let k = 1; k <= n; k++) {
        const type = n === 2 ? `line:${k}` : `line:${k}/${n}`;
        out.push({ path: p, type, compare: null, label: k === 1 ? label : '', width: PAGE.width - 2 * MARGIN - 60, height, newline: true });
      }
    } else if (field.kind === 'int') {
      out.push({ path: p, type: 'int', compare: null, label, width: 28, height });
    } else {
      out.push({ path: p, type: 'text', compare: null, label, width: tall ? 70 : 150, height });
    }
  }
  return out;
}

/** The blank form's bytes and its box map. */
export async function buildTraqTemplate(): Promise<{ pdf: Uint8Array; map: TraqFieldMap }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const fields: TraqFieldBox[] = [];
  const pages = [doc.addPage([PAGE.width, PAGE.height]), doc.addPage([PAGE.width, PAGE.height])];
  const ids = [0, 0];
  let pageNo = 0;
  let x = MARGIN;
  let top = PAGE.height - MARGIN; // top of the current line
  let lineHeight = 0;
  const newLine = () => {
    top -= lineHeight + 4;
    x = MARGIN;
    lineHeight = 0;
  };

  for (const [id, section] of Object.entries(SECTIONS) as [SectionId, (typeof SECTIONS)[SectionId]][]) {
    if (id === PAGE_TWO_FROM) {
      pageNo = 1;
      top = PAGE.height - MARGIN;
      x = MARGIN;
      lineHeight = 0;
    } else newLine();
    const page = pages[pageNo]!;
    page.drawText(id.replace(/_/g, ' ').toUpperCase(), { x: MARGIN, y: top - 7, size: 7, font: bold });
    top -= 11;
    for (const cell of cells(section.fields, id, false)) {
      const labelWidth = cell.label ? font.widthOfTextAtSize(cell.label, LABEL_SIZE) + 2 : 0;
      if (cell.newline || x + labelWidth + cell.width > PAGE.width - MARGIN) newLine();
      if (top - cell.height < MARGIN) throw new Error(`the generated TRAQ form overflows page ${pageNo + 1} at ${cell.path}`);
      const y0 = top - cell.height;
      if (cell.label) page.drawText(cell.label, { x, y: y0 + 2, size: LABEL_SIZE, font, color: rgb(0.35, 0.35, 0.35) });
      const bx = x + labelWidth;
      page.drawRectangle({ x: bx, y: y0, width: cell.width, height: cell.height, borderColor: rgb(0.5, 0.5, 0.5), borderWidth: 0.4 });
      fields.push({
        page: pageNo + 1,
        box_id: ++ids[pageNo]!,
        bbox_px: [bx * SCALE, (PAGE.height - top) * SCALE, (bx + cell.width) * SCALE, (PAGE.height - y0) * SCALE],
        json_path: cell.path,
        type: cell.type,
        compare_value: cell.compare,
        section_id: id,
      });
      x = bx + cell.width + GAP;
      lineHeight = Math.max(lineHeight, cell.height);
    }
  }
  const size: [number, number] = [PAGE.width * SCALE, PAGE.height * SCALE];
  return { pdf: await doc.save(), map: { pages: { '1': { render_size_px: size }, '2': { render_size_px: size } }, fields } };
}

/** Writes the template and map to files (the server's TRAQ_TRAQ_TEMPLATE_PDF / _FIELD_MAP take paths); removed at exit. */
export async function writeTraqTemplate(): Promise<{ templatePdf: string; fieldMap: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-form-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const { pdf, map } = await buildTraqTemplate();
  const templatePdf = path.join(dir, 'traq_form.pdf');
  const fieldMap = path.join(dir, 'traq_form_map.json');
  fs.writeFileSync(templatePdf, pdf);
  fs.writeFileSync(fieldMap, JSON.stringify(map));
  return { templatePdf, fieldMap };
}

// `node --import tsx test/helpers/traq-template.ts <dir>` writes the pair to look at.
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const dir = process.argv[2] ?? '.';
  const { pdf, map } = await buildTraqTemplate();
  fs.writeFileSync(path.join(dir, 'traq_form.pdf'), pdf);
  fs.writeFileSync(path.join(dir, 'traq_form_map.json'), JSON.stringify(map, null, 1));
  console.log(`wrote ${path.join(dir, 'traq_form.pdf')} and traq_form_map.json (${map.fields.length} boxes)`);
}
