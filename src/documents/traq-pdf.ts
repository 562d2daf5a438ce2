/**
 * The TRAQ form PDF (data-model §7.3): the final form's values drawn onto the 2-page ISA
 * template at the boxes of the field map, in blue Helvetica; flattened by construction.
 * Fixes the reference's quirks (data-model §10 item 10): the wind funneling and vines
 * checkboxes tick, the crown "notes" boxes beside the two enums print the `*_notes` text
 * (not the enum again), every X has the same size, and text never leaves its box (shrunk,
 * then cut with an ellipsis). With no template the summary renderer draws its own form.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { renderTraqSummary } from './traq-summary.js';
import { fitText, safeText } from './text-fit.js';
import { displayText, valueAt } from './traq-schema.js';

export { displayText, valueAt };
import type { TraqFieldBox, TraqFieldMap, TraqTemplate } from './traq-template.js';
import type { FormData } from './types.js';

export { loadTraqTemplate, type TraqFieldBox, type TraqFieldMap, type TraqTemplate } from './traq-template.js';

export const TEXT_MAX_SIZE = 10;
export const TEXT_MIN_SIZE = 4;
/** One X size for every checkbox (the reference reused whatever size the previous draw left). */
export const CHECK_SIZE = 8;
/** Largest size for a two-line cell. */
const TWO_LINE_MAX = 7.5;
const BLUE = rgb(0, 0, 1);
const PAD = 2;

const TRUTHY = new Set(['true', 'yes', '1', 'on', 'y', 'x']);
const FALSY = new Set(['false', 'no', '0', 'off', 'n', '']);

/** Whether a checkbox is ticked: an enum box matches its option, a plain box needs a true-ish value. */
export function isTicked(value: unknown, compareValue: string | null): boolean {
  if (compareValue !== null) {
    if (typeof value !== 'string' && typeof value !== 'number') return false;
    return String(value).trim().toLowerCase() === compareValue.trim().toLowerCase();
  }
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  return typeof value === 'string' && TRUTHY.has(value.trim().toLowerCase());
}

/** A drawing instruction in PDF points (origin bottom-left). */
export interface DrawOp {
  page: number;
  box_id: number;
  json_path: string;
  kind: 'check' | 'text';
  text: string;
  x: number;
  y: number;
  size: number;
  /** The map box in PDF points: the drawn text stays inside it. */
  rect: { x0: number; y0: number; x1: number; y1: number };
}

type Measure = (text: string, size: number) => number;

function rectOf(box: TraqFieldBox, map: TraqFieldMap, pageSize: { width: number; height: number }) {
  const [rw, rh] = map.pages[String(box.page)]?.render_size_px ?? [2448, 3168];
  const sx = pageSize.width / rw;
  const sy = pageSize.height / rh;
  const [x0, y0, x1, y1] = box.bbox_px;
  return { x0: x0 * sx, x1: x1 * sx, y0: (rh - y1) * sy, y1: (rh - y0) * sy };
}

/** Baseline for text of `size` in a rect: 2 pt above the bottom line, centred in tall table cells. */
function baseline(rect: DrawOp['rect'], size: number) {
  const cap = size * 0.718;
  return rect.y0 + Math.max(PAD, (rect.y1 - rect.y0 - cap) / 2);
}

/**
 * Greedy word packing into lines of the given widths at `size`; the last line takes every
 * remaining word. `overflow` says whether that last line is wider than its box.
 */
function packWords(words: string[], widths: number[], size: number, measure: Measure): { lines: string[]; overflow: boolean } {
  const lines: string[] = [];
  let i = 0;
  for (const [k, width] of widths.entries()) {
    if (k === widths.length - 1) {
      const last = words.slice(i).join(' ');
      lines.push(last);
      return { lines, overflow: measure(last, size) > width };
    }
    let line = '';
    while (i < words.length && measure(line ? `${line} ${words[i]}` : words[i]!, size) <= width) line = line ? `${line} ${words[i++]}` : words[i++]!;
    lines.push(line);
  }
  return { lines, overflow: i < words.length };
}

/**
 * The whole plan: one op per drawn box. Pure given `measure` (Helvetica widths), so tests
 * can check positions without parsing a PDF.
 */
