/**
 * Retention (decision 11, data-model §5): after a job is archived, the working
 * data the policy allows goes; the final, the correction, their outputs, the
 * photos their reports use, the transcripts and the audit trail stay.
 *
 * Per archived job, in one transaction with the job row locked:
 *   - audio: every recording's file (round_recordings.artifact_path cleared,
 *     transcript_text kept) and indexed audio/review_json artifact rows;
 *   - review JSON: review_payload of every round no final or correction names;
 *   - rounds no final or correction names are deleted with their media rows,
 *     except the job's latest round (jobs.latest_round_id points at it) and a
 *     round holding a photo a report uses (its file must keep its row);
 *   - one `retention_pruned` job_events row saying what went.
 * Files are deleted only after COMMIT (a rollback leaves every file in place).
 */
import type { ArtifactStore } from '../artifacts/store.js';
import type { Pool } from '../db/pool.js';
import { withTransaction } from '../db/tx.js';
import type { Logger } from '../logger.js';
import { findJobByRef } from '../queries/jobs.queries.js';
import {
  clearRecordingAudio,
  clearReviewPayloads,
  deleteArtifactRows,
  deleteRounds,
  listArchivedJobs,
  listFinalImageKeys,
  listJobImageFiles,
  listJobRecordingFiles,
  listPrunableRoundArtifacts,
  listRetentionRounds,
  lockArchivedJob,
} from '../queries/retention.queries.js';
import { problems } from './problems.js';
import { recordEvent, type Actor } from './events.js';
import { scheduleTask } from './schedules.js';

export interface JobPruneReport {
  job_id: string;
  job_number: string;
  audio_files: number;
  review_payloads: number;
  rounds_deleted: string[];
  files_deleted: number;
  bytes: number;
}

export interface PruneReport {
  ok: true;
  dry_run: boolean;
  jobs_examined: number;
  jobs_pruned: number;
  audio_files: number;
  review_payloads: number;
  rounds_deleted: number;
  files_deleted: number;
  bytes: number;
  jobs: JobPruneReport[];
}

async function sizeOf(store: ArtifactStore, keys: Iterable<string>): Promise<{ files: number; bytes: number; existing: string[] }> {
  const existing: string[] = [];
  let bytes = 0;
  for (const key of keys) {
    const stat = await store.stat(key).catch(() => undefined);
    if (!stat) continue;
    existing.push(key);
    bytes += stat.size;
  }
  return { files: existing.length, bytes, existing };
}

