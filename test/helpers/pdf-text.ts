/** Text with positions from a PDF's pages (pdfjs-dist, legacy build for Node). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** pdfjs's id of the font (tells drawn text from a template's own). */
  font: string;
}

export interface PdfText {
  pages: TextItem[][];
  /** Every page's strings joined with spaces (whitespace collapsed). */
  text: string[];
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: TextItem[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .filter((it): it is Extract<typeof it, { str: string }> => 'str' in it)
        .filter((it) => it.str.trim() !== '')
        .map((it) => ({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, size: Math.hypot(it.transform[0], it.transform[1]), font: it.fontName })),
    );
  }
  await doc.destroy();
  return { pages, text: pages.map((items) => items.map((i) => i.str).join(' ').replace(/\s+/g, ' ')) };
}
