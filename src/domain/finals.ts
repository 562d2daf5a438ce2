/**
 * POST /v1/jobs/{job_id}/final (api.md §5, decision 6): the final and the correction.
 *
 * Order of work: guard and preconditions; a retry with the same
 * client_revision_id and round answers the stored TRAQ PDF and changes
 * nothing; every output is rendered and staged (hashed temp files, invisible);
 * ONE transaction writes the snapshot row, the GeoJSON row, the artifact rows,
 * the archived job (tree, operator), the unassignment, the audit rows and the
 * placements (staged key → final key, domain/placements.ts); only after
 * COMMIT are the staged files renamed into their keys. Any failure before
 * COMMIT discards every staged file: no row, no file, no status change. A kill
 * after COMMIT is finished by the same-request retry or the start-up pass.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ArtifactStore, StagedArtifact } from '../artifacts/store.js';
import type { Pool, PoolClient } from '../db/pool.js';
import { withTransaction } from '../db/tx.js';
import { faultPoint } from '../faults.js';
import { buildFinalPayload, chooseProfile, prepareFinalForm, selectReportImages } from '../documents/final-payload.js';
import { renderFinalOutputs, type FinalOutputs } from '../documents/index.js';
import type { TraqTemplate } from '../documents/traq-template.js';
import type { FinalPayload, JobFacts, LetterImage, Profile, ReportImage, TraqForm } from '../documents/types.js';
import type { Principal } from './principal.js';
import { Problem, problems } from './problems.js';
import { deleteAssignment } from '../queries/assignments.queries.js';
import {
  archiveJob,
  countProcessingRounds,
  findRoundForFinal,
  insertFinal,
  listJobFinals,
  listJobReportImages,
  lockJobForFinal,
  maxTreeNumber,
  upsertCorrection,
  upsertFinalArtifact,
  upsertGeojsonExport,
  upsertOperator,
  type IListJobFinalsResult as FinalRow,
} from '../queries/finals.queries.js';
import { findProfile } from '../queries/profiles.queries.js';
import { requireJobAccess, type AccessibleJob } from './access.js';
import { recordEvent } from './events.js';
import { FINAL_OUTPUTS, finalKey, OUTPUT_FILES, type FinalKind } from './final-files.js';
import { loadJobView } from './job-views.js';
import { isoMicros } from './time.js';
import { completePlacements, recordPlacements } from './placements.js';
import { parseTreeNumber, resolveTree } from './trees.js';

export interface FinalDeps {
  pool: Pool;
  store: ArtifactStore;
  /** The configured TRAQ template, or null for the built-in summary form. */
  traqTemplate: TraqTemplate | null;
}

export interface FinalSubmission {
  round_id: string;
  server_revision_id: string;
  client_revision_id: string;
  form: TraqForm;
  narrative: { text?: string | null } & Record<string, unknown>;
  profile?: Partial<Record<keyof Profile, string | null>> | null;
}

export interface FinalOptions {
  /** Polishes the letter's narrative (the LLM provider); absent → the narrative as sent (the spec's no-key behaviour). */
  polish?: (text: string) => Promise<string>;
  /** Test seam: runs inside the transaction after every row is written, before COMMIT. */
  hooks?: { beforeCommit?: (tx: PoolClient) => Promise<void> };
  now?: Date;
}

