/**
 * Admin inspect reads (api.md §2.13 "Inspection and artifact fetch"): the job,
 * one round, one round's review. The Python server read debug copies on disk
 * ([BUG] there); these answer from the database rows only and write nothing.
 * Path fields of the original (`job_record_path`, `round_dir`, `review_path`)
 * are kept in the shape but always null: there is no such file.
 */
import type { Pool } from '../db/pool.js';
import { problems } from './problems.js';
import { inspectAssignment, inspectFinalKinds, inspectRound as inspectRoundRow, inspectRoundIds } from '../queries/inspect.queries.js';
import { findJobByRef } from '../queries/jobs.queries.js';
import { assignmentView } from './assignments.js';
import { adminJobView, loadJobView } from './job-views.js';
import { isoSeconds } from './time.js';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
const count = (v: unknown) => (Array.isArray(v) ? v.length : isDict(v) ? Object.keys(v).length : 0);

async function findJob(pool: Pool, ref: string) {
  const [job] = await findJobByRef.run({ ref: ref.trim() }, pool);
  if (!job) throw problems.jobNotFoundRef(ref);
  return job;
}

async function findRound(pool: Pool, jobPk: string, roundId: string) {
  const [round] = await inspectRoundRow.run({ jobPk, roundId }, pool);
  if (!round) throw problems.roundNotFoundId(roundId);
  return round;
}

/** GET /v1/admin/jobs/{job_ref}/inspect. */
export async function inspectJob(pool: Pool, ref: string) {
  const job = await findJob(pool, ref);
  const view = await loadJobView(pool, job.id);
  const [assignment] = await inspectAssignment.run({ jobPk: job.id }, pool);
  const kinds = (await inspectFinalKinds.run({ jobPk: job.id }, pool)).map((k) => k.kind);
  const details = adminJobView(view);
  return {
    job_id: details.job_id,
    job_number: details.job_number,
    status: details.status,
    customer_id: details.customer_id,
    customer_code: details.customer_code,
    customer_name: details.customer_name,
    project_id: details.project_id,
    project: details.project,
    project_slug: details.project_slug,
    billing_profile_id: details.billing_profile_id,
    billing_code: details.billing_code,
    billing_name: details.billing_name,
    tree_number: details.tree_number,
    latest_round_id: details.latest_round_id,
    latest_round_status: details.latest_round_status,
    assignment: assignment ? assignmentView(job.job_id, assignment.device_id, assignment.assigned_at, assignment.assigned_by) : null,
    job_record_path: null,
    round_ids: (await inspectRoundIds.run({ jobPk: job.id }, pool)).map((r) => r.round_id),
    has_final: kinds.includes('final'),
    has_correction: kinds.includes('correction'),
    details,
  };
}

/** GET /v1/admin/jobs/{job_ref}/rounds/{round_id}/inspect. */
export async function inspectRound(pool: Pool, ref: string, roundId: string) {
  const job = await findJob(pool, ref);
  const round = await findRound(pool, job.id, roundId);
  const review = isDict(round.review_payload) ? round.review_payload : null;
  return {
    job_id: job.job_id,
    job_number: job.job_number,
    round_id: round.round_id,
    round_dir: null,
    status: round.status,
    manifest_count: round.manifest_count,
    // Every round has a manifest from its creation on (empty at first), as the old server's manifest.json did.
    has_manifest: true,
    has_review: review !== null,
    server_revision_id: round.server_revision_id ?? strOrNull(review?.server_revision_id),
    review_revision: round.review_revision,
    client_revision_id: round.client_revision_id,
    transcription_failure_count: count(review?.transcription_failures),
    recording_count: round.recording_count,
    image_count: round.image_count,
    failure_reason: round.failure_reason,
    submitted_at: isoSeconds(round.submitted_at),
    processing_finished_at: isoSeconds(round.processing_finished_at),
    created_at: isoSeconds(round.created_at),
    updated_at: isoSeconds(round.updated_at),
  };
}

/** GET /v1/admin/jobs/{job_ref}/rounds/{round_id}/review/inspect: the stored review payload as is. */
export async function inspectReview(pool: Pool, ref: string, roundId: string) {
  const job = await findJob(pool, ref);
  const round = await findRound(pool, job.id, roundId);
  const review = round.review_payload;
  if (!isDict(review)) throw problems.reviewNotFoundFor(roundId);
  const view = await loadJobView(pool, job.id);
  const treeNumber = typeof review.tree_number === 'number' ? review.tree_number : view.tree_number;
  return {
    job_id: job.job_id,
    round_id: round.round_id,
    review_path: null,
    server_revision_id: round.server_revision_id ?? strOrNull(review.server_revision_id),
    tree_number: treeNumber,
    transcript_length: typeof review.transcript === 'string' ? review.transcript.length : 0,
    section_count: count(review.section_transcripts),
    image_count: count(review.images),
    has_form: isDict(review.form) || isDict((review.draft_form as Dict | undefined)?.data),
    payload: review,
  };
}
