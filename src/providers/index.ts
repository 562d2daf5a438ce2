/** The providers the configuration asks for: OpenAI-compatible HTTP, or the no-provider mode. */
import type { OpenAIConfig } from '../config.js';
import { normalizingTranscriber } from './audio.js';
import { noProviders } from './none.js';
import { openAIProviders } from './openai.js';
import { DEFAULT_TRANSCRIBE_PROMPT } from './prompts.js';
import type { Providers } from './types.js';

/** `ffmpeg`: the binary recordings are normalised with before transcription (findFfmpeg), or null to send them as uploaded. */
export function createProviders(config: OpenAIConfig, audio: { ffmpeg: string | null } = { ffmpeg: null }): Providers {
  if (!config.configured) return noProviders();
  const providers = openAIProviders({ ...config, transcribePrompt: config.transcribePrompt ?? DEFAULT_TRANSCRIBE_PROMPT });
  return audio.ffmpeg ? { ...providers, transcriber: normalizingTranscriber(providers.transcriber, audio.ffmpeg) } : providers;
}

export { findFfmpeg, normalizingTranscriber } from './audio.js';

export * from './types.js';
export { NOT_CONFIGURED } from './none.js';

/** The final letter's polish as a plain function: the provider's text, or the narrative unchanged when it fails or no provider is configured. */
export function letterPolisher(providers: Providers): (text: string) => Promise<string> {
  return async (text) => {
    if (!text.trim()) return text;
    const r = await providers.writer.polish(text);
    return r.ok ? r.value : text;
  };
}
