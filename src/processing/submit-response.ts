/**
 * The submit answer (api.md §2.8.1) in every variant, with every key always
 * present (api.md §8.3 item 25: `[]` / null where the old server left a key out).
 */
import type { ManifestItem } from './pipeline.js';
import { z } from 'zod';
import { TranscriptionFailureSchema, type TranscriptionFailure } from './review.js';

/** The submit answer; also the `response` schema of the submit route. */
export const SubmitResponseSchema = z.object({
  ok: z.boolean(),
  accepted: z.boolean(),
  round_id: z.string(),
  status: z.enum(['REVIEW_RETURNED', 'FAILED', 'SUBMITTED_FOR_PROCESSING']),
  tree_number: z.number().int().nullable(),
  lock_editing: z.literal(false),
  message: z.string(),
  transcription_failures: z.array(TranscriptionFailureSchema),
  processed_count: z.number().int(),
  failed_count: z.number().int(),
  failed_artifacts: z.array(z.object({ section_id: z.string(), artifact_id: z.string(), reason: z.string() })),
  can_resubmit_failed: z.boolean(),
  error_code: z.literal('PROCESSING_FAILED').nullable(),
  error_detail: z.string().nullable(),
});
export type SubmitResponse = z.infer<typeof SubmitResponseSchema>;

export type SubmitOutcome =
  /** Processing finished: the failures of this processing and the manifest it processed. */
  | { kind: 'processed'; manifest: readonly ManifestItem[]; transcriptionFailures: readonly TranscriptionFailure[] }
  /** Nothing to do: no manifest items, no patch, a review already stored (api.md §4.3 step 6). */
  | { kind: 'noop' }
  /** Processing failed; `error` is the one-line reason. */
  | { kind: 'failed'; error: string }
  /** Still processing when the submit deadline passed: the client reconciles through the round read. */
  | { kind: 'queued' };

export function submitResponse(roundId: string, treeNumber: number | null, outcome: SubmitOutcome): SubmitResponse {
  const base = {
    ok: true,
    accepted: true,
    round_id: roundId,
    tree_number: treeNumber,
    lock_editing: false as const,
    transcription_failures: [] as TranscriptionFailure[],
    processed_count: 0,
    failed_count: 0,
    failed_artifacts: [] as SubmitResponse['failed_artifacts'],
    can_resubmit_failed: false,
    error_code: null,
    error_detail: null,
  };
  switch (outcome.kind) {
    case 'processed': {
      const failed = outcome.transcriptionFailures.length;
      const recordings = outcome.manifest.filter((m) => m.kind === 'recording').length;
      return {
        ...base,
        status: 'REVIEW_RETURNED',
        message: failed ? 'Round processed with transcription failures.' : 'Round processed successfully.',
        transcription_failures: [...outcome.transcriptionFailures],
        processed_count: Math.max(0, recordings - failed),
        failed_count: failed,
        failed_artifacts: outcome.transcriptionFailures.map((f) => ({ section_id: f.section_id, artifact_id: f.recording_id, reason: f.error })),
        can_resubmit_failed: failed > 0,
      };
    }
    case 'noop':
      return { ...base, status: 'REVIEW_RETURNED', message: 'No new artifacts or edits; existing review retained.' };
    case 'failed':
      return {
        ...base,
        ok: false,
        accepted: false,
        status: 'FAILED',
        message: 'Round processing failed.',
        can_resubmit_failed: true,
        error_code: 'PROCESSING_FAILED',
        error_detail: outcome.error,
      };
    case 'queued':
      return { ...base, status: 'SUBMITTED_FOR_PROCESSING', message: 'Round submitted; processing continues.' };
  }
}
