/**
 * Submit, reprocess and the review read (api.md §2.8, §4; decisions 4, 5, 7).
 *
 * Submit validates everything first (guard, round, required job metadata,
 * lock), then in ONE transaction: resolves the tree, moves the round to
 * SUBMITTED_FOR_PROCESSING with a conditional update (a concurrent second
 * submit finds it changed: 409), stores client_revision_id and the client's
 * form patch, mirrors the job, writes the audit row and wakes the workers.
 * It then waits for the round's outcome up to TRAQ_SUBMIT_WAIT_SECONDS and
 * answers as the old server did, or SUBMITTED_FOR_PROCESSING for the client to
 * reconcile through the round read. Reading a review changes nothing.
 */
import type { Pool, PoolClient } from '../db/pool.js';
import { withTransaction } from '../db/tx.js';
import type { Principal } from './principal.js';
import { Problem, problems } from './problems.js';
import { prunePatch, patchNarrative } from '../processing/merge.js';
import { serverRecordingList, supplementManifest, type ManifestItem } from '../processing/pipeline.js';
import type { RoundEvents } from '../processing/round-events.js';
import { imageRow, revisionId, roundRecordings } from '../processing/round-task.js';
import { reviewForRead, type TranscriptionFailure } from '../processing/review.js';
import { submitResponse, type SubmitResponse } from '../processing/submit-response.js';
import { mirrorLatestRoundStatus, notifyRoundFinished, notifyRoundSubmitted } from '../queries/processing.queries.js';
import type { round_status } from '../queries/rounds.queries.js';
import { findRound, lockJobRow } from '../queries/rounds.queries.js';
import {
  getRoundOutcome,
  listImagesForReview,
  lockRoundForSubmit,
  markRoundSubmitted,
  returnExistingReview,
  setJobTree,
} from '../queries/submit.queries.js';
import { requireJobAccess } from './access.js';
import { recordEvent } from './events.js';
import { loadJobView } from './job-views.js';
import { checkJobWritable } from './locks.js';
import { parseTreeNumber, resolveTree } from './trees.js';

export interface SubmitBody {
  server_revision_id?: string | null;
  client_revision_id?: string | null;
  form?: Record<string, unknown> | null;
  narrative?: { text?: string | null } | null;
}

export interface SubmitDeps {
  pool: Pool;
  events: RoundEvents;
  submitWaitSeconds: number;
}

/** The job fields a submit needs (api.md §2.8.1 step 3), in this order. */
const REQUIRED_METADATA = ['job_name', 'job_address', 'job_phone', 'contact_preference', 'billing_name', 'billing_address'] as const;

const missingMetadata = (fields: string[]) =>
  new Problem(400, 'missing_job_metadata', { error: 'Missing required job metadata.', fields });

/** The client's edits, or null when the body carries none (null, blanks and empty objects are not edits: api.md §4.4). */
function clientPatch(body: SubmitBody | undefined): { form?: unknown; narrative?: unknown } | null {
  const form = body?.form ? prunePatch(body.form) : undefined;
  const narrative = patchNarrative(body?.narrative) !== null ? body!.narrative : undefined;
  if (form === undefined && narrative === undefined) return null;
  return { ...(form !== undefined ? { form } : {}), ...(narrative !== undefined ? { narrative } : {}) };
}

/** The tree the form asks for, resolved through the job's own customer (api.md §8.2 item 18); the job keeps tree_id and tree_number in step. */
async function resolveFormTree(tx: PoolClient, job: { id: string; customer_id: string | null; tree_number: number | null }, form: unknown): Promise<number | null> {
  const data = (form as { data?: unknown } | undefined)?.data ?? form;
  const requested = parseTreeNumber((data as { client_tree_details?: { tree_number?: unknown } } | undefined)?.client_tree_details?.tree_number);
  if (!job.customer_id || requested === null || requested === job.tree_number) return job.tree_number;
  const tree = await resolveTree(tx, job.customer_id, requested);
  await setJobTree.run({ jobPk: job.id, treeId: tree.id, treeNumber: tree.tree_number }, tx);
  return tree.tree_number;
}

/** Which round states a caller may (re)submit: a FAILED round may be resubmitted (decision 4), and so may a returned review with failed recordings (api.md §8.3 item 23). */
function submittableStates(principal: Principal, review: unknown): round_status[] {
  if (principal.isAdmin) return ['DRAFT', 'FAILED', 'REVIEW_RETURNED'];
  const failures = (review as { transcription_failures?: unknown[] } | null)?.transcription_failures;
  return Array.isArray(failures) && failures.length > 0 ? ['DRAFT', 'FAILED', 'REVIEW_RETURNED'] : ['DRAFT', 'FAILED'];
}

