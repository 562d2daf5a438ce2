/**
 * The OpenAI-compatible HTTP providers (README decision 12): plain fetch
 * against `<baseUrl>/audio/transcriptions` and `<baseUrl>/chat/completions`,
 * so the hosted API and local servers (vLLM, llama.cpp, LocalAI ...) work
 * alike. We use fetch rather than the `openai` SDK: four small POSTs, and we
 * need our own typed failure per call, timeout per attempt and retry policy,
 * which the SDK would wrap in its own error classes and retry loop.
 */
import { coerceAnswer, extractionMessages, extractionResponseFormat } from '../form/extraction.js';
import type { SectionAnswer, SectionId } from '../form/sections.js';
import { currentCancellation } from './cancel.js';
import { NARRATIVE_SYSTEM_PROMPT, narrativeUserPrompt, POLISH_SYSTEM_PROMPT } from './prompts.js';
import { isTransient, type AudioInput, type FailureKind, type NarrativeWriter, type ProviderFailure, type ProviderResult, type Providers, type SectionExtractor, type Transcriber } from './types.js';

export interface CallPolicy {
  /** Per attempt. */
  timeoutMs: number;
  attempts: number;
  /** Linear back-off: the wait before attempt n+1 is backoffMs × n. */
  backoffMs: number;
}

export interface OpenAIOptions {
  /** Including the version path, e.g. `https://api.openai.com/v1`. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  summaryModel: string;
  transcribeModel: string;
  transcribeLanguage: string;
  transcribePrompt: string;
  chat: CallPolicy;
  transcribe: CallPolicy;
  maxAudioBytes?: number;
}

export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;

const fail = (kind: FailureKind, message: string, status?: number): ProviderFailure => ({ ok: false, kind, message, status, attempts: 1 });
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function redact(text: string, apiKey: string | undefined): string {
  let s = text.replace(/sk-[A-Za-z0-9_*.-]+/g, 'sk-***');
  if (apiKey) s = s.split(apiKey).join('***');
  return s.replace(/\s+/g, ' ').trim().slice(0, 200);
}

class Http {
  constructor(private readonly opts: OpenAIOptions) {}

  /** One request: a parsed JSON body or a typed failure. */
  async call(path: string, body: string | FormData, timeoutMs: number): Promise<ProviderResult<unknown>> {
    const headers: Record<string, string> = {};
    if (this.opts.apiKey) headers.authorization = `Bearer ${this.opts.apiKey}`;
    if (typeof body === 'string') headers['content-type'] = 'application/json';
    const cancelled = currentCancellation();
    if (cancelled?.aborted) return fail('cancelled', 'cancelled: the round was taken away from this worker');
    // One controller fed by our own timer and the round's cancellation (not AbortSignal.any, whose composite
    // signal Node 20 may collect while fetch still waits on it, so the abort never arrives).
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const onCancel = () => controller.abort();
    cancelled?.addEventListener('abort', onCancel, { once: true });
    let status = 0;
    let text: string;
    try {
      const res = await fetch(`${this.opts.baseUrl.replace(/\/+$/, '')}${path}`, { method: 'POST', headers, body, signal: controller.signal });
      status = res.status;
      text = await res.text();
    } catch (err) {
      if (cancelled?.aborted) return fail('cancelled', 'cancelled: the round was taken away from this worker');
      if (controller.signal.aborted) return fail('timeout', `timed out after ${seconds(timeoutMs)}`);
      const e = err as Error & { cause?: { code?: string; message?: string } };
      return fail('network', `cannot reach the provider: ${redact(e.cause?.code ?? e.cause?.message ?? e.message, this.opts.apiKey)}`);
    } finally {
      clearTimeout(timer);
      cancelled?.removeEventListener('abort', onCancel);
    }
    if (status < 200 || status > 299) {
      let detail = text;
      try {
        const j = JSON.parse(text) as { error?: { message?: string } | string };
        detail = typeof j.error === 'string' ? j.error : (j.error?.message ?? text);
      } catch {
        /* not JSON: keep the text */
      }
      return fail('http', `HTTP ${status}${detail ? `: ${redact(detail, this.opts.apiKey)}` : ''}`, status);
    }
    try {
      return { ok: true, value: JSON.parse(text) as unknown, attempts: 1 };
    } catch {
      return fail('malformed', 'the provider answered with invalid JSON');
    }
  }

  /** `attempt` until it succeeds or fails for good, sleeping backoff × n between attempts. */
  async retry<T>(policy: CallPolicy, attempt: () => Promise<ProviderResult<T>>): Promise<ProviderResult<T>> {
    let last: ProviderFailure | undefined;
    for (let n = 1; n <= policy.attempts; n++) {
      if (n > 1) await new Promise((r) => setTimeout(r, policy.backoffMs * (n - 1)));
      if (n > 1 && currentCancellation()?.aborted) break;
      const r = await attempt();
      if (r.ok) return { ...r, attempts: n };
      last = { ...r, attempts: n };
      if (!(isTransient(r) || r.kind === 'malformed')) break;
    }
    return last!;
  }

