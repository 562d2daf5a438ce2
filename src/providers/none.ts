/**
 * No provider configured (api.md §0.4): every transcription fails with the
 * clear reason, so rounds still complete and the arborist's own edits carry
 * the review; no narrative; the letter polish keeps the text as written.
 */
import type { ProviderFailure, Providers } from './types.js';

export const NOT_CONFIGURED = 'OPENAI_API_KEY is not set';
const notConfigured = (): Promise<ProviderFailure> => Promise.resolve({ ok: false, kind: 'not_configured', message: NOT_CONFIGURED, attempts: 0 });

export function noProviders(): Providers {
  return {
    name: 'none',
    transcriber: { transcribe: notConfigured },
    extractor: { extract: notConfigured },
    writer: {
      narrative: notConfigured,
      polish: (text) => Promise.resolve({ ok: true, value: text, attempts: 0 }),
    },
  };
}
