/**
 * final.json (data-model §7.1, api.md §5.2 steps 4-6 and 9), as pure functions:
 * the final form preparation, the report image selection and the payload itself.
 * The endpoint reads the rows and files; nothing here touches a database or a disk.
 */
import { isoMicros } from '../domain/time.js';
import { PROFILE_KEYS, type FinalPayload, type FormData, type Profile, type ReportImage, type TraqForm } from './types.js';

export const NOTES_MAX_CHARS = 230;
export const MAX_REPORT_IMAGES = 5;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * The schema normaliser of api.md §4.4, applied to the sections that exist (a sparse
 * form stays sparse): legacy `site_factors.landscape_environment` and
 * `recommended_inspection_interval.interval` move to their current keys,
 * `site_changes.describe` goes, `crown_and_branches.cracks_notes` always exists.
 * Mutates `data`.
 */
export function normalizeFormData(data: FormData): FormData {
  const site = data.site_factors;
  if (isObject(site)) {
    const changes = isObject(site.site_changes) ? site.site_changes : (site.site_changes = {});
    if ('landscape_environment' in site) {
      if (isBlank(changes.landscape_environment)) changes.landscape_environment = site.landscape_environment ?? null;
      delete site.landscape_environment;
    }
    if (!('landscape_environment' in changes)) changes.landscape_environment = null;
    delete changes.describe;
  }
  const interval = data.recommended_inspection_interval;
  if (isObject(interval)) {
    if ('interval' in interval) {
      if (isBlank(interval.text)) interval.text = interval.interval ?? null;
      delete interval.interval;
    }
    if (!('text' in interval)) interval.text = null;
  }
  const crown = data.crown_and_branches;
  if (isObject(crown) && !('cracks_notes' in crown)) crown.cracks_notes = null;
  return data;
}

/** Whitespace collapsed, then cut to `max` characters at a word boundary (a single long word is cut hard). */
export function clampNotes(text: string, max = NOTES_MAX_CHARS): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= max) return collapsed;
  const head = collapsed.slice(0, max + 1);
  const cut = head.lastIndexOf(' ');
  return (cut > 0 ? collapsed.slice(0, cut) : collapsed.slice(0, max)).trimEnd();
}

/**
 * api.md §5.2 step 4 on a copy of the submitted form: normalised, `risk_categorization`
 * a list, notes collapsed and clamped, the authoritative tree number written as a string.
 * Everything else is taken as submitted (the final form replaces the review's).
 */
export function prepareFinalForm(form: TraqForm, treeNumber: number | string | null | undefined): TraqForm {
  const data = normalizeFormData(structuredClone(isObject(form.data) ? form.data : {}));
  if (!Array.isArray(data.risk_categorization)) data.risk_categorization = [];
  const notes = data.notes_explanations_descriptions;
  if (isObject(notes) && typeof notes.notes === 'string') notes.notes = clampNotes(notes.notes);
  if (treeNumber !== null && treeNumber !== undefined && String(treeNumber).trim() !== '') {
    const details = isObject(data.client_tree_details)
      ? data.client_tree_details
      : (data.client_tree_details = { section_id: 'client_tree_details' });
    details.tree_number = String(treeNumber).trim();
  }
  return { schema_name: form.schema_name, schema_version: form.schema_version, data };
}

/** A ProfilePayload with all eight keys (blank strings become null), or null when nothing is set. */
export function normalizeProfile(input: Partial<Record<keyof Profile, unknown>> | null | undefined): Profile | null {
  if (!input) return null;
  const out = {} as Profile;
  let any = false;
  for (const k of PROFILE_KEYS) {
    const v = input[k];
    out[k] = typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
    if (out[k] !== null) any = true;
  }
  return any ? out : null;
}

/** api.md §5.2 step 5: the submitted profile when it says anything, else the caller's stored one. */
export function chooseProfile(submitted: Partial<Record<keyof Profile, unknown>> | null | undefined, stored: Partial<Record<keyof Profile, unknown>> | null | undefined): Profile | null {
  return normalizeProfile(submitted) ?? normalizeProfile(stored);
}