  /** A chat completion's message text, or a failure (refusal, truncation, no content). */
  async chat(body: Record<string, unknown>): Promise<ProviderResult<string>> {
    const r = await this.call('/chat/completions', JSON.stringify(body), this.opts.chat.timeoutMs);
    if (!r.ok) return r;
    const choice = (r.value as { choices?: { finish_reason?: string; message?: { content?: unknown; refusal?: unknown } }[] }).choices?.[0];
    const msg = choice?.message;
    if (typeof msg?.refusal === 'string' && msg.refusal.trim()) return fail('refusal', `the model refused: ${redact(msg.refusal, undefined)}`);
    if (choice?.finish_reason === 'length') return fail('malformed', 'the answer was cut off (output token limit)');
    if (typeof msg?.content !== 'string' || !msg.content.trim()) return fail('malformed', 'the answer has no content');
    return { ok: true, value: msg.content, attempts: 1 };
  }
}

class OpenAITranscriber implements Transcriber {
  constructor(private readonly http: Http, private readonly opts: OpenAIOptions) {}

  async transcribe(audio: AudioInput): Promise<ProviderResult<string>> {
    if (audio.bytes.byteLength > (this.opts.maxAudioBytes ?? MAX_AUDIO_BYTES)) {
      return fail('invalid_input', `Recording exceeds 25MB limit: ${audio.filename}`);
    }
    const r = await this.http.retry(this.opts.transcribe, async () => {
      const form = new FormData();
      form.append('file', new Blob([audio.bytes as Uint8Array<ArrayBuffer>], { type: audio.contentType }), audio.filename);
      form.append('model', this.opts.transcribeModel);
      if (this.opts.transcribeLanguage) form.append('language', this.opts.transcribeLanguage);
      if (this.opts.transcribePrompt) form.append('prompt', this.opts.transcribePrompt);
      form.append('response_format', 'json');
      const res = await this.http.call('/audio/transcriptions', form, this.opts.transcribe.timeoutMs);
      if (!res.ok) return res;
      const text = (res.value as { text?: unknown }).text;
      return typeof text === 'string' ? { ok: true as const, value: text.trim(), attempts: 1 } : fail('malformed', 'the transcription has no text');
    });
    if (r.ok) return r;
    const tries = `${r.attempts} attempt${r.attempts === 1 ? '' : 's'}`;
    return { ...r, message: `Transcription failed after ${tries} for ${audio.filename}: ${r.message}` };
  }
}

class OpenAIExtractor implements SectionExtractor {
  constructor(private readonly http: Http, private readonly opts: OpenAIOptions) {}

  async extract<S extends SectionId>(section: S, transcript: string): Promise<ProviderResult<SectionAnswer<S>>> {
    const r = await this.http.retry(this.opts.chat, async (): Promise<ProviderResult<SectionAnswer<S>>> => {
      const res = await this.http.chat({
        model: this.opts.model,
        temperature: 0,
        messages: extractionMessages(section, transcript),
        response_format: extractionResponseFormat(section),
      });
      if (!res.ok) return res;
      let parsed: unknown;
      try {
        parsed = JSON.parse(res.value);
      } catch {
        return fail('malformed', 'the answer is not valid JSON');
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail('malformed', 'the answer is not a JSON object');
      return { ok: true, value: coerceAnswer(section, parsed), attempts: 1 };
    });
    if (r.ok) return r;
    return { ...r, message: `Extraction of ${section} failed after ${r.attempts} attempt${r.attempts === 1 ? '' : 's'}: ${r.message}` };
  }
}

class OpenAIWriter implements NarrativeWriter {
  constructor(private readonly http: Http, private readonly opts: OpenAIOptions) {}

  narrative(input: { form: Record<string, unknown>; transcript: string }): Promise<ProviderResult<string>> {
    return this.http.retry(this.opts.chat, async () => {
      const r = await this.http.chat({
        model: this.opts.summaryModel,
        temperature: 0.2,
        messages: [
          { role: 'system', content: NARRATIVE_SYSTEM_PROMPT },
          { role: 'user', content: narrativeUserPrompt(JSON.stringify(input.form, null, 2), input.transcript) },
        ],
      });
      return r.ok ? { ...r, value: r.value.trim() } : r;
    });
  }

  polish(text: string): Promise<ProviderResult<string>> {
    if (!text.trim()) return Promise.resolve({ ok: true, value: text, attempts: 0 });
    return this.http.retry(this.opts.chat, async () => {
      const r = await this.http.chat({
        model: this.opts.summaryModel,
        temperature: 0.2,
        messages: [
          { role: 'system', content: POLISH_SYSTEM_PROMPT },
          { role: 'user', content: text },
        ],
      });
      return r.ok ? { ...r, value: r.value.trim() } : r;
    });
  }
}

export function openAIProviders(opts: OpenAIOptions): Providers {
  const http = new Http(opts);
  return {
    name: 'openai',
    transcriber: new OpenAITranscriber(http, opts),
    extractor: new OpenAIExtractor(http, opts),
    writer: new OpenAIWriter(http, opts),
  };
}
