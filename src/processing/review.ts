/**
 * The review payload (api.md §4.5.1, data-model §6.4): stored in
 * `job_rounds.review_payload`, returned by GET review and the assigned-jobs
 * list. Pure functions; every key is always present.
 */
import { isoMicros } from '../domain/time.js';
import { normalizeForm, type FormData, type FormEnvelope } from '../form/form.js';

export interface TranscriptionFailure {
  section_id: string;
  recording_id: string;
  error: string;
}

export interface ReviewImage {
  id: string;
  image_id: string;
  section_id: string;
  upload_status: string;
  caption: string;
  stored_path: string | null;
  report_image_path: string | null;
  uploaded_at: string | null;
  /** Only when a coordinate is set. */
  gps?: { latitude: number | string | null; longitude: number | string | null };
}

export interface ReviewPayload {
  round_id: string;
  server_revision_id: string;
  /** `[section_id]\n<text>` blocks joined by blank lines. */
  transcript: string;
  section_recordings: Record<string, string[]>;
  section_transcripts: Record<string, string>;
  issue_recordings: Record<string, Record<string, string[]>>;
  issue_transcripts: Record<string, Record<string, string>>;
  draft_form: FormEnvelope;
  draft_narrative: string;
  /** Always `draft_form.data`. */
  form: FormData;
  narrative: string;
  tree_number: number | null;
  images: ReviewImage[];
  transcription_failures: TranscriptionFailure[];
}

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
