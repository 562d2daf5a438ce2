/**
 * traq-admin stage sync/exclude/include (the compiled CLI, in local and remote mode): the staging
 * bundle layout, reruns, exclusions, and the real sample job J0003.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { canonicalJson } from '../src/domain/canonical-json.js';
import { startTestApp } from './helpers/app.js';
import { cli, REPO } from './helpers/cli.js';
import { completedJob, finalize } from './helpers/sql-finals.js';

const tmp = (t: { teardown(fn: () => void): void }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-cli-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};


/** Every file under dir with its bytes (paths relative, sorted). */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) out[f] = fs.readFileSync(p, 'latin1');
  }
  return out;
}

t.test('stage sync: the bundle layout, idempotent reruns, exclusions, a failed job holds the cursor', async (t) => {
  const app = await startTestApp(t);
  const a = await completedJob(app, { images: ['the tree: in the middle', 'trunk'] });
  await app.pool.query(
    `WITH p AS (INSERT INTO projects (project_id, name, slug) VALUES ('project_briarwood', 'Briarwood', 'briarwood') RETURNING id)
     UPDATE jobs SET project_id = (SELECT id FROM p) WHERE id = $1`,
    [a.jobPk],
  );
  await finalize(app, a, { kind: 'correction', images: ['corrected photo'] });
  const root = tmp(t);

  const first = await cli(app, 'remote', ['--json', 'stage', 'sync', '--root', root]);
  t.equal(first.code, 0, first.stderr);
  t.match(first.json, { ok: true, staged: [a.jobNumber], failed: [], cursor_advanced: true });
  t.match(first.stderr, new RegExp(`stage page 1 1/1 ${a.jobNumber} ok`));

  const bundle = path.join(root, 'jobs', a.jobNumber);
  const files = tree(root);
  t.same(Object.keys(files), [
    `jobs/${a.jobNumber}/final.geojson`,
    `jobs/${a.jobNumber}/final.json`,
    `jobs/${a.jobNumber}/images/report_1.jpg`,
    `jobs/${a.jobNumber}/manifest.json`,
    `jobs/${a.jobNumber}/traq_page1.pdf`,
    'state/export_cursor.json',
  ], 'exactly the files of data-model §8.2');
  const manifest = fs.readFileSync(path.join(bundle, 'manifest.json'), 'utf8');
  const stagedAt = /"staged_at": "(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"/.exec(manifest)?.[1];
  t.ok(stagedAt, 'staged_at in seconds, Z');
  const golden = `{
  "archived_at": "2026-03-25T09:10:08.608364Z",
  "artifacts": {
    "final_geojson": "./final.geojson",
    "final_json": "./final.json",
    "traq_pdf": "./traq_page1.pdf"
  },
  "client_revision_id": "client-rev-correction",
  "images": [
    {
      "caption": "corrected photo",
      "image_ref": "report_1",
      "source_path": "./images/report_1.jpg",
      "variant": "report"
    }
  ],
  "job_id": "${a.jobId}",
  "job_number": "${a.jobNumber}",
  "project": "Briarwood",
  "project_id": "project_briarwood",
  "project_slug": "briarwood",
  "staged_at": "${stagedAt}"
}
`;
  t.equal(manifest, golden, 'manifest.json byte for byte');
  const correction = (await app.pool.query<{ payload: unknown }>(`SELECT payload FROM job_finals WHERE job_id = $1 AND kind = 'correction'`, [a.jobPk])).rows[0]!.payload;
  t.equal(files[`jobs/${a.jobNumber}/final.json`], canonicalJson(correction), 'final.json is the correction payload');
  t.equal(JSON.parse(files[`jobs/${a.jobNumber}/final.geojson`]!).properties.kind, 'correction');
  t.equal(files[`jobs/${a.jobNumber}/traq_page1.pdf`], '%PDF final_traq_page1_correction.pdf');
  t.equal(files[`jobs/${a.jobNumber}/images/report_1.jpg`], 'JPEG correction 1');
  t.match(files['state/export_cursor.json'], /^\{\n {2}"cursor": "v1\.\d+\.\d+"\n\}\n$/);

  const mtimes = () => Object.keys(tree(root)).map((f) => fs.statSync(path.join(root, f)).mtimeMs);
  const before = mtimes();
  const again = await cli(app, 'local', ['--json', 'stage', 'sync', '--root', root]);
  t.equal(again.code, 0, again.stderr);
  t.match(again.json, { staged: [], cursor_advanced: false });
  t.same(tree(root), files, 'a second sync with nothing new changes nothing');
  t.same(mtimes(), before, 'not even a rewrite');

  // exclusions
  const excluded = await cli(app, 'local', ['--json', 'stage', 'exclude', '--job', a.jobNumber.toLowerCase(), '--root', root]);
  t.match(excluded.json, { jobs: [a.jobNumber], bundle_removed: true });
  t.notOk(fs.existsSync(bundle), 'exclude deletes the bundle');
  const state = JSON.parse(fs.readFileSync(path.join(root, 'state/excluded_jobs.json'), 'utf8'));
  t.same(Object.keys(state), ['jobs', 'updated_at']);
  t.match(state.updated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const listed = await cli(app, 'local', ['stage', 'exclusions', '--root', root]);
  t.equal(listed.stdout, `${a.jobNumber}\n`);
  const skipped = await cli(app, 'remote', ['--json', 'stage', 'sync', '--root', root, '--cursor', '']);
  t.match(skipped.json, { staged: [], skipped_excluded: [a.jobNumber] }, 'an excluded job is not staged');
  t.notOk(fs.existsSync(bundle));
  const included = await cli(app, 'local', ['--json', 'stage', 'include', '--job', a.jobNumber, '--root', root]);
  t.match(included.json, { jobs: [], was_excluded: true });
  const restaged = await cli(app, 'local', ['--json', 'stage', 'sync', '--root', root, '--cursor', '']);
  t.match(restaged.json, { staged: [a.jobNumber] }, 'included again, staged from a full snapshot');
  t.equal(tree(root)[`jobs/${a.jobNumber}/traq_page1.pdf`], '%PDF final_traq_page1_correction.pdf', 'local mode stages the same bundle');

  // one job fails (its TRAQ PDF is missing): the others stage, the cursor stays
  const cursorBefore = fs.readFileSync(path.join(root, 'state/export_cursor.json'), 'utf8');
  const good = await completedJob(app);
  const bad = await completedJob(app);
  t.ok(await app.store.delete(`jobs/${bad.jobId}/final_traq_page1.pdf`), 'its TRAQ PDF goes missing');
  for (const mode of ['remote', 'local'] as const) {
    const failed = await cli(app, mode, ['--json', 'stage', 'sync', '--root', root]);
    t.equal(failed.code, 1, `${mode}: a failed job fails the run`);
    t.match(failed.json, { ok: false, staged: [good.jobNumber], cursor_advanced: false, failed: [{ job_number: bad.jobNumber, error: `No traq-pdf artifact found for job ${bad.jobId}` }] });
    t.match(failed.stderr, /traq-admin: 1 job\(s\) failed to stage; cursor not advanced\n$/);
    t.equal(fs.readFileSync(path.join(root, 'state/export_cursor.json'), 'utf8'), cursorBefore, `${mode}: cursor not advanced`);
    t.notOk(fs.existsSync(path.join(root, 'jobs', bad.jobNumber)), 'no half bundle');
    t.same(fs.readdirSync(path.join(root, 'jobs')).filter((f) => f.startsWith('.')), [], 'no temp folders left');
  }
  await app.store.writeBuffer(`jobs/${bad.jobId}/final_traq_page1.pdf`, '%PDF fixed');
  fs.writeFileSync(path.join(root, 'state/sync.lock'), String(process.pid));
  const locked = await cli(app, 'remote', ['stage', 'sync', '--root', root]);
  t.equal(locked.code, 1, 'a running sync holds the root');
  t.equal(locked.stderr, `traq-admin: Another stage sync (pid ${process.pid}) is running on ${root}\n`);
  fs.writeFileSync(path.join(root, 'state/sync.lock'), '2147483646');
  const fixed = await cli(app, 'remote', ['stage', 'sync', '--root', root]);
  t.equal(fixed.code, 0, fixed.stderr);
  t.match(fixed.stdout, /cursor advanced to v1\./);
  t.equal(fs.readFileSync(path.join(root, 'jobs', bad.jobNumber, 'traq_page1.pdf'), 'utf8'), '%PDF fixed');
  t.notOk(fs.existsSync(path.join(root, 'state/sync.lock')), 'the stale lock was taken over and released');
});

t.test('stage sync of the real sample job J0003 matches the sample bundle where the spec fixes it', async (t) => {
  const app = await startTestApp(t);
  // the real sample job J0003 (test/fixtures/samples); its photos are replaced by small stand-ins
  const sample = path.join(REPO, 'test/fixtures/samples/jobs/J0003');
  const payload = JSON.parse(fs.readFileSync(path.join(sample, 'final.json'), 'utf8'));
  const geojson = JSON.parse(fs.readFileSync(path.join(sample, 'final.geojson'), 'utf8'));
  const sampleManifest = JSON.parse(fs.readFileSync(path.join(sample, 'manifest.json'), 'utf8'));
  const { rows } = await app.pool.query<{ id: string }>(
    `WITH p AS (INSERT INTO projects (project_id, name, slug) VALUES ('project_briarwood', 'Briarwood', 'briarwood') RETURNING id)
     INSERT INTO jobs (job_id, job_number, status, project_id) SELECT 'job_b62ffe12501c', 'J0003', 'DRAFT', id FROM p RETURNING id`,
  );
  const jobPk = rows[0]!.id;
  const final = await app.pool.query<{ id: string }>(
    `INSERT INTO job_finals (job_id, kind, round_id, client_revision_id, actor_identity, payload) VALUES ($1, 'final', 'round_5', $2, 'admin', $3) RETURNING id`,
    [jobPk, payload.client_revision_id, JSON.stringify(payload)],
  );
  await app.pool.query(`INSERT INTO job_geojson_exports (job_id, job_final_id, kind, payload) VALUES ($1, $2, 'final', $3)`, [jobPk, final.rows[0]!.id, JSON.stringify(geojson)]);
  const pdf = await app.store.writeBuffer('jobs/job_b62ffe12501c/final_traq_page1.pdf', '%PDF-1.4 sample');
  await app.pool.query(`INSERT INTO artifacts (job_id, job_final_id, kind, path, byte_size, sha256) VALUES ($1, $2, 'final_pdf', $3, $4, $5)`, [
    jobPk,
    final.rows[0]!.id,
    pdf.key,
    pdf.size,
    pdf.sha256,
  ]);
  // the legacy report image paths of the sample resolve to these keys
  const names = (payload.report_images as { path: string }[]).map((i) => path.basename(i.path));
  const photo = (name: string) => Buffer.from(`\xff\xd8 stand-in for ${name}`, 'latin1');
  for (const name of names) await app.store.writeBuffer(`jobs/job_b62ffe12501c/sections/job_photos/images/${name}`, photo(name));
  await app.pool.query(`UPDATE jobs SET status = 'ARCHIVED', archived_at = now() WHERE id = $1`, [jobPk]);

  const root = tmp(t);
  const run = await cli(app, 'remote', ['--json', 'stage', 'sync', '--root', root]);
  t.equal(run.code, 0, run.stderr);
  t.same(run.json.staged, ['J0003']);
  const bundle = path.join(root, 'jobs/J0003');
  const manifest = fs.readFileSync(path.join(bundle, 'manifest.json'), 'utf8');
  const stagedAt = JSON.parse(manifest).staged_at as string;
  // The sample's synthetic parts (data-model §8.2): UUID-named image files and its own staged_at.
  const expected = {
    ...sampleManifest,
    staged_at: stagedAt,
    images: sampleManifest.images.map((i: { image_ref: string }) => ({ ...i, source_path: `./images/${i.image_ref}.jpg` })),
  };
  t.equal(manifest, canonicalJson(expected), 'manifest.json: the sample manifest with sorted keys');
  t.equal(fs.readFileSync(path.join(bundle, 'final.json'), 'utf8'), canonicalJson(payload), 'final.json: the sample payload');
  t.equal(fs.readFileSync(path.join(bundle, 'final.geojson'), 'utf8'), canonicalJson(geojson), 'final.geojson: the sample GeoJSON');
  names.forEach((name, i) =>
    t.ok(fs.readFileSync(path.join(bundle, `images/report_${i + 1}.jpg`)).equals(photo(name)), `report_${i + 1}.jpg: the photo of its legacy path`),
  );
  t.same(fs.readdirSync(bundle).sort(), ['final.geojson', 'final.json', 'images', 'manifest.json', 'traq_page1.pdf']);
});
