/**
 * Admin set-final / set-correction from JSON (api.md §2.13, the `final
 * set-final` / `set-correction` CLI equivalents, for imports): the snapshot
 * row, its GeoJSON (built from the payload unless given), final.json, the
 * GeoJSON and the TRAQ form PDF drawn from the payload's form, written to the
 * store and indexed in `artifacts`, the job archived and unassigned, one
 * audit row. (No report letter: an imported payload carries no billing
 * facts or photos of ours to write one from.) Same order as the device final: files staged,
 * one transaction, then the files moved into place.
 */
import { Readable } from 'node:stream';
import type { ArtifactStore, StagedArtifact } from '../artifacts/store.js';
import type { Pool } from '../db/pool.js';
import { withTransaction } from '../db/tx.js';
import { finalJsonBuffer } from '../documents/final-payload.js';
import { buildFinalGeoJson } from '../documents/geojson.js';
import type { TraqTemplate } from '../documents/traq-template.js';
import type { FinalPayload } from '../documents/types.js';
import type { Principal } from './principal.js';
import { problems } from './problems.js';
import {
  deleteOtherFinalArtifacts,
  findRoundForFinal,
  insertFinal,
  listJobFinals,
  upsertCorrection,
  upsertFinalArtifact,
  upsertGeojsonExport,
  upsertOperator,
} from '../queries/finals.queries.js';
import { recordEvent } from './events.js';
import { finalKey, OUTPUT_FILES, type FinalKind } from './final-files.js';
import { archiveAndUnassign } from './finals.js';
import { lockJob } from './jobs.js';
import { completePlacements, recordPlacements } from './placements.js';

export interface ImportedFinal {
  payload: Record<string, unknown> & { form: { data: Record<string, unknown> } };
  geojson?: Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);

function archivedAtOf(payload: Record<string, unknown>): Date {
  const given = str(payload.archived_at);
  const ms = given ? Date.parse(given) : NaN;
  return Number.isNaN(ms) ? new Date() : new Date(ms);
}

const jsonBytes = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/** POST /v1/admin/jobs/{job_ref}/final/set-final and /set-correction. */
export async function setFinalFromJson(
  pool: Pool,
  store: ArtifactStore,
  principal: Principal,
  ref: string,
  kind: FinalKind,
  input: ImportedFinal,
  template: TraqTemplate | null = null,
) {
  const payload = input.payload;
  const staged: Partial<Record<'finalJson' | 'geojson' | 'traqPdf', StagedArtifact>> = {};
  let committed = false;
  try {
    staged.finalJson = await store.stage(Readable.from([finalJsonBuffer(payload as unknown as FinalPayload)]));
    const result = await withTransaction(pool, async (tx) => {
      const job = await lockJob(tx, ref, () => problems.jobNotFoundRef(ref));
      const finals = await listJobFinals.run({ jobPk: job.id }, tx);
      if (kind === 'final' && finals.some((f) => f.kind === 'final')) throw problems.finalExists();
      const geojson = input.geojson ?? buildFinalGeoJson(payload as unknown as FinalPayload, job.job_number);
      staged.geojson = await store.stage(Readable.from([jsonBytes(geojson)]));
      // The renderer (pdf-lib) is loaded on the first import, not with the server.
      const { renderTraqPdf } = await import('../documents/traq-pdf.js');
      staged.traqPdf = await store.stage(Readable.from([await renderTraqPdf(payload.form.data as FinalPayload['form']['data'], template, { jobNumber: job.job_number })]));
      const roundId = str(payload.round_id);
      const [round] = roundId ? await findRoundForFinal.run({ jobPk: job.id, roundId }, tx) : [];
      const row = {
        jobPk: job.id,
        roundPk: round?.id ?? null,
        roundId,
        clientRevisionId: str(payload.client_revision_id),
        serverRevisionId: str(payload.server_revision_id),
        devicePk: null,
        actor: principal.identity,
        payload: JSON.stringify(payload),
      };
      const [saved] = kind === 'final' ? await insertFinal.run(row, tx) : await upsertCorrection.run(row, tx);
      if (!saved) throw problems.finalExists();
      await upsertGeojsonExport.run({ jobPk: job.id, jobFinalId: saved.id, kind, payload: JSON.stringify(geojson) }, tx);
      const written = (['finalJson', 'geojson', 'traqPdf'] as const).map((output) => ({ output, key: finalKey(job.job_id, kind, output), file: staged[output]! }));
      for (const { output, key, file } of written) {
        const meta = OUTPUT_FILES[output];
        await upsertFinalArtifact.run(
          { jobPk: job.id, jobFinalId: saved.id, kind: meta.kind, path: key, contentType: meta.contentType, byteSize: file.size, sha256: file.sha256 },
          tx,
        );
      }
      // A replaced correction's rendered outputs no longer describe it: their rows go now, their files after commit.
      const stale = await deleteOtherFinalArtifacts.run({ jobFinalId: saved.id, keep: written.map((w) => w.key) }, tx);
      await recordPlacements(tx, job.id, [...written.map((w) => ({ key: w.key, staged: w.file })), ...stale.map((st) => ({ key: st.path, delete: true as const }))]);
      const userName = str(payload.user_name);
      const operatorId = userName ? (await upsertOperator.run({ name: userName }, tx))[0]!.id : null;
      const archivedAt = archivedAtOf(payload);
      await archiveAndUnassign(tx, principal, job.id, { archivedAt, treeId: job.tree_id, treeNumber: job.tree_number, operatorId }, `admin set-${kind}`);
      await recordEvent(tx, {
        type: kind === 'final' ? 'final_generated' : 'correction_generated',
        actor: principal,
        jobPk: job.id,
        payload: {
          source: 'admin_import',
          round_id: roundId,
          client_revision_id: row.clientRevisionId,
          archived_at: archivedAt.toISOString(),
          from_status: job.status,
          artifacts: written.map((w) => w.key),
          removed_artifacts: stale.map((s) => s.path),
        },
      });
      return { job, written, stale: stale.map((s) => s.path) };
    });
    committed = true;
    await completePlacements(pool, store, result.job.id);
    return { ok: true as const, job_id: result.job.job_id, kind, status: 'ARCHIVED' as const, artifacts: result.written.map((w) => w.key) };
  } finally {
    if (!committed) {
      await staged.finalJson?.discard();
      await staged.geojson?.discard();
      await staged.traqPdf?.discard();
    }
  }
}
