/**
 * The submit answer (api.md §2.8.1) in every variant, with every key always
 * present (api.md §8.3 item 25: `[]` / null where the old server left a key out).
 */
import type { ManifestItem } from './pipeline.js';
import type { TranscriptionFailure } from './review.js';

export interface SubmitResponse {
  ok: boolean;
  accepted: boolean;
  round_id: string;
  status: 'REVIEW_RETURNED' | 'FAILED' | 'SUBMITTED_FOR_PROCESSING';
  tree_number: number | null;
  lock_editing: false;
  message: string;
  transcription_failures: TranscriptionFailure[];
  processed_count: number;
  failed_count: number;
  failed_artifacts: { section_id: string; artifact_id: string; reason: string }[];
  can_resubmit_failed: boolean;
  error_code: 'PROCESSING_FAILED' | null;
  error_detail: string | null;
}

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
