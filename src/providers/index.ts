/** The providers the configuration asks for: OpenAI-compatible HTTP, or the no-provider mode. */
import type { OpenAIConfig } from '../config.js';
import { noProviders } from './none.js';
import { openAIProviders } from './openai.js';
import { DEFAULT_TRANSCRIBE_PROMPT } from './prompts.js';
import type { Providers } from './types.js';

export function createProviders(config: OpenAIConfig): Providers {
  if (!config.configured) return noProviders();
  return openAIProviders({ ...config, transcribePrompt: config.transcribePrompt ?? DEFAULT_TRANSCRIBE_PROMPT });
}

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
