/**
 * What a worker does with a claimed round: read it, its recordings, photos
 * and base review from the database, run the pipeline (providers called in
 * parallel), and write the outcome back in one transaction that only lands
 * while the worker still holds the round. Transcripts are cached even when
 * the processing fails, so a retry does not pay for them twice.
 */
import path from 'node:path';
import type { ArtifactStore } from '../artifacts/store.js';
import type { Pool } from '../db/pool.js';
import { withTransaction } from '../db/tx.js';
import { recordEvent } from '../domain/events.js';
import type { Logger } from '../logger.js';
import type { Providers } from '../providers/types.js';
import { mirrorLatestRoundStatus, notifyRoundFinished } from '../queries/processing.queries.js';
import { lockJobRow } from '../queries/rounds.queries.js';
import {
  cacheTranscription,
  completeRoundReview,
  latestOtherReview,
  listImagesForReview,
  listRecordingsForProcessing,
  loadRoundForProcessing,
  type IListImagesForReviewResult,
} from '../queries/submit.queries.js';
import { processRound, serverRecordingList, supplementManifest, type ManifestItem, type RecordingOutcome, type RoundRecording } from './pipeline.js';
import type { ImageRow } from './review.js';
import { sameReview } from './review.js';
import type { RoundHandler } from './worker.js';

/** `rev_round_1` for a round's first review, `rev_round_1_2` after it changed once (api.md §8.2 item 14). */
export const revisionId = (roundId: string, revision: number) => (revision <= 1 ? `rev_${roundId}` : `rev_${roundId}_${revision}`);

export const imageRow = (r: IListImagesForReviewResult): ImageRow => ({
  imageId: r.image_id,
  sectionId: r.section_id,
  uploadStatus: r.upload_status,
  caption: r.caption,
  artifactPath: r.artifact_path,
  reportArtifactPath: r.report_artifact_path,
  uploadedAt: r.uploaded_at,
  latitude: r.latitude,
  longitude: r.longitude,
});

export async function roundRecordings(db: Pool, roundPk: string): Promise<RoundRecording[]> {
  return (await listRecordingsForProcessing.run({ roundPk }, db)).map((r) => ({
    recordingId: r.recording_id,
    sectionId: r.section_id,
    artifactPath: r.artifact_path,
    contentType: r.content_type,
    transcript: r.transcript_text,
    uploadedAt: r.uploaded_at,
  }));
}

export interface RoundTaskDeps {
  pool: Pool;
  store: ArtifactStore;
  providers: Providers;
  /** Provider calls in flight for one round. */
  concurrency: number;
  logger: Logger;
}

export function roundTask(deps: RoundTaskDeps): RoundHandler {
  return async (claimed, signal) => {
    const { pool } = deps;
    const [round] = await loadRoundForProcessing.run({ roundPk: claimed.roundPk }, pool);
    if (!round || round.status !== 'SUBMITTED_FOR_PROCESSING') return;
    const recordings = await roundRecordings(pool, round.id);
    const images = (await listImagesForReview.run({ roundPk: round.id }, pool)).map(imageRow);
    const [other] = await latestOtherReview.run({ jobPk: round.job_pk, roundPk: round.id }, pool);
    const force = round.processing_force;
    // A reprocess starts again from the other rounds' review; a submit builds on this round's own.
    const base = force ? (other?.review_payload ?? null) : (round.review_payload ?? other?.review_payload ?? null);
    const manifest = force ? serverRecordingList(recordings, round.manifest as ManifestItem[]) : supplementManifest(round.manifest as ManifestItem[], recordings);
    const nextRevision = round.review_revision + 1;

    const result = await processRound(
      {
        roundId: round.round_id,
        serverRevisionId: revisionId(round.round_id, nextRevision),
        treeNumber: round.tree_number,
        manifest,
        recordings,
        base,
        clientPatch: (round.client_form_patch as { form?: unknown; narrative?: unknown } | null) ?? null,
        images,
        force,
        readAudio: async (rec) => ({
          bytes: await deps.store.readBuffer(rec.artifactPath!),
          filename: `${rec.recordingId}${path.posix.extname(rec.artifactPath!)}`,
          contentType: rec.contentType ?? 'application/octet-stream',
        }),
      },
      deps.providers,
      { concurrency: deps.concurrency },
    );
    if (signal.aborted) return;

    await withTransaction(pool, async (tx) => {
      // Job row first, then the round (src/db/tx.ts): submit and reprocess lock in this order too.
      await lockJobRow.run({ jobPk: round.job_pk }, tx);
      await cacheOutcomes(tx, round.id, result.recordings);
      if (!result.ok) return;
      // An unchanged review keeps its revision, so clients holding it are not told it is stale.
      const unchanged = round.review_payload !== null && sameReview({ ...result.review, server_revision_id: '' }, { ...(round.review_payload as object), server_revision_id: '' });
      const revision = unchanged ? round.review_revision : nextRevision;
      const serverRevisionId = revisionId(round.round_id, revision);
      const [done] = await completeRoundReview.run(
        {
          roundPk: round.id,
          workerId: claimed.workerId,
          reviewPayload: JSON.stringify({ ...result.review, server_revision_id: serverRevisionId }),
          reviewRevision: revision,
          serverRevisionId,
          manifest: JSON.stringify(manifest),
        },
        tx,
      );
      if (!done) return; // the round was taken away meanwhile (watchdog, admin): its new state stands
      await mirrorLatestRoundStatus.run({ jobPk: round.job_pk, roundId: round.round_id, jobStatus: 'REVIEW_RETURNED', roundStatus: 'REVIEW_RETURNED' }, tx);
      await recordEvent(tx, {
        type: 'review_returned',
        actor: 'system',
        jobPk: round.job_pk,
        payload: {
          round_id: round.round_id,
          server_revision_id: serverRevisionId,
          processed_count: result.recordings.filter((r) => r.status === 'transcribed' || r.status === 'cached').length,
          failed_count: result.transcriptionFailures.length,
          extraction_failures: result.extractionFailures.map((f) => f.section_id),
          narrative: result.narrative,
          reprocess: force,
        },
      });
      await notifyRoundFinished.run({ roundPk: round.id }, tx);
    });
    if (!result.ok) throw new Error(result.error);
  };
}

async function cacheOutcomes(tx: Parameters<Parameters<typeof withTransaction>[1]>[0], roundPk: string, outcomes: readonly RecordingOutcome[]) {
  for (const o of outcomes) {
    if (o.status === 'transcribed') await cacheTranscription.run({ roundPk, recordingId: o.recordingId, transcript: o.transcript, error: null }, tx);
    else if (o.status === 'failed') await cacheTranscription.run({ roundPk, recordingId: o.recordingId, transcript: null, error: o.error }, tx);
  }
}
