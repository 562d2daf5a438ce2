/**
 * Review rounds: creation (numbered under a lock on the job row), the
 * reconciliation read, the manifest and the admin reopen (api.md §2.6, §2.13).
 * Every change writes the round, the job row and its job_events row in one
 * transaction; reads change nothing.
 */
import { z } from 'zod';
import type { Pool } from '../db/pool.js';
import { withTransaction } from '../db/tx.js';
import type { Principal } from './principal.js';
import { problems } from './problems.js';
import {
  findRound,
  insertRound,
  listRoundImageIds,
  listRoundRecordingIds,
  lockJobRow,
  nextRoundNumber,
  reopenRound as reopenRoundRow,
  setJobLatestRoundDraft,
  updateRoundManifest,
  type round_status,
} from '../queries/rounds.queries.js';
import { requireJobAccess } from './access.js';
import { recordEvent } from './events.js';
import { idempotentCreate } from './idempotency.js';
import { checkCanCreateRound, checkRoundWritable } from './locks.js';

/** ISO date-time with optional seconds, fraction and offset; a value without an offset is UTC (api.md §0.2). */
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function isIsoDateTime(value: string): boolean {
  const v = value.trim();
  if (!ISO_DATETIME.test(v)) return false;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(v) ? v : `${v}Z`;
  return !Number.isNaN(Date.parse(withZone.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1')));
}

/** One manifest entry, stored normalized with all six keys; unknown keys are dropped. */
export const ManifestItem = z.object({
  artifact_id: z.string().min(1),
  section_id: z.string().min(1),
  client_order: z.number().int().default(0),
  kind: z.string().min(1).default('recording'),
  issue_id: z.string().nullable().default(null),
  recorded_at: z
    .string()
    .nullable()
    .default(null)
    // Kept as the device sent it (its clock's own form, naive or with an offset), so it is echoed unchanged.
    .refine((v) => v === null || isIsoDateTime(v), { message: 'must be an ISO 8601 date-time' }),
});
export type ManifestItem = z.output<typeof ManifestItem>;

const PROCESSING_STATE: Record<round_status, 'accepted' | 'processing' | 'completed' | 'failed'> = {
  DRAFT: 'accepted',
  SUBMITTED_FOR_PROCESSING: 'processing',
  REVIEW_RETURNED: 'completed',
  FAILED: 'failed',
};

/** POST /v1/jobs/{job_id}/rounds: round_<max+1>, allocated while the job row is locked. */
export async function createRound(pool: Pool, principal: Principal, jobId: string, idempotencyKey: string | undefined) {
  const job = await requireJobAccess(pool, principal, jobId);
  return idempotentCreate(
    pool,
    { key: idempotencyKey, scope: `${principal.identity} POST /v1/jobs/${jobId}/rounds`, request: { job_id: jobId } },
    async (tx) => {
      const [locked] = await lockJobRow.run({ jobPk: job.id }, tx);
      if (!locked) throw problems.jobNotFound();
      checkCanCreateRound(principal, locked);
      const [{ next }] = (await nextRoundNumber.run({ jobPk: job.id }, tx)) as [{ next: number }];
      const roundId = `round_${next}`;
      await insertRound.run({ jobPk: job.id, roundNumber: next, roundId }, tx);
      await setJobLatestRoundDraft.run({ jobPk: job.id, roundId }, tx);
      await recordEvent(tx, {
        type: 'round_created',
        actor: principal,
        jobPk: job.id,
        payload: {
          round_id: roundId,
          previous_round_id: locked.latest_round_id,
          job_status_from: locked.status,
          correction: locked.status === 'ARCHIVED',
        },
      });
      return { round_id: roundId, status: 'DRAFT' as const };
    },
  );
}

/** GET /v1/jobs/{job_id}/rounds/{round_id}: what the server holds for the round (api.md §2.6.2, §4.9). */
export async function readRound(pool: Pool, principal: Principal, jobId: string, roundId: string) {
  const job = await requireJobAccess(pool, principal, jobId);
  const [round] = await findRound.run({ jobPk: job.id, roundId }, pool);
  if (!round) throw problems.roundNotFound();
  const recordings = await listRoundRecordingIds.run({ roundPk: round.id }, pool);
  const images = await listRoundImageIds.run({ roundPk: round.id }, pool);
  const review = round.review_payload as { transcription_failures?: unknown } | null;
  return {
    job_id: job.job_id,
    round_id: round.round_id,
    status: round.status,
    server_revision_id: round.server_revision_id,
    client_revision_id: round.client_revision_id,
    review_ready: round.status === 'REVIEW_RETURNED',
    processing_state: PROCESSING_STATE[round.status],
    recordings: recordings.map((r) => ({ section_id: r.section_id, upload_status: r.upload_status, recording_id: r.recording_id, image_id: null })),
    images: images.map((i) => ({ section_id: i.section_id, upload_status: i.upload_status, recording_id: null, image_id: i.image_id })),
    accepted_recording_ids: recordings.map((r) => r.recording_id),
    accepted_image_ids: images.map((i) => i.image_id),
    transcription_failures: Array.isArray(review?.transcription_failures) ? (review.transcription_failures as unknown[]) : [],
  };
}

/** GET /v1/jobs/{job_id}/rounds/{round_id}/manifest. */
export async function readManifest(pool: Pool, principal: Principal, jobId: string, roundId: string) {
  const job = await requireJobAccess(pool, principal, jobId);
  const [round] = await findRound.run({ jobPk: job.id, roundId }, pool);
  if (!round) throw problems.roundNotFound();
  const manifest = round.manifest as ManifestItem[];
  return { ok: true as const, round_id: round.round_id, manifest, manifest_count: manifest.length };
}

/** PUT /v1/jobs/{job_id}/rounds/{round_id}/manifest: replaces the list (devices: latest round, DRAFT only). */
export async function replaceManifest(pool: Pool, principal: Principal, jobId: string, roundId: string, items: ManifestItem[]) {
  const job = await requireJobAccess(pool, principal, jobId);
  return withTransaction(pool, async (tx) => {
    const [locked] = await lockJobRow.run({ jobPk: job.id }, tx);
    const [round] = await findRound.run({ jobPk: job.id, roundId }, tx);
    if (!locked || !round) throw problems.roundNotFound();
    checkRoundWritable(principal, locked, round, 'manifest');
    await updateRoundManifest.run({ roundPk: round.id, manifest: JSON.stringify(items) }, tx);
    await recordEvent(tx, { type: 'manifest_updated', actor: principal, jobPk: job.id, payload: { round_id: round.round_id, manifest_count: items.length } });
    return { ok: true as const, round_id: round.round_id, manifest_count: items.length };
  });
}

/** POST /v1/admin/jobs/{job_id}/rounds/{round_id}/reopen: the round row itself goes back to DRAFT, and the job follows. */
export async function reopenRound(pool: Pool, principal: Principal, jobId: string, roundId: string) {
  const job = await requireJobAccess(pool, principal, jobId);
  return withTransaction(pool, async (tx) => {
    const [locked] = await lockJobRow.run({ jobPk: job.id }, tx);
    const [round] = await findRound.run({ jobPk: job.id, roundId }, tx);
    if (!locked || !round) throw problems.roundNotFound();
    await reopenRoundRow.run({ roundPk: round.id }, tx);
    await setJobLatestRoundDraft.run({ jobPk: job.id, roundId: round.round_id }, tx);
    await recordEvent(tx, {
      type: 'round_reopened',
      actor: principal,
      jobPk: job.id,
      payload: {
        round_id: round.round_id,
        round_from: round.status,
        round_to: 'DRAFT',
        from: locked.status,
        to: 'DRAFT',
        previous_latest_round_id: locked.latest_round_id,
      },
    });
    return { ok: true as const, job_id: job.job_id, round_id: round.round_id, status: 'DRAFT' as const };
  });
}
