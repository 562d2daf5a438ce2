/** Small display helpers shared by the console pages. */
import { html, type Html } from './html.js';

/** `2026-12-01 14:05 UTC` from a Date or an ISO string; an em dash when absent. */
export function when(v: Date | string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) return String(v);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const badge = (value: string | null | undefined): Html => (value ? html`<span class="badge ${value}">${value}</span>` : html`<span class="muted">—</span>`);

export function bytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** `site_factors` → `Site factors`. */
export const label = (key: string) => (key.charAt(0).toUpperCase() + key.slice(1)).replace(/_/g, ' ');