/** Locks the job and the round; a device may only send the latest round of a job that is not archived. */
async function lockRoundForProcessing(tx: PoolClient, principal: Principal, jobPk: string, roundId: string) {
  const [job] = await lockJobRow.run({ jobPk }, tx);
  const [round] = await lockRoundForSubmit.run({ jobPk, roundId }, tx);
  if (!job || !round) throw problems.roundNotFound();
  if (!principal.isAdmin) {
    checkJobWritable(principal, job);
    if (round.round_id !== job.latest_round_id) throw problems.roundSuperseded(round.round_id, job.latest_round_id);
  }
  return round;
}

async function waitForOutcome(deps: SubmitDeps, roundPk: string) {
  const settled = async () => (await getRoundOutcome.run({ roundPk }, deps.pool))[0]?.status !== 'SUBMITTED_FOR_PROCESSING';
  if (!(await settled())) await deps.events.waitFor('traq_round_finished', roundPk, deps.submitWaitSeconds * 1000, settled, 250);
  return (await getRoundOutcome.run({ roundPk }, deps.pool))[0]!;
}

function outcomeResponse(roundId: string, treeNumber: number | null, outcome: Awaited<ReturnType<typeof waitForOutcome>>): SubmitResponse {
  if (outcome.status === 'REVIEW_RETURNED') {
    const failures = ((outcome.review_payload as { transcription_failures?: TranscriptionFailure[] } | null)?.transcription_failures ?? []) as TranscriptionFailure[];
    return submitResponse(roundId, treeNumber, { kind: 'processed', manifest: outcome.manifest as ManifestItem[], transcriptionFailures: failures });
  }
  if (outcome.status === 'FAILED') return submitResponse(roundId, treeNumber, { kind: 'failed', error: outcome.failure_reason ?? 'Round processing failed.' });
  return submitResponse(roundId, treeNumber, { kind: 'queued' });
}

/** POST /v1/jobs/{job_id}/rounds/{round_id}/submit */
export async function submitRound(deps: SubmitDeps, principal: Principal, jobId: string, roundId: string, body: SubmitBody | undefined): Promise<SubmitResponse> {
  const { pool } = deps;
  const access = await requireJobAccess(pool, principal, jobId);
  const [known] = await findRound.run({ jobPk: access.id, roundId }, pool);
  if (!known) throw problems.roundNotFound();
  const view = await loadJobView(pool, access.id);
  const missing = REQUIRED_METADATA.filter((f) => !view[f]?.trim());
  if (missing.length) throw missingMetadata(missing);
  const patch = clientPatch(body);
  const recordings = await roundRecordings(pool, known.id);

  const accepted = await withTransaction(pool, async (tx) => {
    const round = await lockRoundForProcessing(tx, principal, access.id, roundId);
    const allowed = submittableStates(principal, round.review_payload);
    if (!allowed.includes(round.status)) throw round.status === 'SUBMITTED_FOR_PROCESSING' ? problems.roundProcessing() : problems.roundLocked();
    const treeNumber = patch?.form ? await resolveFormTree(tx, { id: access.id, customer_id: view.customer_id, tree_number: view.tree_number }, patch.form) : view.tree_number;
    const manifest = supplementManifest(round.manifest as ManifestItem[], recordings);
    const clientRevisionId = body?.client_revision_id ?? null;

    if (manifest.length === 0 && patch === null && round.review_payload !== null) {
      // Nothing new to process: the stored review stands (api.md §4.3 step 6).
      await returnExistingReview.run({ roundPk: round.id, clientRevisionId }, tx);
      await mirrorLatestRoundStatus.run({ jobPk: access.id, roundId, jobStatus: 'REVIEW_RETURNED', roundStatus: 'REVIEW_RETURNED' }, tx);
      await recordEvent(tx, { type: 'round_submitted', actor: principal, jobPk: access.id, payload: { round_id: roundId, client_revision_id: clientRevisionId, manifest_count: 0, has_client_patch: false, noop: true } });
      await notifyRoundFinished.run({ roundPk: round.id }, tx);
      return { roundPk: round.id, treeNumber, noop: true };
    }
    const [marked] = await markRoundSubmitted.run(
      { roundPk: round.id, allowed, clientRevisionId, clientFormPatch: patch ? JSON.stringify(patch) : null, manifest: JSON.stringify(manifest), force: false },
      tx,
    );
    if (!marked) throw problems.roundProcessing();
    await mirrorLatestRoundStatus.run({ jobPk: access.id, roundId, jobStatus: 'SUBMITTED_FOR_PROCESSING', roundStatus: 'SUBMITTED_FOR_PROCESSING' }, tx);
    await recordEvent(tx, {
      type: 'round_submitted',
      actor: principal,
      jobPk: access.id,
      payload: { round_id: roundId, client_revision_id: clientRevisionId, manifest_count: manifest.length, has_client_patch: patch !== null, from: round.status },
    });
    await notifyRoundSubmitted.run({ roundPk: round.id }, tx);
    return { roundPk: round.id, treeNumber, noop: false };
  });

  if (accepted.noop) return submitResponse(roundId, accepted.treeNumber, { kind: 'noop' });
  return outcomeResponse(roundId, accepted.treeNumber, await waitForOutcome(deps, accepted.roundPk));
}

