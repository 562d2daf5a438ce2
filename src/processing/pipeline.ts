/**
 * Round processing (api.md §4.5, data-model §6.3) without any database: the
 * caller reads the round, its recordings, the base review and the client
 * patch, calls processRound, and writes back the review and the per-recording
 * outcomes (transcripts to cache, failures) in its own transaction.
 *
 * Recordings are transcribed in parallel and each section is extracted as
 * soon as its own recordings are transcribed, all through one limiter of
 * `concurrency` provider calls, so a round takes about
 * slowest transcription + slowest extraction + narrative, not the sum.
 */
import { normalizeForm } from '../form/form.js';
import { isSectionId, type SectionAnswer, type SectionId } from '../form/sections.js';
import { isTransient, type AudioInput, type ProviderFailure, type Providers } from '../providers/types.js';
import { applyFormPatch, mergeExtraction, patchNarrative } from './merge.js';
import { buildReviewPayload, canonicalJson, combinedTranscript, reviewState, withTreeNumber, type ImageRow, type ReviewPayload, type ReviewState, type TranscriptionFailure } from './review.js';

export interface ManifestItem {
  kind: string;
  section_id: string;
  artifact_id: string;
  issue_id?: string | null;
  recorded_at?: string | null;
  client_order?: number | null;
  [key: string]: unknown;
}

/** A `round_recordings` row of this round. */
export interface RoundRecording {
  recordingId: string;
  sectionId: string;
  /** The artifact key of the audio; null when nothing was stored (the recording is skipped). */
  artifactPath: string | null;
  contentType: string | null;
  /** The cached transcript (`transcript_text`), reused unless forced. */
  transcript: string | null;
  uploadedAt: Date | string | null;
}

export interface ClientPatch {
  /** `{data: {...}}` or section keys at the top level. */
  form?: unknown;
  /** `{text: "..."}`; "" counts as no narrative. */
  narrative?: unknown;
}

export interface ProcessRoundInput {
  roundId: string;
  serverRevisionId: string;
  /** The job's authoritative tree number (api.md §4.2). */
  treeNumber: number | null;
  /** The round's manifest, already supplemented with the server's recordings (supplementManifest). */
  manifest: readonly ManifestItem[];
  recordings: readonly RoundRecording[];
  /** The base review: this round's stored review, else the latest review of another round, else null. */
  base: unknown;
  clientPatch?: ClientPatch | null;
  /** The images the review shows. */
  images: readonly ImageRow[];
  /** Reprocess: re-transcribe every recording (ignore cached text) and re-extract recordings already seen. */
  force?: boolean;
  /** The audio of a recording (from the artifact store). A throw fails that recording only. */
  readAudio(recording: RoundRecording): Promise<AudioInput>;
}

export interface RecordingOutcome {
  recordingId: string;
  sectionId: string;
  /**
   * transcribed: new text (cache it); cached: the stored text was used; failed: see error (store it);
   * seen: already consumed by the base review; missing: no stored audio in this round.
   */
  status: 'transcribed' | 'cached' | 'failed' | 'seen' | 'missing';
  transcript: string | null;
  error: string | null;
}

export interface ExtractionFailure {
  section_id: string;
  kind: ProviderFailure['kind'];
  error: string;
}

export type ProcessRoundResult =
  | {
      ok: true;
      review: ReviewPayload;
      recordings: RecordingOutcome[];
      transcriptionFailures: TranscriptionFailure[];
      /** Sections whose extraction failed for good (refusal, malformed, 4xx, no provider): their transcripts are kept, the form is not filled. */
      extractionFailures: ExtractionFailure[];
      /** Where the narrative came from: the client's text, a new generation, the previous one kept (nothing changed), or kept because generation failed. */
      narrative: 'client' | 'generated' | 'unchanged' | 'failed';
    }
  | {
      ok: false;
      /** One line for `failure_reason` / `error_detail`. */
      error: string;
      /** Still reported, so transcripts obtained before the failure are cached for the retry. */
      recordings: RecordingOutcome[];
    };

export interface ProcessOptions {
  /** Provider calls in flight at once for this round. */
  concurrency: number;
}

/** Runs at most `n` tasks at once. */
export function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (active < n && queue.length) {
      active++;
      queue.shift()!();
    }
  };
  return (task) =>
    new Promise((resolve, reject) => {
      queue.push(() =>
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          }),
      );
      next();
    });
}

