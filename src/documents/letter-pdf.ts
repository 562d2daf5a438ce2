/**
 * The report letter PDF (data-model §7.4): US Letter, 1-inch margins, Times; sender top-left
 * and recipient top-right on one baseline; the body auto-fitted 11→10→9→8 pt to keep the
 * letter on one page; then an "Images" section with up to five captioned photos.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { safeText, wrapText } from './text-fit.js';
import type { Letter } from './letter.js';
import type { LetterImage } from './types.js';

const PAGE: [number, number] = [612, 792];
const MARGIN = 72;
const WIDTH = PAGE[0] - 2 * MARGIN;
const USABLE_HEIGHT = PAGE[1] - 2 * MARGIN;
const IMAGE_MAX_HEIGHT = 0.42 * USABLE_HEIGHT;
const BODY_SIZES = [11, 10, 9, 8];
const MAX_IMAGES = 5;

/** The bytes of a Buffer, a stream or any async iterable of chunks. */
export async function imageBytes(data: LetterImage['data']): Promise<Uint8Array> {
  if (data instanceof Uint8Array) return data;
  const chunks: Buffer[] = [];
  for await (const chunk of data as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function embedImage(doc: PDFDocument, given: Uint8Array): Promise<PDFImage | null> {
  // pdf-lib reads the whole underlying ArrayBuffer and ignores byteOffset, so a Buffer that is a view into
  // Node's shared pool (any small Buffer.concat / file read) must be copied into its own buffer first.
  const bytes = given.byteOffset === 0 && given.byteLength === given.buffer.byteLength ? given : new Uint8Array(given);
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xd8) return await doc.embedJpg(bytes);
    if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return await doc.embedPng(bytes);
  } catch {
    // A damaged photo must not fail the final: its caption says so instead.
  }
  return null;
}

interface Fonts {
  roman: PDFFont;
  bold: PDFFont;
}

interface Line {
  /** Runs drawn one after the other on the line. */
  runs: { text: string; font: PDFFont }[];
  x: number;
  /** Extra space before the line, in lines. */
  gap?: number;
}

/** The body (date to signature) as lines at `size`. */
function bodyLines(letter: Letter, fonts: Fonts, size: number): Line[] {
  const measure = (font: PDFFont) => (s: string, sz: number) => font.widthOfTextAtSize(safeText(font, s), sz);
  const lines: Line[] = [{ runs: [{ text: letter.date, font: fonts.roman }], x: MARGIN }];
  const prefix = 'Subject : ';
  const indent = measure(fonts.bold)(prefix, size);
  wrapText(letter.subject, WIDTH - indent, size, measure(fonts.roman)).forEach((text, i) =>
    lines.push({ runs: i === 0 ? [{ text: prefix, font: fonts.bold }, { text, font: fonts.roman }] : [{ text, font: fonts.roman }], x: MARGIN + (i === 0 ? 0 : indent), gap: i === 0 ? 1 : 0 }),
  );
  for (const paragraph of letter.paragraphs.filter(Boolean)) {
    wrapText(paragraph, WIDTH, size, measure(fonts.roman)).forEach((text, i) => lines.push({ runs: [{ text, font: fonts.roman }], x: MARGIN, gap: i === 0 ? 1 : 0 }));
  }
  letter.signature.forEach((text, i) => {
    const bold = (i === 0 && letter.signatureName) || (i === (letter.signatureName ? 1 : 0) && letter.signatureIsa);
    lines.push({ runs: [{ text, font: bold ? fonts.bold : fonts.roman }], x: MARGIN, gap: i === 0 ? 1.5 : 0 });
  });
  return lines;
}

function drawRuns(page: PDFPage, line: Line, y: number, size: number) {
  let x = line.x;
  for (const run of line.runs) {
    const text = safeText(run.font, run.text);
    page.drawText(text, { x, y, size, font: run.font, color: rgb(0, 0, 0) });
    x += run.font.widthOfTextAtSize(text, size);
  }
}

