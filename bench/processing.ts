/**
 * `npm run bench:processing`: the time from start to review for a round of
 * ten recordings when every provider call (transcription, extraction,
 * narrative) takes one second on the fake OpenAI-compatible server.
 * Ten recordings in ten sections: ten transcriptions, ten extractions, one narrative.
 */
import { performance } from 'node:perf_hooks';
import { openAIProviders } from '../src/providers/openai.js';
import { processRound, type ManifestItem, type RoundRecording } from '../src/processing/pipeline.js';
import { startFakeOpenAI } from '../test/helpers/fake-openai.js';

const CALL_MS = 1000;
const sections = [
  'client_tree_details', 'site_factors', 'target_assessment', 'tree_health_and_species', 'load_factors',
  'crown_and_branches', 'trunk', 'roots_and_root_collar', 'notes_explanations_descriptions', 'mitigation_options',
];
const manifest: ManifestItem[] = sections.map((section_id, i) => ({ kind: 'recording', section_id, artifact_id: `rec_${i}` }));
const recordings: RoundRecording[] = manifest.map((m) => ({
  recordingId: m.artifact_id,
  sectionId: m.section_id,
  artifactPath: `bench/${m.artifact_id}.m4a`,
  contentType: 'audio/mp4',
  transcript: null,
  uploadedAt: null,
}));

async function once(concurrency: number): Promise<{ ms: number; calls: number }> {
  const fake = await startFakeOpenAI({ delayMs: CALL_MS });
  const providers = openAIProviders({
    baseUrl: fake.url,
    apiKey: 'sk-bench',
    model: 'm',
    summaryModel: 's',
    transcribeModel: 't',
    transcribeLanguage: 'en',
    transcribePrompt: '',
    chat: { timeoutMs: 30_000, attempts: 1, backoffMs: 0 },
    transcribe: { timeoutMs: 30_000, attempts: 1, backoffMs: 0 },
  });
  const started = performance.now();
  const result = await processRound(
    {
      roundId: 'round_1',
      serverRevisionId: 'rev_round_1',
      treeNumber: 1,
      manifest,
      recordings,
      base: null,
      images: [],
      readAudio: async (r) => ({ bytes: new Uint8Array(64 * 1024), filename: `${r.recordingId}.m4a`, contentType: 'audio/mp4' }),
    },
    providers,
    { concurrency },
  );
  const ms = performance.now() - started;
  if (!result.ok || result.review.transcription_failures.length) throw new Error('bench round failed');
  const calls = fake.requests.length;
  await fake.close();
  return { ms, calls };
}

console.log(`# round of ${recordings.length} recordings, every provider call ${CALL_MS} ms`);
for (const concurrency of [10, 4, 1]) {
  const { ms, calls } = await once(concurrency);
  console.log(`concurrency ${String(concurrency).padStart(2)}: start to review ${(ms / 1000).toFixed(2)} s (${calls} provider calls; one after another would take ${calls} s)`);
}
