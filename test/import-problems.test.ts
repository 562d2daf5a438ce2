import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { cli } from './helpers/cli.js';
import { tableDigest } from './helpers/digest.js';
import { FIXTURE_STORAGE, importArgs, pythonServerDatabase } from './helpers/py-traq.js';
import { importPythonServer } from '../src/import/python-server.js';

t.test('dry run, refusals and per-job problems', async (t) => {
  const app = await startTestApp(t);
  const source = await pythonServerDatabase(t);

  const before = await tableDigest(app.pool);
  // in process (each CLI child costs seconds on a loaded machine; the CLI path is covered below and in import.test.ts)
  const dry = await importPythonServer(app.pool, app.store, { sourceUrl: source.url, storageDir: FIXTURE_STORAGE, dryRun: true });
  t.match(dry, { ok: true, dry_run: true, source_revision: '6b13c9b8a7d1', jobs: { total: 10, imported: 10 } }, 'the dry run reports what it would do');
  t.ok(dry.files.total >= 100, 'and the files it would copy');
  t.same(await tableDigest(app.pool), before, 'and writes nothing');
  t.same(await app.store.list(), [], 'not even a file');

  const missingDir = await cli(app, 'local', importArgs(source.url, '/nonexistent/storage'));
  t.equal(missingDir.code, 2);
  t.equal(missingDir.stderr.trim().split('\n').length, 1, 'one line');
  t.match(missingDir.stderr, /refused: --from-storage \/nonexistent\/storage is not a directory/);

  await source.pool.query(`UPDATE alembic_version SET version_num = 'ffffffffffff'`);
  await t.rejects(importPythonServer(app.pool, app.store, { sourceUrl: source.url, storageDir: FIXTURE_STORAGE }), {
    name: 'Error',
    message: /^unknown Alembic revision "ffffffffffff"/,
  });
  t.same(await tableDigest(app.pool), before, 'a refused source changes nothing');
  await source.pool.query(`UPDATE alembic_version SET version_num = '6b13c9b8a7d1'`);

  // one job's photo is gone from the tree, another job collides with a job already here
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'py-traq-storage-'));
  t.teardown(() => fs.rmSync(storage, { recursive: true, force: true }));
  fs.cpSync(FIXTURE_STORAGE, storage, { recursive: true });
  const photo = (await source.pool.query(`SELECT i.artifact_path FROM round_images i JOIN job_rounds r ON r.id = i.round_pk JOIN jobs j ON j.id = r.job_id WHERE j.job_number = 'J0009'`)).rows[0].artifact_path;
  fs.rmSync(path.join(storage, photo));
  await app.pool.query(`INSERT INTO jobs (job_id, job_number) VALUES ('job_native_1', 'J0004')`);

  const run = await cli(app, 'local', importArgs(source.url, storage));
  t.equal(run.code, 1, 'problems end with exit 1');
  t.match(run.json, { ok: false, jobs: { imported: 9, failed: 1 } });
  t.match(run.json.problems, [
    { job_number: 'J0004', problem: /already has another job/ },
    { job_number: 'J0009', problem: /file named by the source is missing/ },
  ]);
  t.equal((await app.pool.query(`SELECT count(*)::int AS n FROM jobs`)).rows[0].n, 10, 'the other jobs were imported');
});