/** POST /v1/jobs/{job_id}/rounds/{round_id}/reprocess: the same locks as submit; every recording transcribed again; the round's own client edits are kept. */
export async function reprocessRound(deps: SubmitDeps, principal: Principal, jobId: string, roundId: string) {
  const { pool } = deps;
  const access = await requireJobAccess(pool, principal, jobId);
  const [known] = await findRound.run({ jobPk: access.id, roundId }, pool);
  if (!known) throw problems.roundNotFound();
  if (known.review_payload === null) throw problems.reviewNotFound();
  const recordings = await roundRecordings(pool, known.id);
  const manifest = serverRecordingList(recordings, known.manifest as ManifestItem[]);
  if (manifest.length === 0) throw problems.nothingToReprocess();

  const accepted = await withTransaction(pool, async (tx) => {
    const round = await lockRoundForProcessing(tx, principal, access.id, roundId);
    const [marked] = await markRoundSubmitted.run(
      {
        roundPk: round.id,
        allowed: ['DRAFT', 'FAILED', 'REVIEW_RETURNED'],
        clientRevisionId: null,
        clientFormPatch: round.client_form_patch === null ? null : JSON.stringify(round.client_form_patch),
        manifest: JSON.stringify(manifest),
        force: true,
      },
      tx,
    );
    if (!marked) throw problems.roundProcessing();
    await mirrorLatestRoundStatus.run({ jobPk: access.id, roundId, jobStatus: 'SUBMITTED_FOR_PROCESSING', roundStatus: 'SUBMITTED_FOR_PROCESSING' }, tx);
    await recordEvent(tx, { type: 'round_reprocessed', actor: principal, jobPk: access.id, payload: { round_id: roundId, recording_count: manifest.length, from: round.status } });
    await notifyRoundSubmitted.run({ roundPk: round.id }, tx);
    return round.id;
  });

  const outcome = await waitForOutcome(deps, accepted);
  const view = await loadJobView(pool, access.id);
  const failures = ((outcome.review_payload as { transcription_failures?: TranscriptionFailure[] } | null)?.transcription_failures ?? []) as TranscriptionFailure[];
  const status = outcome.status as 'REVIEW_RETURNED' | 'FAILED' | 'SUBMITTED_FOR_PROCESSING';
  return {
    ok: status !== 'FAILED',
    round_id: roundId,
    status,
    tree_number: view.tree_number,
    manifest_count: manifest.length,
    transcription_failures: status === 'REVIEW_RETURNED' ? failures : [],
    error_code: status === 'FAILED' ? ('PROCESSING_FAILED' as const) : null,
    error_detail: status === 'FAILED' ? outcome.failure_reason : null,
  };
}

/** GET /v1/jobs/{job_id}/rounds/{round_id}/review: pure; 404 until the round has a review. */
export async function readReview(pool: Pool, principal: Principal, jobId: string, roundId: string) {
  const access = await requireJobAccess(pool, principal, jobId);
  const [round] = await findRound.run({ jobPk: access.id, roundId }, pool);
  if (!round) throw problems.roundNotFound();
  if (round.review_payload === null) throw problems.reviewNotFound();
  const view = await loadJobView(pool, access.id);
  const images = (await listImagesForReview.run({ roundPk: round.id }, pool)).map(imageRow);
  return reviewForRead(round.review_payload, {
    roundId: round.round_id,
    serverRevisionId: round.server_revision_id ?? revisionId(round.round_id, 1),
    treeNumber: view.tree_number,
    images,
  });
}
