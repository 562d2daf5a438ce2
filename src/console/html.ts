/**
 * HTML from template literals, escaped by default. Every `${value}` inside
 * html`...` is escaped unless it is itself the result of html`...` (or an
 * array of them), so a page can only emit markup that was written here.
 */
const SAFE = Symbol('safe-html');

export interface Html {
  readonly [SAFE]: true;
  readonly text: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);

const isHtml = (v: unknown): v is Html => typeof v === 'object' && v !== null && (v as Html)[SAFE] === true;

const safe = (text: string): Html => ({ [SAFE]: true, text });

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (isHtml(v)) return v.text;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return safe(out);
}

/** A query-string/path piece for an href (then escaped again as an attribute by html``). */
export const enc = encodeURIComponent;
