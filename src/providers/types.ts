/**
 * The AI providers behind small interfaces (README decision 12). Every call
 * resolves to a ProviderResult; failures are values, never thrown.
 */
import type { FormData } from '../form/form.js';
import type { SectionAnswer, SectionId } from '../form/sections.js';

export type FailureKind =
  /** no provider configured (no OPENAI_API_KEY / OPENAI_BASE_URL) */
  | 'not_configured'
  /** the call took longer than its timeout */
  | 'timeout'
  /** connection refused / reset, DNS */
  | 'network'
  /** a non-2xx answer (`status` says which) */
  | 'http'
  /** a 2xx answer that is not what the API promises (bad JSON, missing fields, truncated output) */
  | 'malformed'
  /** the model declined to answer */
  | 'refusal'
  /** the input cannot be sent (e.g. audio over the 25 MB limit) */
  | 'invalid_input'
  /** the worker lost the round (its lease) and stopped the call */
  | 'cancelled';

export interface ProviderFailure {
  ok: false;
  kind: FailureKind;
  /** One line, safe to show the arborist and to store (never contains a key). */
  message: string;
  status?: number;
  attempts: number;
}
export interface ProviderSuccess<T> {
  ok: true;
  value: T;
  attempts: number;
}
export type ProviderResult<T> = ProviderSuccess<T> | ProviderFailure;

/** Transient failures are worth another try later (the round can be retried); the others will fail the same way again. */
export const isTransient = (f: ProviderFailure): boolean =>
  f.kind === 'timeout' || f.kind === 'network' || (f.kind === 'http' && (f.status === undefined || f.status === 408 || f.status === 409 || f.status === 429 || f.status >= 500));

export interface AudioInput {
  bytes: Uint8Array;
  /** e.g. `rec_1.m4a`: the name the provider sees, also used in failure texts. */
  filename: string;
  contentType: string;
}

export interface Transcriber {
  transcribe(audio: AudioInput): Promise<ProviderResult<string>>;
}

export interface SectionExtractor {
  extract<S extends SectionId>(section: S, transcript: string): Promise<ProviderResult<SectionAnswer<S>>>;
}

export interface NarrativeWriter {
  /** The five-paragraph narrative (data-model §7.4) from the form data and the combined transcript. */
  narrative(input: { form: FormData; transcript: string }): Promise<ProviderResult<string>>;
  /** The final letter's polish: readability only, no new facts. */
  polish(text: string): Promise<ProviderResult<string>>;
}

export interface Providers {
  /** `openai` (any OpenAI-compatible server) or `none`. */
  name: 'openai' | 'none';
  transcriber: Transcriber;
  extractor: SectionExtractor;
  writer: NarrativeWriter;
}
