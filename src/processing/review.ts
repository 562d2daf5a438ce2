/**
 * The review payload (api.md §4.5.1, data-model §6.4): stored in
 * `job_rounds.review_payload`, returned by GET review and the assigned-jobs
 * list. Pure functions; every key is always present.
 */
import { isoMicros } from '../domain/time.js';
import { z } from 'zod';
import { FormDataSchema, normalizeForm, type FormEnvelope } from '../form/form.js';

const coordinate = z.union([z.number(), z.string()]).nullable();

export const TranscriptionFailureSchema = z.object({ section_id: z.string(), recording_id: z.string(), error: z.string() });
export type TranscriptionFailure = z.infer<typeof TranscriptionFailureSchema>;

export const ReviewImageSchema = z.object({
  id: z.string(),
  image_id: z.string(),
  section_id: z.string(),
  upload_status: z.string(),
  caption: z.string(),
  stored_path: z.string().nullable(),
  report_image_path: z.string().nullable(),
  uploaded_at: z.string().nullable(),
  /** Only when a coordinate is set. */
  gps: z.object({ latitude: coordinate, longitude: coordinate }).optional(),
});
export type ReviewImage = z.infer<typeof ReviewImageSchema>;

/** The review payload; also the `response` schema of the routes that answer it. */
export const ReviewPayloadSchema = z.object({
  round_id: z.string(),
  server_revision_id: z.string(),
  /** `[section_id]\n<text>` blocks joined by blank lines. */
  transcript: z.string(),
  section_recordings: z.record(z.string(), z.array(z.string())),
  section_transcripts: z.record(z.string(), z.string()),
  issue_recordings: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
  issue_transcripts: z.record(z.string(), z.record(z.string(), z.string())),
  draft_form: z.object({ schema_name: z.string(), schema_version: z.string(), data: FormDataSchema }),
  draft_narrative: z.string(),
  /** Always `draft_form.data`. */
  form: FormDataSchema,
  narrative: z.string(),
  tree_number: z.number().int().nullable(),
  images: z.array(ReviewImageSchema),
  transcription_failures: z.array(TranscriptionFailureSchema),
});
export type ReviewPayload = z.infer<typeof ReviewPayloadSchema>;

/** A `round_images` row as the DB gives it. */
export interface ImageRow {
  imageId: string;
  sectionId: string;
  uploadStatus: string;
  caption: string | null;
  artifactPath: string | null;
  reportArtifactPath: string | null;
  uploadedAt: Date | string | null;
  latitude: number | string | null;
  longitude: number | string | null;
}

/** The cumulative part of a review: what processing carries from one round to the next. */
export interface ReviewState {
  section_recordings: Record<string, string[]>;
  section_transcripts: Record<string, string>;
  issue_recordings: Record<string, Record<string, string[]>>;
  issue_transcripts: Record<string, Record<string, string>>;
  draft_form: FormEnvelope;
  draft_narrative: string;
}

export interface ReviewFacts {
  roundId: string;
  serverRevisionId: string;
  /** The job's authoritative tree number; written into the form as a string when known. */
  treeNumber: number | null;
  state: ReviewState;
  images: readonly ImageRow[];
  transcriptionFailures: readonly TranscriptionFailure[];
}

type Obj = Record<string, unknown>;
const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}
function listMap(v: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) out[k] = strings(x);
  return out;
}
function nested<T>(v: unknown, inner: (x: unknown) => T): Record<string, T> {
  const out: Record<string, T> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) out[k] = inner(x);
  return out;
}

/** A stored review (or nothing) read leniently into its cumulative state; an empty state when absent. */
export function reviewState(stored: unknown): ReviewState {
  const r = isRecord(stored) ? stored : {};
  const form = isRecord(r.draft_form) ? r.draft_form : isRecord(r.form) ? { data: r.form } : {};
  return {
    section_recordings: listMap(r.section_recordings),
    section_transcripts: stringMap(r.section_transcripts),
    issue_recordings: nested(r.issue_recordings, listMap),
    issue_transcripts: nested(r.issue_transcripts, stringMap),
    draft_form: normalizeForm(form),
    draft_narrative: typeof r.draft_narrative === 'string' ? r.draft_narrative : typeof r.narrative === 'string' ? r.narrative : '',
  };
}