export interface FinalResult {
  kind: FinalKind;
  /** True when this answered a retry from the stored result. */
  replayed: boolean;
  pdf: Buffer | Readable;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stored result of the same request (same client_revision_id and round), if any. */
const sameRequest = (finals: FinalRow[], body: FinalSubmission) =>
  finals.find((f) => f.client_revision_id === body.client_revision_id && f.round_id === body.round_id);

/** The stored TRAQ PDF of a committed final; first finishes file moves a killed request left (issue #12 item 1). */
async function storedPdf(deps: Pick<FinalDeps, 'pool' | 'store'>, job: { id: string; job_id: string }, kind: FinalKind): Promise<Readable> {
  const { store } = deps;
  await completePlacements(deps.pool, store, job.id);
  const key = finalKey(job.job_id, kind, 'traqPdf');
  if (!(await store.exists(key))) throw problems.traqPdfNotFound();
  return store.read(key);
}

/**
 * The guard, with one exception: the device that finalized (and lost the assignment by doing so)
 * may repeat its own request and get the stored answer.
 */
async function guard(pool: Pool, principal: Principal, jobId: string, body: FinalSubmission): Promise<{ job: AccessibleJob; replay?: FinalRow }> {
  try {
    return { job: await requireJobAccess(pool, principal, jobId) };
  } catch (err) {
    if (!(err instanceof Problem) || err.status !== 403) throw err;
    const job = await requireJobAccess(pool, principal, jobId, { finalOutputs: true }).catch(() => {
      throw err;
    });
    const replay = sameRequest(await listJobFinals.run({ jobPk: job.id }, pool), body);
    if (!replay) throw err;
    return { job, replay };
  }
}

async function checkRound(db: Pool | PoolClient, jobPk: string, roundId: string) {
  const [round] = await findRoundForFinal.run({ jobPk, roundId }, db);
  if (!round) throw problems.roundNotFound();
  if (round.review_payload === null) throw problems.reviewRequired(round.round_id);
  const [{ count }] = (await countProcessingRounds.run({ jobPk }, db)) as [{ count: number }];
  if (count > 0) throw problems.jobLockedWhileProcessing();
  return round;
}

/** Photos of the job as report images (report variant when present), per round; only files that exist. */
async function roundImages(deps: FinalDeps, jobPk: string, namedRoundId: string) {
  const rows = await listJobReportImages.run({ jobPk }, deps.pool);
  const named: ReportImage[] = [];
  const others = new Map<string, ReportImage[]>(); // insertion order = newest round first (query order)
  for (const row of rows) {
    let key: string | null = null;
    for (const candidate of [row.report_artifact_path, row.artifact_path]) {
      if (candidate && (await deps.store.exists(candidate))) {
        key = candidate;
        break;
      }
    }
    if (!key) continue;
    const image: ReportImage = { path: path.join(deps.store.root, key), stored_path: key, caption: row.caption ?? '', uploaded_at: isoMicros(row.uploaded_at) };
    if (row.round_id === namedRoundId) named.push(image);
    else others.set(row.round_id, [...(others.get(row.round_id) ?? []), image]);
  }
  return { named, others: [...others.values()] };
}

const reportImagesOf = (row: FinalRow | undefined): ReportImage[] => {
  const list = isObject(row?.payload) ? (row!.payload as Record<string, unknown>).report_images : undefined;
  return Array.isArray(list) ? (list.filter(isObject) as unknown as ReportImage[]) : [];
};

async function letterImages(store: ArtifactStore, images: ReportImage[]): Promise<LetterImage[]> {
  const out: LetterImage[] = [];
  for (const img of images) {
    if (img.stored_path && (await store.exists(img.stored_path))) out.push({ caption: img.caption, data: await store.readBuffer(img.stored_path) });
  }
  return out;
}

/** The tree number the final will carry (api.md §4.2, §8.2 item 18: resolved through jobs.customer_id). */
async function plannedTreeNumber(pool: Pool, job: { customer_id: string | null; tree_number: number | null }, form: TraqForm): Promise<number | null> {
  const details = isObject(form.data) && isObject(form.data.client_tree_details) ? form.data.client_tree_details : {};
  const requested = parseTreeNumber(details.tree_number);
  if (!job.customer_id) return job.tree_number; // no customer, no tree identity: the job keeps its number
  if (requested) return requested;
  if (job.tree_number) return job.tree_number;
  const [{ max }] = (await maxTreeNumber.run({ customerId: job.customer_id }, pool)) as [{ max: number }];
  return max + 1;
}

async function stageOutputs(store: ArtifactStore, outputs: FinalOutputs) {
  const staged = {} as Record<(typeof FINAL_OUTPUTS)[number], StagedArtifact>;
  for (const output of FINAL_OUTPUTS) staged[output] = await store.stage(Readable.from([outputs[output]]));
  return staged;
}

/** POST /v1/jobs/{job_id}/final. */
export async function finalizeJob(deps: FinalDeps, principal: Principal, jobId: string, body: FinalSubmission, options: FinalOptions = {}): Promise<FinalResult> {
  const { pool, store } = deps;
  const { job, replay } = await guard(pool, principal, jobId, body);
  if (replay) return { kind: replay.kind as FinalKind, replayed: true, pdf: await storedPdf(deps, job, replay.kind as FinalKind) };
  const finals = await listJobFinals.run({ jobPk: job.id }, pool);
  const same = sameRequest(finals, body);
  if (same) return { kind: same.kind as FinalKind, replayed: true, pdf: await storedPdf(deps, job, same.kind as FinalKind) };

  const round = await checkRound(pool, job.id, body.round_id);
  const original = finals.find((f) => f.kind === 'final');
  const kind: FinalKind = original ? 'correction' : 'final';
  const view = await loadJobView(pool, job.id);
  const treeNumber = await plannedTreeNumber(pool, view, body.form);
  const form = prepareFinalForm(body.form, treeNumber);
  const [stored] = await findProfile.run({ identityKey: principal.identity }, pool);
  const profile = chooseProfile(body.profile, stored?.profile_payload as Record<string, unknown> | undefined);
  const fromRounds = await roundImages(deps, job.id, round.round_id);
  const reportImages = selectReportImages({
    namedRound: fromRounds.named,
    otherRoundsNewestFirst: fromRounds.others,
    previous: original ? [reportImagesOf(original), reportImagesOf(finals.find((f) => f.kind === 'correction'))] : undefined,
  });
  const archivedAt = options.now ?? new Date();
  const payload: FinalPayload = buildFinalPayload({
    job_id: job.job_id,
    round_id: round.round_id,
    server_revision_id: body.server_revision_id,
    client_revision_id: body.client_revision_id,
    form,
    prepared: true,
    review: round.review_payload as { transcript?: unknown },
    narrative: { ...body.narrative, text: body.narrative.text ?? '' },
    profile,
    report_images: reportImages,
    archived_at: archivedAt,
  });
  let letterNarrative = payload.narrative.text;
  if (options.polish && letterNarrative.trim()) letterNarrative = await options.polish(letterNarrative).catch(() => payload.narrative.text);
  const facts: JobFacts = {
    job_id: view.job_id,
    job_number: view.job_number,
    job_address: view.job_address,
    job_phone: view.job_phone,
    customer_address: view.address,
    tree_species: view.tree_species,
    billing_name: view.billing_name,
    billing_contact_name: view.billing_contact_name,
    billing_address: view.billing_address,
  };
  let outputs: FinalOutputs;
  try {
    outputs = await renderFinalOutputs({ payload, job: facts, letterNarrative, images: await letterImages(store, reportImages), template: deps.traqTemplate, date: archivedAt });
  } catch (err) {
    throw problems.finalRenderFailed(err);
  }

  const staged = await stageOutputs(store, outputs);
  let committed = false;
  try {
    const raced = await withTransaction(pool, async (tx) => {
      const [locked] = await lockJobForFinal.run({ jobPk: job.id }, tx);
      if (!locked) throw problems.jobNotFound();
      const now = await listJobFinals.run({ jobPk: job.id }, tx);
      const winner = sameRequest(now, body);
      if (winner) return winner; // the same request committed while this one rendered
      if (kind === 'final' && now.some((f) => f.kind === 'final')) throw problems.finalExists();
      await checkRound(tx, job.id, body.round_id);

      const tree = locked.customer_id && treeNumber ? await resolveTree(tx, locked.customer_id, treeNumber) : { id: locked.tree_id, tree_number: locked.tree_number };
      const operatorId = payload.user_name ? (await upsertOperator.run({ name: payload.user_name }, tx))[0]!.id : null;
      const row = {
        jobPk: job.id,
        roundPk: round.id,
        roundId: round.round_id,
        clientRevisionId: body.client_revision_id,
        serverRevisionId: body.server_revision_id,
        devicePk: principal.devicePk,
        actor: principal.identity,
        payload: JSON.stringify(payload),
      };
      const [saved] = kind === 'final' ? await insertFinal.run(row, tx) : await upsertCorrection.run(row, tx);
      if (!saved) throw problems.finalExists();
      await upsertGeojsonExport.run({ jobPk: job.id, jobFinalId: saved.id, kind, payload: JSON.stringify(outputs.geojsonPayload) }, tx);
      for (const output of FINAL_OUTPUTS) {
        const file = OUTPUT_FILES[output];
        await upsertFinalArtifact.run(
          {
            jobPk: job.id,
            jobFinalId: saved.id,
            kind: file.kind,
            path: finalKey(job.job_id, kind, output),
            contentType: file.contentType,
            byteSize: staged[output].size,
            sha256: staged[output].sha256,
          },
          tx,
        );
      }
      await recordPlacements(tx, job.id, FINAL_OUTPUTS.map((output) => ({ key: finalKey(job.job_id, kind, output), staged: staged[output] })));
      await archiveAndUnassign(tx, principal, job.id, { archivedAt, treeId: tree.id, treeNumber: tree.tree_number, operatorId }, kind === 'final' ? 'finalized' : 'corrected');
      await recordEvent(tx, {
        type: kind === 'final' ? 'final_generated' : 'correction_generated',
        actor: principal,
        jobPk: job.id,
        payload: {
          round_id: round.round_id,
          client_revision_id: body.client_revision_id,
          server_revision_id: body.server_revision_id,
          archived_at: payload.archived_at,
          from_status: locked.status,
          tree_number: tree.tree_number,
          report_image_count: payload.report_images.length,
          artifacts: FINAL_OUTPUTS.map((o) => finalKey(job.job_id, kind, o)),
        },
      });
      await options.hooks?.beforeCommit?.(tx);
      faultPoint('final.before-commit');
      return null;
    });
    if (raced) return { kind: raced.kind as FinalKind, replayed: true, pdf: await storedPdf(deps, job, raced.kind as FinalKind) };
    committed = true;
    faultPoint('final.after-commit');
    await completePlacements(pool, store, job.id);
    return { kind, replayed: false, pdf: outputs.traqPdf };
  } finally {
    // Once committed, the staged files belong to their placements (moved above, or by the retry or recovery).
    if (!committed) for (const output of FINAL_OUTPUTS) await staged[output].discard();
  }
}

/** The job is archived (with its tree and operator) and unassigned; the unassignment is audited. */
export async function archiveAndUnassign(
  tx: PoolClient,
  principal: Principal,
  jobPk: string,
  facts: { archivedAt: Date | string; treeId: string | null; treeNumber: number | null; operatorId: string | null },
  reason: string,
): Promise<void> {
  await archiveJob.run({ jobPk, ...facts }, tx);
  const [removed] = await deleteAssignment.run({ jobPk }, tx);
  if (removed) {
    await recordEvent(tx, {
      type: 'job_unassigned',
      actor: principal,
      jobPk,
      payload: { device_id: removed.device_id, assigned_by: removed.assigned_by, reason },
    });
  }
}