/** `existing` + `add` joined by a blank line, unless `add` is blank or already contained. */
function appendBlock(existing: string | undefined, add: string): string {
  if (!add.trim()) return existing ?? '';
  if (!existing?.trim()) return add;
  return existing.includes(add) ? existing : `${existing}\n\n${add}`;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

interface SectionWork {
  section: string;
  /** Recording ids whose text went into the delta. */
  used: string[];
  delta: string;
  answer?: SectionAnswer;
  failure?: ProviderFailure;
}

export async function processRound(input: ProcessRoundInput, providers: Providers, options: ProcessOptions): Promise<ProcessRoundResult> {
  const run = limiter(Math.max(1, options.concurrency));
  const force = input.force ?? false;
  const state: ReviewState = reviewState(input.base);
  const baseForm = withTreeNumber(state.draft_form, input.treeNumber);
  const baseNarrative = state.draft_narrative;

  // Client patch, pre-merge (data-model §6.3 step 2).
  const clientNarrative = patchNarrative(input.clientPatch?.narrative);
  if (input.clientPatch?.form !== undefined) state.draft_form = applyFormPatch(state.draft_form, input.clientPatch.form);
  if (clientNarrative !== null) state.draft_narrative = clientNarrative;

  const byId = new Map(input.recordings.map((r) => [r.recordingId, r]));
  const sections = [...new Set(input.manifest.map((m) => m.section_id))].sort();
  const outcomes = new Map<string, RecordingOutcome>();
  /** Every text known this run (new or cached), by recording id, for issue transcripts. */
  const texts = new Map<string, string>();

  const transcribe = async (section: string, id: string): Promise<string | null> => {
    const rec = byId.get(id);
    const seen = (state.section_recordings[section] ?? []).includes(id);
    if (seen && !force) {
      outcomes.set(id, { recordingId: id, sectionId: section, status: 'seen', transcript: rec?.transcript ?? null, error: null });
      if (rec?.transcript) texts.set(id, rec.transcript);
      return null;
    }
    if (!rec?.artifactPath) {
      outcomes.set(id, { recordingId: id, sectionId: section, status: 'missing', transcript: null, error: null });
      return null;
    }
    if (rec.transcript !== null && !force) {
      outcomes.set(id, { recordingId: id, sectionId: section, status: 'cached', transcript: rec.transcript, error: null });
      texts.set(id, rec.transcript);
      return rec.transcript;
    }
    const result = await run(async () => {
      try {
        return await providers.transcriber.transcribe(await input.readAudio(rec));
      } catch (err) {
        return { ok: false as const, kind: 'invalid_input' as const, message: `Recording audio unavailable: ${(err as Error).message}`, attempts: 0 };
      }
    });
    if (!result.ok) {
      outcomes.set(id, { recordingId: id, sectionId: section, status: 'failed', transcript: null, error: result.message });
      return null;
    }
    outcomes.set(id, { recordingId: id, sectionId: section, status: 'transcribed', transcript: result.value, error: null });
    texts.set(id, result.value);
    return result.value;
  };

  const recordingItems = (section: string) => {
    const ids: string[] = [];
    for (const m of input.manifest) if (m.kind === 'recording' && m.section_id === section && !ids.includes(m.artifact_id)) ids.push(m.artifact_id);
    return ids;
  };

  /** The issue transcripts of a section after this run: existing text plus this run's texts per issue. */
  const issueUpdate = (section: string) => {
    const transcripts = { ...(state.issue_transcripts[section] ?? {}) };
    const recordings = { ...(state.issue_recordings[section] ?? {}) };
    const issues = [...new Set(input.manifest.filter((m) => m.section_id === section && m.issue_id).map((m) => m.issue_id!))];
    for (const issue of issues) {
      const ids = input.manifest.filter((m) => m.kind === 'recording' && m.section_id === section && m.issue_id === issue).map((m) => m.artifact_id);
      const withText = ids.filter((id) => texts.get(id)?.trim());
      for (const id of withText) transcripts[issue] = appendBlock(transcripts[issue], texts.get(id)!);
      if (transcripts[issue] === undefined) transcripts[issue] = '';
      recordings[issue] = union(recordings[issue] ?? [], withText).sort();
    }
    return issues.length ? { transcripts, recordings } : null;
  };

  const work = await Promise.all(
    sections.map(async (section): Promise<SectionWork> => {
      const ids = recordingItems(section);
      const results = await Promise.all(ids.map((id) => transcribe(section, id)));
      const used = ids.filter((_, i) => results[i] !== null && results[i]!.trim() !== '');
      const delta = used.map((id) => texts.get(id)!.trim()).join('\n\n');
      const out: SectionWork = { section, used, delta };
      if (!delta.trim() || !isSectionId(section)) return out;
      let text = delta;
      if (section === 'risk_categorization') {
        // All issue transcripts of the section plus the delta (api.md §4.4).
        const issues = issueUpdate(section);
        text = '';
        for (const t of Object.values(issues?.transcripts ?? {})) text = appendBlock(text, t);
        for (const id of used) text = appendBlock(text, texts.get(id)!.trim());
      }
      const r = await run(() => providers.extractor.extract(section as SectionId, text));
      if (r.ok) out.answer = r.value;
      else out.failure = r;
      return out;
    }),
  );

  const order = new Map(input.manifest.map((m, i) => [m.artifact_id, i]));
  const recordings = [...outcomes.values()].sort((a, b) => order.get(a.recordingId)! - order.get(b.recordingId)!);
  const transcriptionFailures: TranscriptionFailure[] = recordings
    .filter((o) => o.status === 'failed')
    .map((o) => ({ section_id: o.sectionId, recording_id: o.recordingId, error: o.error! }));

  // A transient extraction failure fails the round (retry later); risk categorization failures are swallowed.
  const fatal = work.find((w) => w.failure && w.section !== 'risk_categorization' && isTransient(w.failure));
  if (fatal) return { ok: false, error: fatal.failure!.message, recordings };

  // The device's own recording times (naive or with an offset); `Z` times, e.g. filled in from the upload, don't say the field clock.
  const recordedTimes = input.manifest
    .filter((m) => m.kind === 'recording' && typeof m.recorded_at === 'string' && !/z$/i.test(m.recorded_at) && !Number.isNaN(Date.parse(m.recorded_at)))
    .map((m) => m.recorded_at as string)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const extractionFailures: ExtractionFailure[] = [];
  let data = state.draft_form.data;
  for (const w of work) {
    if (w.used.length || state.section_recordings[w.section]) {
      state.section_recordings[w.section] = union(state.section_recordings[w.section] ?? [], w.used);
    }
    if (w.answer) data = mergeExtraction(data, w.section as SectionId, w.answer, { earliestRecordedAt: recordedTimes[0] ?? null });
    if (w.failure) extractionFailures.push({ section_id: w.section, kind: w.failure.kind, error: w.failure.message });
    if (w.delta.trim()) state.section_transcripts[w.section] = appendBlock(state.section_transcripts[w.section], w.delta);
    const issues = issueUpdate(w.section);
    if (issues) {
      state.issue_transcripts[w.section] = issues.transcripts;
      state.issue_recordings[w.section] = issues.recordings;
    }
  }
  state.draft_form = { ...state.draft_form, data };

  // Client patch, post-merge: user edits beat extraction (step 8).
  if (input.clientPatch?.form !== undefined) state.draft_form = applyFormPatch(state.draft_form, input.clientPatch.form);
  state.draft_form = withTreeNumber(normalizeForm(state.draft_form), input.treeNumber);

  // Narrative: the client's text wins; otherwise regenerate only when something changed (api.md §8.4 item 30).
  let narrative: 'client' | 'generated' | 'unchanged' | 'failed';
  const transcript = combinedTranscript(state.section_transcripts);
  const changed = work.some((w) => w.delta.trim()) || canonicalJson(state.draft_form.data) !== canonicalJson(baseForm.data) || !baseNarrative.trim();
  if (clientNarrative !== null) narrative = 'client';
  else if (!changed) narrative = 'unchanged';
  else {
    const r = await run(() => providers.writer.narrative({ form: state.draft_form.data, transcript }));
    if (r.ok) {
      state.draft_narrative = r.value;
      narrative = 'generated';
    } else narrative = 'failed';
  }

  const review = buildReviewPayload({
    roundId: input.roundId,
    serverRevisionId: input.serverRevisionId,
    treeNumber: input.treeNumber,
    state,
    images: input.images,
    transcriptionFailures,
  });
  return { ok: true, review, recordings, transcriptionFailures, extractionFailures, narrative };
}

/**
 * The server-side recording list (api.md §4.6): this round's recordings with
 * stored audio, sorted by section then id, as manifest items. Ids listed in
 * the manifest or the round's review that have no stored audio are left out.
 */
export function serverRecordingList(recordings: readonly RoundRecording[], manifest: readonly ManifestItem[] = []): ManifestItem[] {
  const recordedAt = new Map(manifest.filter((m) => m.kind === 'recording' && m.recorded_at).map((m) => [m.artifact_id, m.recorded_at!]));
  return recordings
    .filter((r) => r.artifactPath)
    .sort((a, b) => (a.sectionId === b.sectionId ? (a.recordingId < b.recordingId ? -1 : 1) : a.sectionId < b.sectionId ? -1 : 1))
    .map((r, i) => ({
      artifact_id: r.recordingId,
      section_id: r.sectionId,
      client_order: i + 1,
      kind: 'recording',
      issue_id: null,
      recorded_at: recordedAt.get(r.recordingId) ?? (r.uploadedAt instanceof Date ? r.uploadedAt.toISOString() : r.uploadedAt),
    }));
}

/**
 * The manifest a submit processes (api.md §4.3 step 5): the client's manifest
 * plus every recording of the round it omits, so nothing uploaded is skipped.
 * A recording already listed (with or without an issue id) is not added again.
 */
export function supplementManifest(manifest: readonly ManifestItem[], recordings: readonly RoundRecording[]): ManifestItem[] {
  const server = serverRecordingList(recordings, manifest);
  if (!manifest.length) return server;
  const listed = new Set(manifest.filter((m) => m.kind === 'recording').map((m) => `${m.section_id}\u0000${m.artifact_id}`));
  return [...manifest, ...server.filter((s) => !listed.has(`${s.section_id}\u0000${s.artifact_id}`))];
}