export function planTraqOverlay(data: FormData, map: TraqFieldMap, pageSize: { width: number; height: number }, measure: Measure): DrawOp[] {
  const ops: DrawOp[] = [];
  const enumPaths = new Set(map.fields.filter((f) => f.type === 'checkbox' && f.compare_value !== null && f.compare_value !== f.json_path).map((f) => f.json_path));
  const multiline = new Map<string, { box: TraqFieldBox; index: number }[]>();

  const textOp = (box: TraqFieldBox, jsonPath: string, text: string) => {
    const rect = rectOf(box, map, pageSize);
    const width = rect.x1 - rect.x0 - 2 * PAD;
    // The printed block number sits in the condition-number cells: keep ours small and left of it.
    const maxSize = /^risk_categorization\[\d+\]\.condition_number$/.test(jsonPath) ? 7 : TEXT_MAX_SIZE;
    const fit = fitText(text, width, maxSize, TEXT_MIN_SIZE, measure);
    const base = { page: box.page, box_id: box.box_id, json_path: jsonPath, kind: 'text' as const, x: rect.x0 + (maxSize < TEXT_MAX_SIZE ? 1 : PAD), rect };
    // A tall table cell (risk categorization) takes two lines rather than a tiny single one.
    const height = rect.y1 - rect.y0;
    if (fit.size < TWO_LINE_MAX && height >= 14) {
      const words = text.split(' ');
      for (let size = Math.min(TWO_LINE_MAX, (height - PAD) / 2 / 1.1); size > fit.size; size -= 0.5) {
        const two = packWords(words, [width, width], size, measure);
        if (two.overflow || !two.lines[0] || !two.lines[1]) continue;
        const top = rect.y0 + (height + size * 1.1 + size * 0.718) / 2 - size * 0.718;
        ops.push({ ...base, text: two.lines[0], y: top, size }, { ...base, text: two.lines[1], y: top - size * 1.1, size });
        return;
      }
    }
    if (fit.text) ops.push({ ...base, text: fit.text, y: baseline(rect, fit.size), size: fit.size });
  };

  for (const box of map.fields) {
    const line = /^line:(\d+)(?:\/(\d+))?$/.exec(box.type);
    if (line) {
      const index = Number(line[1]);
      const n = line[2] ? Number(line[2]) : Math.max(2, index);
      const key = `${box.json_path}#${n}`;
      multiline.set(key, [...(multiline.get(key) ?? []), { box, index }]);
      continue;
    }
    if (box.type === 'checkbox') {
      // QUIRK fix: the map gives wind_funneling / vines a compare value equal to their own path.
      const compare = box.compare_value === box.json_path ? null : box.compare_value;
      const value = valueAt(data, box.json_path);
      if (compare === null && typeof value === 'string' && !TRUTHY.has(value.trim().toLowerCase()) && !FALSY.has(value.trim().toLowerCase())) {
        // A written line the map calls a checkbox (topography aspect): print the word, not an X.
        textOp(box, box.json_path, displayText(value, box.json_path)!);
        continue;
      }
      if (!isTicked(value, compare)) continue;
      const rect = rectOf(box, map, pageSize);
      const w = measure('X', CHECK_SIZE);
      ops.push({
        page: box.page,
        box_id: box.box_id,
        json_path: box.json_path,
        kind: 'check',
        text: 'X',
        x: (rect.x0 + rect.x1) / 2 - w / 2,
        y: (rect.y0 + rect.y1) / 2 - (CHECK_SIZE * 0.718) / 2,
        size: CHECK_SIZE,
        rect,
      });
      continue;
    }
    // QUIRK fix: a text box beside an enum's checkboxes is that enum's notes line.
    const jsonPath = enumPaths.has(box.json_path) ? `${box.json_path}_notes` : box.json_path;
    const text = displayText(valueAt(data, jsonPath), jsonPath);
    if (text) textOp(box, jsonPath, text);
  }

  for (const group of multiline.values()) {
    group.sort((a, b) => a.index - b.index);
    const jsonPath = group[0]!.box.json_path;
    const text = displayText(valueAt(data, jsonPath), jsonPath);
    if (!text) continue;
    const rects = group.map((g) => rectOf(g.box, map, pageSize));
    const widths = rects.map((r) => r.x1 - r.x0 - 2 * PAD);
    const words = text.split(' ');
    let size = TEXT_MAX_SIZE;
    let packed = packWords(words, widths, size, measure);
    while (packed.overflow && size > TEXT_MIN_SIZE) packed = packWords(words, widths, (size -= 0.5), measure);
    const lines = packed.lines;
    // Even the smallest size overflows: the last line ends with an ellipsis.
    if (packed.overflow) lines[lines.length - 1] = fitText(lines.at(-1)!, widths.at(-1)!, size, size, measure).text;
    lines.forEach((lineText, k) => {
      if (!lineText) return;
      const box = group[k]!.box;
      const rect = rects[k]!;
      ops.push({ page: box.page, box_id: box.box_id, json_path: jsonPath, kind: 'text', text: lineText, x: rect.x0 + PAD, y: baseline(rect, size), size, rect });
    });
  }
  return ops;
}

function draw(page: PDFPage, op: DrawOp, font: PDFFont) {
  page.drawText(op.text, { x: op.x, y: op.y, size: op.size, font, color: BLUE });
}

/**
 * The filled TRAQ form as PDF bytes. `template` null → the summary form of every section.
 * `jobNumber` is only used by the summary's header.
 */
export async function renderTraqPdf(data: FormData, template: TraqTemplate | null, opts: { jobNumber?: string | null } = {}): Promise<Buffer> {
  if (!template) return renderTraqSummary(data, opts);
  const doc = await PDFDocument.load(template.pdf);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = doc.getPages();
  const measure: Measure = (text, size) => font.widthOfTextAtSize(text, size);
  const safe = { ...data };
  for (const op of planTraqOverlay(safe, template.map, pages[0]!.getSize(), (t, s) => measure(safeText(font, t), s))) {
    const page = pages[op.page - 1];
    if (page) draw(page, { ...op, text: safeText(font, op.text) }, font);
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
