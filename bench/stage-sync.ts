/**
 * `stage sync` in local mode over N completed jobs (final payload, GeoJSON,
 * TRAQ PDF, two report images each): the first full staging, then a rerun
 * with nothing new. Throwaway embedded cluster and temp folders; prints its
 * numbers (per-job progress lines go to stderr).
 *
 *   npm run bench:stage [-- <jobs>] 2>/dev/null
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArtifactStore } from '../src/artifacts/store.js';
import { artifactBackend } from '../src/cli/groups/artifact.js';
import { exportBackend } from '../src/cli/groups/export.js';
import { Runtime } from '../src/cli/runtime.js';
import { sync } from '../src/cli/staging.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { throwawayCluster } from '../scripts/throwaway-cluster.js';

const jobs = Number(process.argv[2] ?? 500);
const cluster = await throwawayCluster();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-bench-stage-'));
try {
  const url = cluster.url('postgres');
  await migrate(url);
  const pool = createPool(url, 4);
  const storageRoot = path.join(dir, 'artifacts');
  const store = new ArtifactStore(storageRoot);
  const photo = Buffer.alloc(200_000, 7); // a report image is ~200 kB
  const pdf = Buffer.alloc(300_000, 8);
  await pool.query(`
    INSERT INTO jobs (job_id, job_number, status)
    SELECT 'job_' || lpad(to_hex(g), 12, '0'), 'J' || lpad(g::text, 5, '0'), 'DRAFT' FROM generate_series(1, ${jobs}) g`);
  await pool.query(`
    WITH f AS (
      INSERT INTO job_finals (job_id, kind, round_id, client_revision_id, actor_identity, payload)
      SELECT j.id, 'final', 'round_1', 'rev', 'admin', jsonb_build_object(
               'archived_at', '2026-03-25T09:10:08.608364Z', 'client_revision_id', 'rev', 'transcript', repeat('words ', 500),
               'form', jsonb_build_object('data', jsonb_build_object('site_factors', jsonb_build_object('notes', 'x'))),
               'report_images', jsonb_build_array(
                 jsonb_build_object('caption', 'one', 'stored_path', 'jobs/' || j.job_id || '/r1.report.jpg'),
                 jsonb_build_object('caption', 'two', 'stored_path', 'jobs/' || j.job_id || '/r2.report.jpg')))
        FROM jobs j RETURNING id, job_id)
    , g AS (INSERT INTO job_geojson_exports (job_id, job_final_id, kind, payload)
            SELECT job_id, id, 'final', '{"type":"FeatureCollection","features":[]}' FROM f)
    INSERT INTO artifacts (job_id, job_final_id, kind, path, byte_size, sha256)
    SELECT f.job_id, f.id, 'final_pdf', 'jobs/' || j.job_id || '/final_traq_page1.pdf', ${pdf.length}, repeat('0', 64)
      FROM f JOIN jobs j ON j.id = f.job_id`);
  await pool.query(`UPDATE jobs SET status = 'ARCHIVED', archived_at = now()`);
  for (const { job_id } of (await pool.query<{ job_id: string }>('SELECT job_id FROM jobs')).rows) {
    await store.writeBuffer(`jobs/${job_id}/r1.report.jpg`, photo);
    await store.writeBuffer(`jobs/${job_id}/r2.report.jpg`, photo);
    await store.writeBuffer(`jobs/${job_id}/final_traq_page1.pdf`, pdf);
  }
  await pool.query('VACUUM ANALYZE');

  const rt = new Runtime(() => ({ mode: 'local' }), { DATABASE_URL: url, TRAQ_STORAGE_ROOT: storageRoot, TRAQ_DATA_DIR: dir });
  const source = { ...(await exportBackend(rt)), ...(await artifactBackend(rt)) };
  const root = path.join(dir, 'staging');
  const t0 = performance.now();
  const first = await sync(root, source);
  const firstMs = performance.now() - t0;
  const t1 = performance.now();
  const again = await sync(root, source);
  const againMs = performance.now() - t1;
  await rt.close();
  await pool.end();

  const mb = (jobs * (2 * photo.length + pdf.length)) / 1e6;
  console.log(`stage sync, local mode, ${jobs} completed jobs (${mb.toFixed(0)} MB of files):`);
  console.log(`  first sync: ${first.staged.length} staged in ${(firstMs / 1000).toFixed(2)} s (${(firstMs / jobs).toFixed(1)} ms a job, ${first.pages} pages), ok=${first.ok}`);
  console.log(`  rerun with nothing new: ${again.staged.length} staged in ${againMs.toFixed(0)} ms`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await cluster.stop();
}
