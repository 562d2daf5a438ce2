/**
 * The report letter DOCX (data-model §7.4): one paragraph per letter-text line, Normal style
 * Times New Roman 11 pt, 72 pt margins on US Letter. Plain text (no images, bold or right
 * alignment), as the reference, so the customer can edit it freely.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { letterLines, type Letter } from './letter.js';

const TWIPS_PER_PT = 20;
const run = { font: 'Times New Roman', size: 22 }; // half-points: 11 pt

export async function renderLetterDocx(letter: Letter): Promise<Buffer> {
  const doc = new Document({
    title: `Report letter - ${letter.subject}`,
    styles: {
      default: { document: { run } },
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 612 * TWIPS_PER_PT, height: 792 * TWIPS_PER_PT },
            margin: { top: 72 * TWIPS_PER_PT, right: 72 * TWIPS_PER_PT, bottom: 72 * TWIPS_PER_PT, left: 72 * TWIPS_PER_PT },
          },
        },
        children: letterLines(letter).map((line) => new Paragraph({ style: 'Normal', children: [new TextRun(line)] })),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
