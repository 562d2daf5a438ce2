/**
 * A finalized job made with SQL and store files (no final endpoint yet): the
 * final (or correction) snapshot, its GeoJSON row, its PDFs indexed in
 * artifacts, its report images in the store, status ARCHIVED.
 */
import { createHash } from 'node:crypto';
import type { TestApp } from './app.js';
import { job, type TestJob } from './factories.js';

export interface FinalOptions {
  kind?: 'final' | 'correction';
  /** Default true: index and store a TRAQ PDF and a report letter PDF. */
  pdfs?: boolean;
  /** Report images (captions); each stored as jobs/<id>/report_<n>.report.jpg. */
  images?: string[];
  transcript?: string;
}

export function finalPayload(j: TestJob, kind: 'final' | 'correction', o: FinalOptions = {}) {
  return {
    job_id: j.jobId,
    round_id: 'round_1',
    server_revision_id: 'rev_1',
    client_revision_id: `client-rev-${kind}`,
    archived_at: '2026-03-25T09:10:08.608364Z',
    transcript: o.transcript ?? `${kind} transcript`,
    form: { schema_name: 'traq', schema_version: '1', data: { client_tree_details: { client: 'Acme', tree_number: '1' }, '10': 'ten', '2': 'two' } },
    narrative: { text: 'Looks fine.' },
    user_name: 'Jane',
    profile: { name: 'Jane' },
    report_images: (o.images ?? []).map((caption, i) => ({
      caption,
      stored_path: `jobs/${j.jobId}/${kind}/report_${i + 1}.report.jpg`,
      uploaded_at: '2026-03-24T20:16:10.690104Z',
    })),
  };
}

/** Adds a final or correction to the job (archiving it). */
export async function finalize(app: TestApp, j: TestJob, o: FinalOptions = {}) {
  const kind = o.kind ?? 'final';
  const payload = finalPayload(j, kind, o);
  for (const [i, img] of payload.report_images.entries()) await app.store.writeBuffer(img.stored_path, `JPEG ${kind} ${i + 1}`);
  const { rows } = await app.pool.query<{ id: string }>(
    `INSERT INTO job_finals (job_id, kind, round_id, client_revision_id, actor_identity, payload)
     VALUES ($1, $2, 'round_1', $3, 'admin', $4)
     ON CONFLICT (job_id, kind) DO UPDATE SET payload = EXCLUDED.payload RETURNING id`,
    [j.jobPk, kind, payload.client_revision_id, JSON.stringify(payload)],
  );
  const finalId = rows[0]!.id;
  await app.pool.query(
    `INSERT INTO job_geojson_exports (job_id, job_final_id, kind, payload) VALUES ($1, $2, $3, $4)
     ON CONFLICT (job_id, kind) DO UPDATE SET payload = EXCLUDED.payload`,
    [j.jobPk, finalId, kind, JSON.stringify({ type: 'FeatureCollection', features: [], properties: { kind } })],
  );
  if (o.pdfs ?? true) {
    const suffix = kind === 'correction' ? '_correction' : '';
    for (const [artifactKind, name] of [
      ['final_pdf', `final_traq_page1${suffix}.pdf`],
      ['report_pdf', `final_report_letter${suffix}.pdf`],
    ] as const) {
      const key = `jobs/${j.jobId}/${name}`;
      const bytes = Buffer.from(`%PDF ${name}`);
      await app.store.writeBuffer(key, bytes);
      await app.pool.query(
        `INSERT INTO artifacts (job_id, job_final_id, kind, path, content_type, byte_size, sha256)
         VALUES ($1, $2, $3, $4, 'application/pdf', $5, $6)`,
        [j.jobPk, finalId, artifactKind, key, bytes.length, createHash('sha256').update(bytes).digest('hex')],
      );
    }
  }
  await app.pool.query(`UPDATE jobs SET status = 'ARCHIVED', archived_at = now() WHERE id = $1`, [j.jobPk]);
  return { finalId, payload };
}

export async function completedJob(app: TestApp, o: FinalOptions = {}) {
  const j = await job(app.pool);
  const { payload } = await finalize(app, j, o);
  return { ...j, payload };
}
