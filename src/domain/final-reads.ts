/**
 * Reads of a job's final outputs: the report letter, the final status
 * (api.md §2.9.2, §8.3 item 22) and the admin inspect (§2.13), answered from
 * the job_finals rows and the artifact store. Readers prefer the correction.
 * The device that finalized keeps read access after it was unassigned (decision 3).
 */
import type { Readable } from 'node:stream';
import type { ArtifactStore } from '../artifacts/store.js';
import type { Pool } from '../db/pool.js';
import type { Principal } from './principal.js';
import { problems } from './problems.js';
import { findJobByRef } from '../queries/jobs.queries.js';
import { listGeojsonKinds, listJobFinals, type IListJobFinalsResult as FinalRow } from '../queries/finals.queries.js';
import { requireJobAccess } from './access.js';
import { finalKey, type FinalKind } from './final-files.js';

const KINDS_PREFERRED: FinalKind[] = ['correction', 'final'];

/** GET /v1/jobs/{job_id}/final/report: the correction's letter when it exists, else the final's. */
export async function openReportLetter(pool: Pool, store: ArtifactStore, principal: Principal, jobId: string): Promise<Readable> {
  const job = await requireJobAccess(pool, principal, jobId, { finalOutputs: true });
  for (const kind of KINDS_PREFERRED) {
    const key = finalKey(job.job_id, kind, 'letterPdf');
    if (await store.exists(key)) return store.read(key);
  }
  throw problems.reportLetterNotFound();
}

export type FinalState = 'none' | 'final' | 'correction';

/** GET /v1/jobs/{job_id}/final/status: what the client checks before it retries a final. */
export async function finalStatus(pool: Pool, store: ArtifactStore, principal: Principal, jobId: string) {
  const job = await requireJobAccess(pool, principal, jobId, { finalOutputs: true });
  const finals = await listJobFinals.run({ jobPk: job.id }, pool);
  const row = KINDS_PREFERRED.map((k) => finals.find((f) => f.kind === k)).find(Boolean);
  if (!row) {
    return { state: 'none' as FinalState, kind: null, client_revision_id: null, server_revision_id: null, report_ready: false, traq_pdf_ready: false, geojson_ready: false };
  }
  const kind = row.kind as FinalKind;
  const geojsonKinds = (await listGeojsonKinds.run({ jobPk: job.id }, pool)).map((g) => g.kind);
  return {
    state: kind as FinalState,
    kind,
    client_revision_id: row.client_revision_id,
    server_revision_id: row.server_revision_id,
    report_ready: await store.exists(finalKey(job.job_id, kind, 'letterPdf')),
    traq_pdf_ready: await store.exists(finalKey(job.job_id, kind, 'traqPdf')),
    geojson_ready: geojsonKinds.includes(kind) && (await store.exists(finalKey(job.job_id, kind, 'geojson'))),
  };
}

async function inspectOne(store: ArtifactStore, jobId: string, kind: FinalKind, row: FinalRow | undefined) {
  const payload = (row?.payload ?? {}) as Record<string, unknown>;
  const exists = (o: Parameters<typeof finalKey>[2]) => store.exists(finalKey(jobId, kind, o));
  return {
    exists: row !== undefined,
    json_path: row ? finalKey(jobId, kind, 'finalJson') : null,
    json_file_exists: await exists('finalJson'),
    report_pdf_exists: await exists('letterPdf'),
    report_docx_exists: await exists('letterDocx'),
    traq_pdf_exists: await exists('traqPdf'),
    geojson_exists: await exists('geojson'),
    round_id: row?.round_id ?? null,
    client_revision_id: row?.client_revision_id ?? null,
    user_name: typeof payload.user_name === 'string' ? payload.user_name : null,
    transcript_length: typeof payload.transcript === 'string' ? payload.transcript.length : 0,
    image_count: Array.isArray(payload.report_images) ? payload.report_images.length : 0,
    created_at: row?.created_at.toISOString() ?? null,
    updated_at: row?.updated_at.toISOString() ?? null,
  };
}

/** GET /v1/admin/jobs/{job_ref}/final/inspect: the DB rows and the store, never debug copies (api.md §2.13 [BUG]). */
export async function inspectFinal(pool: Pool, store: ArtifactStore, ref: string) {
  const [job] = await findJobByRef.run({ ref: ref.trim() }, pool);
  if (!job) throw problems.jobNotFoundRef(ref);
  const finals = await listJobFinals.run({ jobPk: job.id }, pool);
  return {
    job_id: job.job_id,
    final: await inspectOne(store, job.job_id, 'final', finals.find((f) => f.kind === 'final')),
    correction: await inspectOne(store, job.job_id, 'correction', finals.find((f) => f.kind === 'correction')),
  };
}
