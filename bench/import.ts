/**
 * The Python-server import at scale: the test fixture (10 jobs) copied up to N
 * jobs (default 1000; ids, job ids, numbers and artifact folders renamed per
 * copy), imported into an empty target, then imported again (nothing to do).
 * Prints rows/s and bytes/s of the first run beside the idle rerun.
 * Throwaway embedded cluster and temp directories.
 *
 *   node --import tsx bench/import.ts [jobs]
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ArtifactStore } from '../src/artifacts/store.js';
import { ensureDatabase } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { importPythonServer } from '../src/import/python-server.js';
import { throwawayCluster } from '../scripts/throwaway-cluster.js';

const jobs = Number(process.argv[2] ?? 1000);
const fixture = path.join(import.meta.dirname, '../test/fixtures/py-traq');
const JOB_TABLES = ['jobs', 'job_rounds', 'round_recordings', 'round_images', 'job_finals', 'job_geojson_exports', 'artifacts', 'job_assignments', 'job_events'];
const cluster = await throwawayCluster();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
try {
  const sourceUrl = cluster.url('py_source');
  const targetUrl = cluster.url('traq_target');
  await ensureDatabase(cluster.url('postgres'), 'py_source');
  await ensureDatabase(cluster.url('postgres'), 'traq_target');
  await migrate(targetUrl);
  const src = new pg.Client({ connectionString: sourceUrl });
  await src.connect();
  src.on('error', () => {}); // the cluster stops under it when the bench fails
  await src.query(fs.readFileSync(path.join(fixture, 'schema.sql'), 'utf8'));
  await src.query(fs.readFileSync(path.join(fixture, 'data.sql'), 'utf8'));
  const storage = path.join(work, 'source-storage');
  fs.cpSync(path.join(fixture, 'storage'), storage, { recursive: true });

  // copies 1.. of every fixture job: same rows with fresh ids, job ids and numbers, files in their own folder
  const rows: Record<string, any[]> = {};
  for (const table of JOB_TABLES) rows[table] = (await src.query(`SELECT to_jsonb(t) AS r FROM ${table} t`)).rows.map((r) => r.r);
  const base = rows.jobs!;
  const started = Date.now();
  for (let copy = 1; copy < Math.ceil(jobs / base.length); copy++) {
    await src.query('BEGIN');
    for (const job of base) {
      const ids = new Map<string, string>();
      const newJobId = `${job.job_id}_c${copy}`;
      const rename = (row: any) => {
        let text = JSON.stringify(row).replaceAll(`jobs/${job.job_id}/`, `jobs/${newJobId}/`).replaceAll(`"${job.job_id}"`, `"${newJobId}"`);
        text = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => (isJobScoped(id) ? (ids.get(id) ?? ids.set(id, randomUUID()).get(id)!) : id));
        return JSON.parse(text);
      };
      const scoped = new Set<string>([job.id]);
      const rounds = rows.job_rounds!.filter((r) => r.job_id === job.id);
      for (const r of rounds) scoped.add(r.id);
      const mine: Record<string, any[]> = {};
      for (const table of JOB_TABLES) {
        mine[table] = rows[table]!.filter((r) => r.id === job.id || r.job_id === job.id || scoped.has(r.round_pk));
        for (const r of mine[table]!) scoped.add(r.id);
      }
      function isJobScoped(id: string) {
        return scoped.has(id);
      }
      for (const table of JOB_TABLES) {
        for (const row of mine[table]!) {
          const copyRow = rename(row);
          if (table === 'jobs') copyRow.job_number = `J${String(copy * base.length + Number(job.job_number.slice(1))).padStart(5, '0')}`;
          await src.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_record(NULL::${table}, $1)`, [copyRow]);
        }
      }
      const folder = path.join(storage, 'jobs', job.job_id);
      if (fs.existsSync(folder)) fs.cpSync(folder, path.join(storage, 'jobs', newJobId), { recursive: true });
    }
    await src.query('COMMIT');
  }
  await src.end();
  console.log(`source: ${Math.ceil(jobs / base.length) * base.length} jobs built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const pool = createPool(targetUrl, 4);
  const store = new ArtifactStore(path.join(work, 'target-storage'));
  for (const label of ['first run', 'second run (nothing to do)']) {
    const t0 = process.hrtime.bigint();
    const report = await importPythonServer(pool, store, { sourceUrl, storageDir: storage });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(
      `${label}: ${report.jobs.total} jobs (${report.jobs.imported} imported), ${report.rows} rows, ${report.files.total} files, ` +
        `${(report.files.bytes / 1e6).toFixed(1)} MB in ${s.toFixed(1)} s: ${Math.round(report.rows / s)} rows/s, ` +
        `${(report.files.bytes / 1e6 / s).toFixed(2)} MB/s, ${report.mismatches} mismatches, ok=${report.ok}`,
    );
  }
  await pool.end();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
  await cluster.dispose();
}
