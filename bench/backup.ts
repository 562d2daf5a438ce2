/**
 * bench/backup.ts — a backup → restore round trip at two scales, side by side with a bare
 * baseline (copying the same artifact store with fs.cp), in one run.
 *
 *   npm run bench:backup                       # 50 and 500 jobs
 *   BENCH_JOBS=200,2000 BENCH_PHOTO_KB=200 npm run bench:backup
 *
 * Each job gets a round, one photo (original + report variant in the store), audit rows and
 * change-log rows (made by SQL, not over HTTP: the round trip is what is measured). Runs
 * in-process against a throwaway embedded cluster: the source database, and an empty one per
 * restore. Prints rows, files, bytes and seconds per step.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArtifactStore } from '../src/artifacts/store.js';
import { takeBackup } from '../src/cli/backup.js';
import { restoreBackup } from '../src/cli/restore.js';
import { ensureDatabase } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createPool, type Pool } from '../src/db/pool.js';
import { throwawayCluster } from '../scripts/throwaway-cluster.js';

const SCALES = (process.env.BENCH_JOBS ?? '50,500').split(',').map(Number);
const PHOTO = randomBytes(Number(process.env.BENCH_PHOTO_KB ?? 100) * 1024);

async function seed(pool: Pool, store: ArtifactStore, jobs: number): Promise<void> {
  await pool.query(
    `WITH j AS (
       INSERT INTO jobs (job_id, job_number, status, job_name)
       SELECT 'job_bench_' || g, 'J' || lpad(g::text, 4, '0'), 'DRAFT', 'Bench ' || g FROM generate_series(1, $1) g
       RETURNING id, job_id)
     INSERT INTO job_events (job_id, event_type, actor_identity, payload)
     SELECT id, 'job_created', 'admin', jsonb_build_object('job_id', job_id) FROM j`,
    [jobs],
  );
  await pool.query(`UPDATE runtime_counters SET current_value = $1 WHERE counter_key = 'job_number'`, [jobs]);
  await pool.query(`INSERT INTO job_rounds (job_id, round_number, round_id) SELECT id, 1, 'round_1' FROM jobs`);
  const { rows } = await pool.query<{ id: string; job_id: string }>(`SELECT r.id, j.job_id FROM job_rounds r JOIN jobs j ON j.id = r.job_id`);
  for (const r of rows) {
    const key = `jobs/${r.job_id}/rounds/round_1/sections/job_photos/images/img_1.jpg`;
    const report = key.replace(/\.jpg$/, '.report.jpg');
    const a = await store.writeBuffer(key, PHOTO);
    const b = await store.writeBuffer(report, PHOTO.subarray(0, PHOTO.length / 4));
    await pool.query(
      `INSERT INTO round_images (round_pk, image_id, upload_status, byte_size, sha256, artifact_path, report_artifact_path, report_byte_size, uploaded_at)
       VALUES ($1, 'img_1', 'uploaded', $2, $3, $4, $5, $6, now())`,
      [r.id, a.size, a.sha256, key, report, b.size],
    );
  }
}

const secs = (ms: number) => (ms / 1000).toFixed(2);
const cluster = await throwawayCluster();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-bench-backup-'));
try {
  console.log('jobs  rows   files  MB      backup s  restore s  baseline cp s');
  for (const jobs of SCALES) {
    const name = `bench_${jobs}`;
    await ensureDatabase(cluster.url('postgres'), name);
    await migrate(cluster.url(name));
    const pool = createPool(cluster.url(name), 4);
    const store = new ArtifactStore(path.join(work, `store-${jobs}`));
    await seed(pool, store, jobs);

    let t0 = Date.now();
    const b = await takeBackup(pool, store, path.join(work, `backup-${jobs}`));
    const backupMs = Date.now() - t0;

    await ensureDatabase(cluster.url('postgres'), `${name}_restored`);
    const target = createPool(cluster.url(`${name}_restored`), 4);
    t0 = Date.now();
    await restoreBackup(
      { pool: target, store: new ArtifactStore(path.join(work, `restored-${jobs}`)), databaseUrl: cluster.url(`${name}_restored`), where: 'the bench database' },
      path.join(work, `backup-${jobs}`),
    );
    const restoreMs = Date.now() - t0;

    t0 = Date.now();
    fs.cpSync(store.root, path.join(work, `cp-${jobs}`), { recursive: true });
    const cpMs = Date.now() - t0;

    console.log(
      `${String(jobs).padEnd(6)}${String(b.totals.rows).padEnd(7)}${String(b.totals.files).padEnd(7)}${(b.totals.file_bytes / 1024 / 1024).toFixed(1).padEnd(8)}` +
        `${secs(backupMs).padEnd(10)}${secs(restoreMs).padEnd(11)}${secs(cpMs)}`,
    );
    await pool.end();
    await target.end();
  }
} finally {
  await cluster.dispose();
  fs.rmSync(work, { recursive: true, force: true });
}