/** Section transcripts as `[section_id]\n<text>` blocks, in insertion order, joined by a blank line. */
export function combinedTranscript(sectionTranscripts: Record<string, string>): string {
  return Object.entries(sectionTranscripts)
    .filter(([, text]) => text.trim() !== '')
    .map(([section, text]) => `[${section}]\n${text}`)
    .join('\n\n');
}

/** `round_images` rows as review images, sorted by (section_id, id); blank captions are "". */
export function reviewImages(rows: readonly ImageRow[]): ReviewImage[] {
  return rows
    .map((row): ReviewImage => {
      const image: ReviewImage = {
        id: row.imageId,
        image_id: row.imageId,
        section_id: row.sectionId,
        upload_status: row.uploadStatus,
        caption: row.caption?.trim() ? row.caption : '',
        stored_path: row.artifactPath,
        report_image_path: row.reportArtifactPath,
        uploaded_at: isoMicros(row.uploadedAt),
      };
      if (row.latitude !== null || row.longitude !== null) image.gps = { latitude: row.latitude, longitude: row.longitude };
      return image;
    })
    .sort((a, b) => (a.section_id === b.section_id ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.section_id < b.section_id ? -1 : 1));
}

/** The job's tree number written into the form as a string (the section is created if absent). */
export function withTreeNumber(form: FormEnvelope, treeNumber: number | null): FormEnvelope {
  if (treeNumber === null) return form;
  const details = isRecord(form.data.client_tree_details) ? form.data.client_tree_details : { section_id: 'client_tree_details' };
  return { ...form, data: { ...form.data, client_tree_details: { ...details, tree_number: String(treeNumber) } } };
}

/** The review payload of a processed round. */
export function buildReviewPayload(facts: ReviewFacts): ReviewPayload {
  const draftForm = withTreeNumber(normalizeForm(facts.state.draft_form), facts.treeNumber);
  return {
    round_id: facts.roundId,
    server_revision_id: facts.serverRevisionId,
    transcript: combinedTranscript(facts.state.section_transcripts),
    section_recordings: facts.state.section_recordings,
    section_transcripts: facts.state.section_transcripts,
    issue_recordings: facts.state.issue_recordings,
    issue_transcripts: facts.state.issue_transcripts,
    draft_form: draftForm,
    draft_narrative: facts.state.draft_narrative,
    form: draftForm.data,
    narrative: facts.state.draft_narrative,
    tree_number: facts.treeNumber,
    images: reviewImages(facts.images),
    transcription_failures: [...facts.transcriptionFailures],
  };
}

/**
 * A stored review as GET review answers it (api.md §2.8.3), without changing
 * anything: form from draft_form, normalised, the job's tree number, the
 * narrative from draft_narrative when missing, images hydrated from the rows
 * given (the stored list when there are none). Keys missing from older
 * stored payloads are filled, so every key is present.
 */
export function reviewForRead(
  stored: unknown,
  facts: { roundId: string; serverRevisionId: string; treeNumber: number | null; images: readonly ImageRow[] },
): ReviewPayload {
  const r = isRecord(stored) ? stored : {};
  const state = reviewState(stored);
  const payload = buildReviewPayload({ ...facts, state, images: facts.images, transcriptionFailures: [] });
  if (typeof r.transcript === 'string' && r.transcript) payload.transcript = r.transcript;
  if (typeof r.narrative === 'string' && r.narrative) payload.narrative = r.narrative;
  if (!facts.images.length && Array.isArray(r.images)) payload.images = r.images.filter(isRecord) as unknown as ReviewImage[];
  if (Array.isArray(r.transcription_failures)) payload.transcription_failures = r.transcription_failures.filter(isRecord) as unknown as TranscriptionFailure[];
  return payload;
}

/** JSON with object keys sorted, so values read back from jsonb (which reorders keys) compare by content. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    isRecord(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x,
  );
}

/** True when two reviews hold the same content (e.g. to decide whether `server_revision_id` / the review revision moves). */
export const sameReview = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
