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
