/**
 * The TRAQ form without a template: a clean summary of every section in form order, so a
 * fresh install (no ISA template configured) still produces a useful form. Page 1 holds
 * the tree and its observations, page 2 the risk categorization and the conclusions; a
 * very full form flows onto more pages.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { fitText, safeText, wrapText } from './text-fit.js';
import { SUMMARY_SECTIONS, displayText, fieldLabel, valueAt, type SummarySection } from './traq-schema.js';
import type { FormData } from './types.js';

const PAGE: [number, number] = [612, 792];
const M = 36;
const W = PAGE[0] - 2 * M;
const SIZE = 7;
const LINE = 8.6;
const COLS = 3;
const EMPTY = '—';
const TABLE_LABELS: Record<string, string> = {
  condition_number: 'No.',
  target_number: 'Target',
  target_protection: 'Protection',
  failure_likelihood: 'Failure',
  impact_likelihood: 'Impact',
  failure_and_impact: 'Fail. & impact',
  zone_within_drip_line: 'Drip line',
  zone_within_1x_height: '1x Ht.',
  zone_within_1_5x_height: '1.5x Ht.',
  occupancy_rate: 'Occupancy',
  practical_to_move: 'Move?',
  restriction_practical: 'Restrict?',
};

interface Ctx {
  doc: PDFDocument;
  page: PDFPage;
  y: number;
  regular: PDFFont;
  bold: PDFFont;
}

function newPage(ctx: Ctx) {
  ctx.page = ctx.doc.addPage(PAGE);
  ctx.y = PAGE[1] - M;
}

function ensure(ctx: Ctx, height: number) {
  if (ctx.y - height < M) newPage(ctx);
}

function text(ctx: Ctx, s: string, x: number, y: number, font: PDFFont, size = SIZE, color = rgb(0, 0, 0)) {
  ctx.page.drawText(safeText(font, s), { x, y, size, font, color });
}

function heading(ctx: Ctx, title: string) {
  ensure(ctx, 14 + LINE * 2);
  ctx.page.drawRectangle({ x: M, y: ctx.y - 11, width: W, height: 12, color: rgb(0.86, 0.88, 0.86) });
  text(ctx, title, M + 3, ctx.y - 8, ctx.bold, 9);
  ctx.y -= 14 + LINE - SIZE;
}

const valueColor = rgb(0, 0, 0.8);

function fields(ctx: Ctx, base: unknown, section: SummarySection) {
  const col = W / COLS;
  let c = 0;
  const measure = (f: PDFFont) => (s: string, size: number) => f.widthOfTextAtSize(safeText(f, s), size);
  for (const field of section.fields ?? []) {
    const path = section.id === 'summary' ? field : `${section.id}.${field}`;
    const value = displayText(valueAt(base, field), path) ?? EMPTY;
    const label = `${fieldLabel(field)}: `;
    const lw = measure(ctx.regular)(label, SIZE);
    const vw = measure(ctx.bold)(value, SIZE);
    if (lw + vw > col - 4) {
      // Long text gets a full-width row of its own.
      if (c) ctx.y -= LINE;
      c = 0;
      const lines = wrapText(value, W - lw - 4, SIZE, measure(ctx.bold));
      ensure(ctx, LINE * lines.length);
      text(ctx, label, M, ctx.y, ctx.regular);
      for (const line of lines) {
        text(ctx, line, M + lw, ctx.y, ctx.bold, SIZE, valueColor);
        ctx.y -= LINE;
      }
      continue;
    }
    if (c === 0) ensure(ctx, LINE);
    text(ctx, label, M + c * col, ctx.y, ctx.regular);
    text(ctx, value, M + c * col + lw, ctx.y, ctx.bold, SIZE, value === EMPTY ? rgb(0.5, 0.5, 0.5) : valueColor);
    if (++c === COLS) {
      c = 0;
      ctx.y -= LINE;
    }
  }
  if (c) ctx.y -= LINE;
  ctx.y -= 4;
}

function table(ctx: Ctx, rows: unknown, section: SummarySection) {
  const columns = section.table!.columns;
  const list = Array.isArray(rows) ? rows.filter((r) => r && typeof r === 'object') : [];
  // Free-text columns get three shares of the width, the rest one.
  const weight = (c: string) => (['condition', 'label', 'option'].includes(c) ? 3 : 1);
  const total = columns.reduce((s, c) => s + weight(c), 0);
  const widths = columns.map((c) => (W * weight(c)) / total);
  const measure = (f: PDFFont) => (s: string, size: number) => f.widthOfTextAtSize(safeText(f, s), size);
  const row = (cells: string[], font: PDFFont, color = rgb(0, 0, 0)) => {
    ensure(ctx, LINE);
    let x = M;
    cells.forEach((cell, i) => {
      const fit = fitText(cell, widths[i]! - 3, SIZE, 5, measure(font));
      text(ctx, fit.text, x + 1, ctx.y, font, fit.size, color);
      x += widths[i]!;
    });
    ctx.y -= LINE;
  };
  row(columns.map((c) => TABLE_LABELS[c] ?? fieldLabel(c)), ctx.regular);
  if (!list.length) row([EMPTY], ctx.bold, rgb(0.5, 0.5, 0.5));
  for (const r of list) row(columns.map((c) => displayText((r as Record<string, unknown>)[c], `${section.id}.${c}`) ?? EMPTY), ctx.bold, valueColor);
  ctx.y -= 4;
}

/** The summary form as PDF bytes. */
export async function renderTraqSummary(data: FormData, opts: { jobNumber?: string | null } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle('Basic Tree Risk Assessment Form');
  const ctx: Ctx = { doc, page: undefined as unknown as PDFPage, y: 0, regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  newPage(ctx);
  text(ctx, 'Basic Tree Risk Assessment Form', M, ctx.y - 12, ctx.bold, 15);
  const details = (data.client_tree_details ?? {}) as Record<string, unknown>;
  const sub = [opts.jobNumber ? `Job ${opts.jobNumber}` : null, details.tree_number ? `Tree ${details.tree_number}` : null, displayText(details.tree_species, '')].filter(Boolean).join('  ·  ');
  if (sub) text(ctx, sub, M, ctx.y - 25, ctx.regular, 9);
  ctx.y -= 38;
  for (const section of SUMMARY_SECTIONS) {
    if (section.id === 'risk_categorization') newPage(ctx);
    heading(ctx, section.title);
    const base = section.id === 'summary' ? data : data[section.id];
    if (section.table) table(ctx, section.table.path ? valueAt(base, section.table.path) : base, section);
    else fields(ctx, base ?? {}, section);
  }
  const pages = doc.getPages();
  pages.forEach((p, i) => p.drawText(`TRAQ summary${opts.jobNumber ? ` - job ${opts.jobNumber}` : ''} - page ${i + 1} of ${pages.length}`, { x: M, y: M / 2, size: 7, font: ctx.regular, color: rgb(0.4, 0.4, 0.4) }));
  return Buffer.from(await doc.save());
}
