/**
 * The configured TRAQ form template (TRAQ_TRAQ_TEMPLATE_PDF / TRAQ_TRAQ_FIELD_MAP) and its box map,
 * apart from the renderer (traq-pdf.ts) so that reading the configuration at start-up does not load
 * pdf-lib: that is loaded when a template is configured, or when the first final is rendered.
 */
import fsp from 'node:fs/promises';

export interface TraqFieldBox {
  page: number;
  box_id: number;
  /** [x0, y0, x1, y1], top-left origin, in pixels of the page render (`render_size_px`). */
  bbox_px: [number, number, number, number];
  json_path: string;
  type: string;
  compare_value: string | null;
  section_id?: string;
}

export interface TraqFieldMap {
  pages: Record<string, { render_size_px: [number, number] }>;
  fields: TraqFieldBox[];
}

/** The configured template: the blank form's bytes and its box map. */
export interface TraqTemplate {
  pdf: Uint8Array;
  map: TraqFieldMap;
}

/**
 * Reads the template and map named by configuration (TRAQ_TRAQ_TEMPLATE_PDF /
 * TRAQ_TRAQ_FIELD_MAP). Neither set → null (the summary form is rendered). One without the
 * other, an unreadable file or a map that is not a field map → an Error naming the file.
 */
export async function loadTraqTemplate(paths: { templatePdf?: string | null; fieldMap?: string | null }): Promise<TraqTemplate | null> {
  const { templatePdf, fieldMap } = paths;
  if (!templatePdf && !fieldMap) return null;
  if (!templatePdf || !fieldMap) throw new Error('The TRAQ template PDF and its field map must be configured together');
  const pdf = new Uint8Array(await fsp.readFile(templatePdf));
  const map = JSON.parse(await fsp.readFile(fieldMap, 'utf8')) as TraqFieldMap;
  if (!map || !Array.isArray(map.fields) || typeof map.pages !== 'object') throw new Error(`Not a TRAQ field map: ${fieldMap}`);
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf);
  const pages = Math.max(...map.fields.map((f) => f.page));
  if (doc.getPageCount() < pages) throw new Error(`The TRAQ template ${templatePdf} has ${doc.getPageCount()} pages; the map needs ${pages}`);
  return { pdf, map };
}
