/**
 * The stored TRAQ form: envelope `{schema_name, schema_version, data}`, the
 * per-section stored schemas (keys optional, extras tolerated), the blank
 * form and the normaliser applied wherever a review or final form is produced
 * (api.md §4.4, data-model §6.1).
 */
import { z } from 'zod';
import { blankValues, storedSchema } from './fields.js';
import { SECTION_IDS, SECTIONS, type SectionId } from './sections.js';
import { riskRow } from './sections/risk.js';

export const DEFAULT_SCHEMA_NAME = 'demo';
export const DEFAULT_SCHEMA_VERSION = '0.0';
export const NOTES_MAX = 230;

export type FormData = Record<string, unknown>;
export interface FormEnvelope {
  schema_name: string;
  schema_version: string;
  data: FormData;
}

const gps = z.looseObject({ latitude: z.union([z.number(), z.string()]).nullable(), longitude: z.union([z.number(), z.string()]).nullable() });

function sectionStoredSchema(id: SectionId): z.ZodType {
  if (id === 'risk_categorization') return z.array(storedSchema(riskRow));
  const base = storedSchema(SECTIONS[id].fields).extend({ section_id: z.string().optional() });
  if (id === 'client_tree_details') {
    // A string of digits in stored forms (the server writes "3"); tolerated as a number from older clients.
    return base.extend({ tree_number: z.union([z.string(), z.number()]).nullable().optional(), gps: gps.nullable().optional() });
  }
  return base;
}

/** `data`: every known section optional and typed, unknown sections tolerated. */
export const FormDataSchema: z.ZodType<FormData> = z.looseObject(
  Object.fromEntries(SECTION_IDS.map((id) => [id, sectionStoredSchema(id).nullable().optional()])),
);

export const FormEnvelopeSchema = z.object({
  schema_name: z.string().default(DEFAULT_SCHEMA_NAME),
  schema_version: z.string().default(DEFAULT_SCHEMA_VERSION),
  data: FormDataSchema.default({}),
});

/** Every section present with every field null (risk rows and lists empty). */
export function blankForm(): FormEnvelope {
  const data: FormData = {};
  for (const id of SECTION_IDS) {
    data[id] = id === 'risk_categorization' ? [] : { section_id: id, ...blankValues(SECTIONS[id].fields) };
  }
  return { schema_name: DEFAULT_SCHEMA_NAME, schema_version: DEFAULT_SCHEMA_VERSION, data };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Whitespace collapsed, clipped to `max` characters at a word boundary. */
export function capNotes(text: string, max = NOTES_MAX): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  if (s[max] === ' ') return s.slice(0, max);
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut).trimEnd();
}

/** A tree number as forms store it: a string of digits (an int from the extractor becomes "3"). */
export function treeNumberString(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(Math.trunc(v));
  if (typeof v === 'string') return v.trim() || null;
  return null;
}

/**
 * The schema normaliser (api.md §4.4), applied to a copy of form data:
 * - site_factors: a legacy top-level `landscape_environment` moves into `site_changes.landscape_environment`
 *   when that is empty; `site_changes.describe` is dropped; `site_changes.landscape_environment` always exists.
 * - recommended_inspection_interval: legacy `interval` moves to `text` when that is empty; `text` always exists.
 * - crown_and_branches.cracks_notes always exists.
 * - client_tree_details.tree_number is a string.
 * - risk_categorization is an array of rows (an extractor-shaped `{rows}` is unwrapped, anything else is []).
 * - every section object carries `section_id` equal to its key.
 * Sections that are absent stay absent.
 */
export function normalizeFormData(input: unknown, options: { capNotes?: boolean } = {}): FormData {
  const data: FormData = isRecord(input) ? structuredClone(input) : {};
  for (const id of SECTION_IDS) {
    const section = data[id];
    if (id === 'risk_categorization') {
      if (section === undefined) continue;
      if (Array.isArray(section)) data[id] = section.filter(isRecord);
      else data[id] = isRecord(section) && Array.isArray(section.rows) ? section.rows.filter(isRecord) : [];
      continue;
    }
    if (!isRecord(section)) {
      if (section !== undefined) delete data[id];
      continue;
    }
    section.section_id = id;
  }

  const site = data.site_factors;
  if (isRecord(site)) {
    const changes = isRecord(site.site_changes) ? site.site_changes : (site.site_changes = {});
    const legacy = site.landscape_environment;
    if ('landscape_environment' in site) {
      if (isBlank(changes.landscape_environment) && !isBlank(legacy)) changes.landscape_environment = legacy;
      delete site.landscape_environment;
    }
    delete changes.describe;
    if (!('landscape_environment' in changes)) changes.landscape_environment = null;
  }

  const interval = data.recommended_inspection_interval;
  if (isRecord(interval)) {
    if ('interval' in interval) {
      if (isBlank(interval.text) && !isBlank(interval.interval)) interval.text = interval.interval;
      delete interval.interval;
    }
    if (!('text' in interval)) interval.text = null;
  }

  const crown = data.crown_and_branches;
  if (isRecord(crown) && !('cracks_notes' in crown)) crown.cracks_notes = null;

  const details = data.client_tree_details;
  if (isRecord(details) && 'tree_number' in details) details.tree_number = treeNumberString(details.tree_number);

  const notes = data.notes_explanations_descriptions;
  if (options.capNotes && isRecord(notes) && typeof notes.notes === 'string') notes.notes = capNotes(notes.notes);
  return data;
}

/** A stored or submitted form envelope, defaults filled and data normalised. */
export function normalizeForm(input: unknown, options: { capNotes?: boolean } = {}): FormEnvelope {
  const env = isRecord(input) ? input : {};
  return {
    schema_name: typeof env.schema_name === 'string' && env.schema_name ? env.schema_name : DEFAULT_SCHEMA_NAME,
    schema_version: typeof env.schema_version === 'string' && env.schema_version ? env.schema_version : DEFAULT_SCHEMA_VERSION,
    data: normalizeFormData(env.data, options),
  };
}
