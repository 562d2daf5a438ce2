import { spawn } from 'node:child_process';
import path from 'node:path';
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { childEnv, plainNode } from './helpers/child-env.js';
import { cli, REPO } from './helpers/cli.js';
import { importArgs, pythonServerDatabase } from './helpers/py-traq.js';

t.test('an import killed at a random moment completes when started again', async (t) => {
  const app = await startTestApp(t);
  const source = await pythonServerDatabase(t);

  // Hold job k's id in an open transaction: the importer blocks inside job k's own transaction (jobs 1..k-1
  // committed, k's files copied, some of its rows written) and is killed there, k chosen at random.
  const k = 1 + Math.floor(Math.random() * 10);
  const jobNumber = `J${String(k).padStart(4, '0')}`;
  const { rows: src } = await source.pool.query(`SELECT id FROM jobs WHERE job_number = $1`, [jobNumber]);
  const blocker = await app.pool.connect();
  t.teardown(() => blocker.release());
  await blocker.query('BEGIN');
  await blocker.query(`INSERT INTO jobs (id, job_id, job_number) VALUES ($1, 'job_blocker', 'J99999')`, [src[0].id]);

  const env = childEnv();
  Object.assign(env, { DATABASE_URL: app.databaseUrl, ...app.storeEnv });
  const child = spawn(...plainNode([path.join(REPO, 'dist/cli.js'), ...importArgs(source.url)]), { cwd: REPO, env, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (;;) {
    const { rows: waiting } = await app.pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (waiting[0].n > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, Math.random() * 300));
  child.kill('SIGKILL');
  t.equal(await exited, null, 'the import was killed');
  await blocker.query('ROLLBACK');
  const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM job_events WHERE event_type = 'imported'`);
  t.equal(rows[0].n, k - 1, `killed inside ${jobNumber}: ${k - 1} jobs were complete`);

  const rerun = await cli(app, 'local', importArgs(source.url));
  t.equal(rerun.code, 0, rerun.stderr);
  t.match(rerun.json, { ok: true, mismatches: 0, jobs: { total: 10, failed: 0 } });
  t.equal(rerun.json.jobs.imported + rerun.json.jobs.already_imported, 10);
  t.equal(rerun.json.files.verified, rerun.json.files.total, 'every file present with its sha256');
  const after = await app.pool.query(`SELECT count(*)::int AS n FROM job_events WHERE event_type = 'imported'`);
  t.equal(after.rows[0].n, 10, 'each job imported exactly once');
});
