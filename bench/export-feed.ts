/**
 * The export feed with 10 000 jobs: time of the first page (full snapshot),
 * of a whole walk through every page, and of an incremental page after 100
 * jobs changed. Throwaway embedded cluster; prints its numbers.
 *
 *   npm run bench:export [-- <jobs> <page size>]
 */
import { ArtifactStore } from '../src/artifacts/store.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { exportChanges } from '../src/domain/export.js';
import { throwawayCluster } from '../scripts/throwaway-cluster.js';

const jobs = Number(process.argv[2] ?? 10_000);
const pageSize = Number(process.argv[3] ?? 100);
const cluster = await throwawayCluster();
try {
  const url = cluster.url('postgres');
  await migrate(url);
  const pool = createPool(url, 4);
  void new ArtifactStore('/tmp'); // the feed itself touches no bytes
  // Jobs with a reviewed round and one photo each; every tenth archived with a final.
  await pool.query(`
    INSERT INTO jobs (job_id, job_number, status)
    SELECT 'job_' || lpad(to_hex(g), 12, '0'), 'J' || lpad(g::text, 5, '0'), 'DRAFT' FROM generate_series(1, ${jobs}) g`);
  await pool.query(`
    INSERT INTO job_rounds (job_id, round_number, round_id, status, server_revision_id, review_payload)
    SELECT id, 1, 'round_1', 'REVIEW_RETURNED', 'rev_round_1_1',
           jsonb_build_object('transcript', repeat('words ', 200), 'form', jsonb_build_object('site_factors', jsonb_build_object('notes', 'x')))
      FROM jobs`);
  await pool.query(`UPDATE jobs SET status = 'REVIEW_RETURNED', latest_round_id = 'round_1', latest_round_status = 'REVIEW_RETURNED'`);
  await pool.query(`
    INSERT INTO round_images (round_pk, image_id, upload_status, caption, artifact_path, report_artifact_path)
    SELECT r.id, 'img_1', 'uploaded', 'photo', 'jobs/x/img_1.jpg', 'jobs/x/img_1.report.jpg' FROM job_rounds r`);
  await pool.query(`
    WITH f AS (
      INSERT INTO job_finals (job_id, kind, round_id, actor_identity, payload)
      SELECT id, 'final', 'round_1', 'admin', jsonb_build_object('transcript', 't', 'form', jsonb_build_object('data', '{}'::jsonb), 'report_images', '[]'::jsonb)
        FROM jobs WHERE job_number::text LIKE '%0' RETURNING id, job_id)
    INSERT INTO job_geojson_exports (job_id, job_final_id, kind, payload) SELECT job_id, id, 'final', '{"type":"FeatureCollection","features":[]}' FROM f`);
  await pool.query(`UPDATE jobs SET status = 'ARCHIVED', archived_at = now() WHERE id IN (SELECT job_id FROM job_finals)`);
  await pool.query('VACUUM ANALYZE');
  const changes = (await pool.query(`SELECT count(*)::int AS n FROM job_changes`)).rows[0].n;

  const time = async <T>(f: () => Promise<T>) => {
    const t0 = performance.now();
    const r = await f();
    return { ms: performance.now() - t0, r };
  };
  const first = await time(() => exportChanges(pool, { limit: pageSize }));
  const firsts: number[] = [];
  for (let i = 0; i < 5; i++) firsts.push((await time(() => exportChanges(pool, { limit: pageSize }))).ms);

  let cursor: string | undefined;
  let pages = 0;
  let seen = 0;
  const walk = await time(async () => {
    for (;;) {
      const page = await exportChanges(pool, { cursor, limit: pageSize });
      pages++;
      seen += page.in_process.length + page.completed.length;
      cursor = page.cursor;
      if (!page.has_more) break;
    }
  });
  await pool.query(`UPDATE jobs SET job_name = 'changed' WHERE id IN (SELECT id FROM jobs ORDER BY random() LIMIT 100)`);
  const incremental = await time(() => exportChanges(pool, { cursor, limit: pageSize }));

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`export feed, ${jobs} jobs (${changes} change rows), page size ${pageSize}`);
  console.log(`  first page (full snapshot):   median ${median(firsts).toFixed(1)} ms (cold ${first.ms.toFixed(1)} ms)`);
  console.log(`  whole walk:                   ${walk.ms.toFixed(0)} ms for ${pages} pages, ${seen} jobs (${(walk.ms / pages).toFixed(1)} ms/page)`);
  console.log(`  incremental page (100 changed): ${incremental.ms.toFixed(1)} ms, ${incremental.r.in_process.length + incremental.r.completed.length} jobs`);
  await pool.end();
} finally {
  await cluster.dispose();
}