const imageKey = (img: ReportImage) => img.stored_path ?? img.path;
const byUploadedAt = (a: ReportImage, b: ReportImage) => (a.uploaded_at ?? '').localeCompare(b.uploaded_at ?? '');

/**
 * Merges image lists de-duplicated by storage key: a later list's entry replaces an earlier
 * one in place (same position, newer caption), new keys are appended.
 */
export function mergeImageLists(lists: ReportImage[][]): ReportImage[] {
  const merged = new Map<string, ReportImage>();
  for (const list of lists) for (const img of list) merged.set(imageKey(img), img);
  return [...merged.values()];
}

/**
 * api.md §5.2 step 6 / data-model §7.1: the named round's images first, then the other rounds
 * newest-first, each round's list sorted by `uploaded_at` and cut to 5, merged by storage key.
 * In correction mode the archived final's and the previous correction's `report_images` come
 * first so earlier photos are not lost. At most 5 in all. The caller passes only images whose
 * report file (or original) exists.
 */
export function selectReportImages(opts: {
  namedRound: ReportImage[];
  otherRoundsNewestFirst?: ReportImage[][];
  previous?: ReportImage[][];
}): ReportImage[] {
  const perRound = [opts.namedRound, ...(opts.otherRoundsNewestFirst ?? [])].map((list) =>
    [...list].sort(byUploadedAt).slice(0, MAX_REPORT_IMAGES),
  );
  const current = mergeImageLists(perRound);
  const all = opts.previous?.length ? mergeImageLists([...opts.previous, current]) : current;
  return all.slice(0, MAX_REPORT_IMAGES);
}

export interface FinalPayloadInput {
  job_id: string;
  round_id: string;
  server_revision_id: string;
  client_revision_id: string;
  /** The form as submitted (prepared here) — pass `prepared: true` when it already went through prepareFinalForm. */
  form: TraqForm;
  prepared?: boolean;
  /** The authoritative tree number (api.md §4.2); null keeps the form's own. */
  tree_number?: number | string | null;
  /** The named round's review payload (only `transcript` is used); null when the round has none. */
  review: { transcript?: unknown } | null;
  /** The submitted narrative object, stored as sent (unpolished, data-model §10 item 13). */
  narrative: { text?: unknown } & Record<string, unknown>;
  profile: Profile | null;
  report_images: ReportImage[];
  archived_at: Date | string;
}

/** The final.json payload (data-model §7.1): exactly the runtime keys, in api.md order. */
export function buildFinalPayload(input: FinalPayloadInput): FinalPayload {
  const form = input.prepared ? input.form : prepareFinalForm(input.form, input.tree_number);
  const profile = normalizeProfile(input.profile);
  const transcript = input.review && typeof input.review.transcript === 'string' ? input.review.transcript : '';
  const text = typeof input.narrative?.text === 'string' ? input.narrative.text : '';
  const archivedAt = typeof input.archived_at === 'string' ? input.archived_at : isoMicros(input.archived_at)!;
  return {
    job_id: input.job_id,
    round_id: input.round_id,
    server_revision_id: input.server_revision_id,
    client_revision_id: input.client_revision_id,
    archived_at: archivedAt,
    transcript,
    form,
    narrative: { ...input.narrative, text },
    user_name: profile?.name ?? null,
    profile,
    report_images: input.report_images.slice(0, MAX_REPORT_IMAGES).map((img) => ({
      path: img.path,
      ...(img.stored_path !== undefined ? { stored_path: img.stored_path } : {}),
      caption: img.caption ?? null,
      uploaded_at: img.uploaded_at ?? null,
    })),
  };
}

/** The bytes of final.json / final_correction.json: 2-space indented JSON. */
export function finalJsonBuffer(payload: FinalPayload): Buffer {
  return Buffer.from(`${JSON.stringify(payload, null, 2)}\n`, 'utf8');
}
