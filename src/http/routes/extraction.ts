/**
 * Direct extraction and summary (api.md §2.10): a transcript in, one section's structured
 * extraction (or the five-paragraph narrative) out, through the configured provider. No
 * state changes. No provider configured → 503 provider_not_configured; the provider failing
 * → 502 provider_failed (the old server answered 500 for both).
 */
import { z } from 'zod';
import { answerSchema } from '../../form/fields.js';
import { SECTIONS, type SectionId } from '../../form/sections.js';
import { createProviders, type ProviderResult } from '../../providers/index.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { problems } from '../../domain/problems.js';

/** The sections the old server extracts directly, in its order. */
export const DIRECT_SECTIONS = [
  'site_factors',
  'client_tree_details',
  'load_factors',
  'crown_and_branches',
  'trunk',
  'roots_and_root_collar',
  'tree_health_and_species',
  'target_assessment',
] as const satisfies readonly SectionId[];

const Transcript = z.object({ transcript: z.string().refine((s) => s.trim() !== '', 'transcript must not be empty') });
const SummaryRequest = z.object({ form: z.record(z.string(), z.unknown()), transcript: z.string() });

function valueOf<T>(r: ProviderResult<T>): T {
  if (r.ok) return r.value;
  throw r.kind === 'not_configured' ? problems.providerNotConfigured() : problems.providerFailed(r.message);
}

export function extractionRoutes(api: Api, deps: AppDeps) {
  const providers = createProviders(deps.config.openai);
  const tag = 'extraction';

  for (const section of DIRECT_SECTIONS) {
    api.route({
      method: 'post',
      path: `/v1/extract/${section}`,
      tag,
      summary: `Extract the ${section} section from a transcript (no state change)`,
      auth: 'any',
      body: Transcript,
      // Built when /openapi.json first asks (replies are not validated): ~10 ms of every start for a document.
      response: z.lazy(() => z.object({ section_id: z.literal(section) }).extend(answerSchema(SECTIONS[section].fields).shape)),
      handler: async (_ctx, { body }) => ({ section_id: section, ...valueOf(await providers.extractor.extract(section, body.transcript)) }),
    });
  }

  api.route({
    method: 'post',
    path: '/v1/summary',
    tag,
    summary: 'The five-paragraph narrative of a form and its transcript (no state change)',
    auth: 'any',
    body: SummaryRequest,
    response: z.object({ summary: z.string() }),
    handler: async (_ctx, { body }) => ({ summary: valueOf(await providers.writer.narrative({ form: body.form, transcript: body.transcript })) }),
  });
}