async function pruneJob(pool: Pool, store: ArtifactStore, actor: Actor, jobPk: string, dryRun: boolean): Promise<JobPruneReport | null> {
  let files: string[] = [];
  const report = await withTransaction(pool, async (tx) => {
    const [job] = await lockArchivedJob.run({ jobPk }, tx);
    if (!job) return null; // reopened since it was listed
    const rounds = await listRetentionRounds.run({ jobPk }, tx);
    const reportKeys = new Set((await listFinalImageKeys.run({ jobPk }, tx)).map((r) => r.key).filter((k): k is string => !!k));
    const images = await listJobImageFiles.run({ jobPk }, tx);
    const holdsReportImage = new Set(
      images.filter((i) => [i.artifact_path, i.report_artifact_path].some((k) => k && reportKeys.has(k))).map((i) => i.round_pk),
    );
    const doomed = rounds.filter((r) => !r.referenced && r.round_id !== job.latest_round_id && !holdsReportImage.has(r.id));
    const doomedIds = new Set(doomed.map((r) => r.id));
    const reviewsToClear = rounds.filter((r) => !r.referenced && !doomedIds.has(r.id) && r.has_review);

    const recordings = await listJobRecordingFiles.run({ jobPk }, tx);
    const indexed = await listPrunableRoundArtifacts.run({ jobPk }, tx);
    const keys = new Set<string>();
    for (const r of recordings) keys.add(r.artifact_path!);
    for (const a of indexed) keys.add(a.path);
    for (const i of images) {
      if (!doomedIds.has(i.round_pk)) continue;
      for (const k of [i.artifact_path, i.report_artifact_path]) if (k && !reportKeys.has(k)) keys.add(k);
    }
    for (const r of doomed) for (const k of await store.list(`jobs/${job.job_id}/rounds/${r.round_id}`)) if (!reportKeys.has(k)) keys.add(k);
    const sized = await sizeOf(store, keys);
    const out: JobPruneReport = {
      job_id: job.job_id,
      job_number: job.job_number,
      audio_files: recordings.length,
      review_payloads: reviewsToClear.length,
      rounds_deleted: doomed.map((r) => r.round_id),
      files_deleted: sized.files,
      bytes: sized.bytes,
    };
    if (!recordings.length && !indexed.length && !reviewsToClear.length && !doomed.length && !sized.files) return null;
    if (dryRun) return out;

    // Rows of kept rounds first; the doomed rounds' media and artifact rows cascade with them.
    if (recordings.length) await clearRecordingAudio.run({ ids: recordings.map((r) => r.id) }, tx);
    if (indexed.length) await deleteArtifactRows.run({ ids: indexed.map((a) => a.id) }, tx);
    if (reviewsToClear.length) await clearReviewPayloads.run({ ids: reviewsToClear.map((r) => r.id) }, tx);
    if (doomed.length) await deleteRounds.run({ ids: doomed.map((r) => r.id) }, tx);
    await recordEvent(tx, {
      type: 'retention_pruned',
      actor,
      jobPk,
      payload: { ...out, files: sized.existing },
    });
    files = sized.existing;
    return out;
  });
  for (const key of files) await store.delete(key);
  return report;
}

/** POST /v1/admin/retention/prune (and the optional schedule): every archived job, or the one named. */
export async function pruneArchived(
  deps: { pool: Pool; store: ArtifactStore },
  actor: Actor,
  options: { dryRun?: boolean; jobRef?: string } = {},
): Promise<PruneReport> {
  let jobPk: string | null = null;
  if (options.jobRef !== undefined) {
    const [job] = await findJobByRef.run({ ref: options.jobRef.trim() }, deps.pool);
    if (!job) throw problems.jobNotFoundRef(options.jobRef);
    jobPk = job.id;
  }
  const jobs = await listArchivedJobs.run({ jobPk }, deps.pool);
  const pruned: JobPruneReport[] = [];
  for (const job of jobs) {
    const r = await pruneJob(deps.pool, deps.store, actor, job.id, options.dryRun ?? false);
    if (r) pruned.push(r);
  }
  const sum = (f: (r: JobPruneReport) => number) => pruned.reduce((n, r) => n + f(r), 0);
  return {
    ok: true,
    dry_run: options.dryRun ?? false,
    jobs_examined: jobs.length,
    jobs_pruned: pruned.length,
    audio_files: sum((r) => r.audio_files),
    review_payloads: sum((r) => r.review_payloads),
    rounds_deleted: sum((r) => r.rounds_deleted.length),
    files_deleted: sum((r) => r.files_deleted),
    bytes: sum((r) => r.bytes),
    jobs: pruned,
  };
}

/**
 * TRAQ_RETENTION_INTERVAL_HOURS: the prune as a scheduled task, run once per
 * interval across every process on the database (domain/schedules.ts), on a
 * timer that never keeps this one alive.
 */
export function scheduleRetention(deps: { pool: Pool; store: ArtifactStore; logger: Logger }, hours: number): NodeJS.Timeout | undefined {
  if (!(hours > 0)) return undefined;
  return scheduleTask(deps, 'retention', hours * 3600, () => pruneArchived(deps, 'system'), (r) => ({
    jobs_pruned: r.jobs_pruned,
    files_deleted: r.files_deleted,
    bytes: r.bytes,
  }));
}
