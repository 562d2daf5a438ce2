/**
 * How extraction answers and user edits merge into the draft form
 * (data-model §6.3, api.md §4.4). All functions are pure: they return new
 * values and never modify their inputs.
 *
 * The two principles: user edits win (the client patch is applied before and
 * again after extraction), and blanks never erase (null / "" / empty
 * containers in a patch are dropped; extraction only fills what is blank,
 * "first write wins").
 */
import { capNotes, isBlank, normalizeForm, treeNumberString, type FormData, type FormEnvelope } from '../form/form.js';
import type { RiskRow, SectionAnswer, SectionId } from '../form/sections.js';

type Obj = Record<string, unknown>;
const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

// ---------------------------------------------------------------------------
// Client patch

/**
 * Drops null, blank strings, and objects/arrays that are empty after pruning,
 * recursively; `false` and `0` are kept. Returns undefined when nothing is left.
 */
export function prunePatch(v: unknown): unknown {
  if (isBlank(v)) return undefined;
  if (Array.isArray(v)) {
    const items = v.map(prunePatch).filter((x) => x !== undefined);
    return items.length ? items : undefined;
  }
  if (isRecord(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) {
      const p = prunePatch(x);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

/** Objects merge key by key; any other value (arrays included) replaces. */
export function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isRecord(base) || !isRecord(patch)) return clone(patch);
  const out: Obj = clone(base);
  for (const [k, v] of Object.entries(patch)) out[k] = deepMerge(out[k], v);
  return out;
}

/**
 * The client form patch applied to a draft form: pruned, wrapped as
 * `{data: patch}` when it has no `data` key (both shapes of api.md §4.4 work,
 * whatever the base), deep-merged, normalised.
 */
export function applyFormPatch(draft: FormEnvelope, patch: unknown): FormEnvelope {
  const pruned = prunePatch(patch);
  if (!isRecord(pruned)) return normalizeForm(draft);
  // Placement is decided on the patch as sent: `{data: {}, schema_version: "0.1"}` is still an envelope.
  const placed = isRecord(patch) && 'data' in patch ? pruned : { data: pruned };
  return normalizeForm(deepMerge(draft, placed));
}

/** The narrative text a client patch carries, or null when it carries none (`""` counts as none, api.md §8.4 item 30). */
export function patchNarrative(narrative: unknown): string | null {
  const text = isRecord(narrative) ? narrative.text : undefined;
  return typeof text === 'string' && text.trim() !== '' ? text : null;
}

// ---------------------------------------------------------------------------
// Extraction merge

/** Fill one key if it is missing or blank (a blank incoming value still creates a missing key, so the shape is complete). */
function fillKey(into: Obj, k: string, v: unknown): void {
  if (isBlank(into[k]) && (!isBlank(v) || !(k in into))) into[k] = clone(v);
}
function fillBlanks(into: Obj, from: Obj): void {
  for (const [k, v] of Object.entries(from)) fillKey(into, k, v);
}

/** Fill blanks, one level into sub-objects. */
function fillNested(into: Obj, from: Obj): void {
  for (const [k, v] of Object.entries(from)) {
    if (isRecord(v) && isRecord(into[k])) fillBlanks(into[k] as Obj, v);
    else fillKey(into, k, v);
  }
}

/** `existing` plus `incoming`, joined by `sep`, unless incoming is blank or already contained. */
function appendText(existing: unknown, incoming: unknown, sep: string): unknown {
  if (isBlank(incoming)) return existing === undefined ? null : existing;
  const add = String(incoming).trim();
  if (isBlank(existing)) return add;
  const have = String(existing);
  return have.includes(add) ? have : `${have.trimEnd()}${sep}${add}`;
}

const rowIsEmpty = (row: Obj) => Object.values(row).every(isBlank);

/** Positional merge: row i fills its blanks from incoming row i; extra non-empty incoming rows are appended; surplus existing rows stay. */
function mergeRows(existing: unknown, incoming: readonly Obj[]): Obj[] {
  const rows: Obj[] = Array.isArray(existing) ? existing.filter(isRecord).map(clone) : [];
  incoming.forEach((row, i) => {
    if (i < rows.length) fillBlanks(rows[i]!, row);
    else if (!rowIsEmpty(row)) rows.push(clone(row));
  });
  return rows;
}

const FLAT: ReadonlySet<SectionId> = new Set<SectionId>([
  'client_tree_details',
  'load_factors',
  'trunk',
  'roots_and_root_collar',
  'overall_tree_risk_rating',
  'work_priority',
  'overall_residual_risk',
  'recommended_inspection_interval',
  'data_status',
  'advanced_assessment_needed',
  'advanced_assessment_type_reason',
  'inspection_limitations',
  'inspection_limitations_describe',
]);
const NESTED: ReadonlySet<SectionId> = new Set<SectionId>(['tree_health_and_species', 'crown_and_branches']);
const SITE_APPENDED_DESCRIBE = ['soil_conditions', 'common_weather'] as const;
const MITIGATION_MAX = 4;

export interface ExtractionContext {
  /** The earliest `recorded_at` of the round's recordings (ISO 8601), used to default the details' date and time. */
  earliestRecordedAt?: string | null;
}

/**
 * `YYYY-MM-DD` and `HH:MM` of an ISO time as written: the device's own clock
 * (a naive time or one with its offset). A `Z` time says nothing about the
 * field's local time (and is what the server fills in from the upload time),
 * so it never defaults the form: a wrong time on the form is worse than none.
 */
function recordedDateTime(iso: string): { date: string; time: string } | null {
  const s = iso.trim();
  if (/z$/i.test(s)) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(s);
  return m ? { date: m[1]!, time: m[2]! } : null;
}

function mergeSection(section: SectionId, existing: unknown, answer: Obj, ctx: ExtractionContext): Obj {
  const into: Obj = isRecord(existing) ? clone(existing) : {};
  if (FLAT.has(section)) {
    const incoming = { ...answer };
    if (section === 'client_tree_details') {
      if ('tree_number' in incoming) incoming.tree_number = treeNumberString(incoming.tree_number);
      const when = ctx.earliestRecordedAt ? recordedDateTime(ctx.earliestRecordedAt) : null;
      if (when) {
        if (isBlank(incoming.date)) incoming.date = when.date;
        if (isBlank(incoming.time)) incoming.time = when.time;
      }
    }
    fillBlanks(into, incoming);
  } else if (NESTED.has(section)) {
    fillNested(into, answer);
  } else if (section === 'site_factors') {
    for (const [k, v] of Object.entries(answer)) {
      if (isRecord(v)) {
        const g: Obj = isRecord(into[k]) ? (into[k] as Obj) : (into[k] = {});
        for (const [gk, gv] of Object.entries(v)) {
          if (gk === 'describe' && (SITE_APPENDED_DESCRIBE as readonly string[]).includes(k)) g[gk] = appendText(g[gk], gv, ' ');
          else fillKey(g, gk, gv);
        }
      } else if (k === 'notes') into.notes = appendText(into.notes, v, ' ');
      else fillKey(into, k, v);
    }
  } else if (section === 'target_assessment') {
    into.targets = mergeRows(into.targets, (answer.targets as Obj[]) ?? []);
  } else if (section === 'notes_explanations_descriptions') {
    const joined = appendText(into.notes, answer.notes, '\n\n');
    into.notes = typeof joined === 'string' ? capNotes(joined) : joined;
  } else if (section === 'mitigation_options') {
    const rows: Obj[] = Array.isArray(into.options) ? into.options.filter(isRecord).map(clone) : [];
    const key = (r: Obj) => JSON.stringify([r.option, r.residual_risk].map((x) => (isBlank(x) ? '' : String(x).trim().toLowerCase())));
    for (const row of (answer.options as Obj[]) ?? []) {
      if (rows.length >= MITIGATION_MAX) break;
      if (rowIsEmpty(row) || rows.some((r) => key(r) === key(row))) continue;
      rows.push(clone(row));
    }
    into.options = rows;
  }
  into.section_id = section;
  return into;
}

/**
 * One extractor answer merged into the form data (returns new data).
 * `risk_categorization` answers are `{rows}` and merge into the bare array of rows.
 */
export function mergeExtraction<S extends SectionId>(data: FormData, section: S, answer: SectionAnswer<S>, ctx: ExtractionContext = {}): FormData {
  const out: FormData = { ...data };
  if (section === 'risk_categorization') {
    out.risk_categorization = mergeRiskRows(data.risk_categorization, (answer as SectionAnswer<'risk_categorization'>).rows);
  } else {
    out[section] = mergeSection(section, data[section], answer as Obj, ctx);
  }
  return out;
}

/** Risk rows by index, filling empty cells; extra incoming rows appended; surplus existing rows kept. */
export function mergeRiskRows(existing: unknown, incoming: readonly RiskRow[]): Obj[] {
  const rows = Array.isArray(existing) ? existing : isRecord(existing) && Array.isArray(existing.rows) ? existing.rows : [];
  return mergeRows(rows, incoming as unknown as Obj[]);
}