/** The letter PDF's bytes; `images` beyond the fifth are ignored. */
export async function renderLetterPdf(letter: Letter, images: LetterImage[] = []): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Report letter - ${letter.subject}`);
  const fonts: Fonts = { roman: await doc.embedFont(StandardFonts.TimesRoman), bold: await doc.embedFont(StandardFonts.TimesRomanBold) };
  let page = doc.addPage(PAGE);

  // Header: both blocks start on the same baseline; first line bold 12, the rest 11.
  const top = PAGE[1] - MARGIN - 12;
  const headerLine = 14;
  const blockWidth = letter.recipient.reduce((w, l, i) => Math.max(w, (i ? fonts.roman : fonts.bold).widthOfTextAtSize(safeText(fonts.roman, l), i ? 11 : 12)), 0);
  const drawBlock = (lines: string[], x: number) =>
    lines.forEach((l, i) => page.drawText(safeText(fonts.roman, l), { x, y: top - i * headerLine, size: i ? 11 : 12, font: i ? fonts.roman : fonts.bold }));
  drawBlock(letter.sender, MARGIN);
  drawBlock(letter.recipient, PAGE[0] - MARGIN - blockWidth);
  let y = top - Math.max(letter.sender.length, letter.recipient.length, 1) * headerLine - headerLine;

  // Body: the largest size that keeps the letter on this page (8 pt flows on if it must).
  const bottom = MARGIN;
  let size = BODY_SIZES.at(-1)!;
  let lines = bodyLines(letter, fonts, size);
  for (const candidate of BODY_SIZES) {
    const l = bodyLines(letter, fonts, candidate);
    const height = l.reduce((h, line) => h + (1 + (line.gap ?? 0)) * candidate * 1.25, 0);
    if (y - height >= bottom) {
      size = candidate;
      lines = l;
      break;
    }
  }
  const leading = size * 1.25;
  for (const line of lines) {
    y -= (1 + (line.gap ?? 0)) * leading;
    if (y < bottom) {
      page = doc.addPage(PAGE);
      y = PAGE[1] - MARGIN - size;
    }
    drawRuns(page, line, y, size);
  }

  // Images: from a new page, each scaled to the text width and at most 42 % of the usable height.
  const photos = images.slice(0, MAX_IMAGES);
  if (photos.length) {
    page = doc.addPage(PAGE);
    y = PAGE[1] - MARGIN - 12;
    page.drawText('Images', { x: MARGIN, y, size: 12, font: fonts.bold });
    y -= 12;
    for (const [i, photo] of photos.entries()) {
      const caption = safeText(fonts.roman, `${i + 1}. ${photo.caption?.trim() || `Photo ${i + 1}`}`);
      const image = await embedImage(doc, await imageBytes(photo.data));
      const scale = image ? Math.min(WIDTH / image.width, IMAGE_MAX_HEIGHT / image.height) : 0;
      const h = image ? image.height * scale : 0;
      const w = image ? image.width * scale : 0;
      const need = h + 8 + 10 + 16;
      if (y - need < bottom) {
        page = doc.addPage(PAGE);
        y = PAGE[1] - MARGIN;
      }
      if (image) page.drawImage(image, { x: MARGIN + (WIDTH - w) / 2, y: y - 8 - h, width: w, height: h });
      y -= 8 + h + 12;
      const label = image ? caption : `${caption} (image could not be embedded)`;
      const labelWidth = Math.min(WIDTH, fonts.roman.widthOfTextAtSize(label, 10));
      page.drawText(label, { x: MARGIN + (WIDTH - labelWidth) / 2, y, size: 10, font: fonts.roman, maxWidth: WIDTH });
      y -= 16;
    }
  }

  for (const p of doc.getPages()) p.drawText(safeText(fonts.roman, letter.footer), { x: MARGIN, y: MARGIN / 2, size: 8, font: fonts.roman, color: rgb(0.25, 0.25, 0.25) });
  return Buffer.from(await doc.save());
}
