/** Text measuring helpers shared by the PDF renderers (standard fonts, WinAnsi encoding). */
import type { PDFFont } from 'pdf-lib';

type Measure = (text: string, size: number) => number;

const charsets = new WeakMap<PDFFont, Set<number>>();

/**
 * The text with every character the font cannot encode replaced (accents stripped when that
 * helps, else `?`), and control characters as spaces: the standard fonts only know WinAnsi,
 * and pdf-lib throws on anything else (an emoji in a caption must not fail a final).
 */
export function safeText(font: PDFFont, text: string): string {
  let set = charsets.get(font);
  if (!set) charsets.set(font, (set = new Set(font.getCharacterSet())));
  let out = '';
  for (const ch of text.replace(/[\t\r\n\f\v]/g, ' ')) {
    const cp = ch.codePointAt(0)!;
    if (set.has(cp)) out += ch;
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every((c) => set.has(c.codePointAt(0)!)) ? base : '?';
    }
  }
  return out;
}

/**
 * The largest size from `maxSize` down to `minSize` (0.5 pt steps) at which `text` fits
 * `width`; if none, the text cut at `minSize` and ended with an ellipsis.
 */
export function fitText(text: string, width: number, maxSize: number, minSize: number, measure: Measure): { text: string; size: number } {
  for (let size = maxSize; size >= minSize; size -= 0.5) if (measure(text, size) <= width) return { text, size };
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`, minSize) <= width) lo = mid;
    else hi = mid - 1;
  }
  return { text: lo === 0 ? '' : `${chars.slice(0, lo).join('').trimEnd()}…`, size: minSize };
}

/** Words wrapped into lines no wider than `width`; a word longer than a line is split. */
export function wrapText(text: string, width: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (measure(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}
