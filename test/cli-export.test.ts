/**
 * traq-admin export commands as an operator runs them (the compiled CLI, in local and remote mode).
 * The artifact commands and the bin launcher: cli-artifact.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { cli, tempDir as tmp } from './helpers/cli.js';
import { completedJob, finalize } from './helpers/sql-finals.js';

t.test('export commands read the feed and write the right files in both modes', async (t) => {
  const app = await startTestApp(t);
  const a = await completedJob(app, { images: ['root flare', 'trunk'] });
  const b = await completedJob(app);
  await finalize(app, b, { kind: 'correction' });
  const out = tmp(t);

  for (const mode of ['local', 'remote'] as const) {
    const changes = await cli(app, mode, ['--json', 'export', 'changes']);
    t.equal(changes.code, 0, changes.stderr);
    t.same(changes.json.completed.map((i: { job_id: string }) => i.job_id).sort(), [a.jobId, b.jobId].sort(), `${mode}: export changes --json parses`);
    const paged = await cli(app, mode, ['--json', 'export', 'changes', '--limit', '1', '--all']);
    t.equal(paged.json.completed.length, 2, `${mode}: --all follows the pages`);
    t.equal(paged.json.has_more, false);
    const next = await cli(app, mode, ['--json', 'export', 'changes', '--cursor', paged.json.cursor]);
    t.same([next.json.completed, next.json.in_process], [[], []], `${mode}: nothing after the cursor`);

    const dir = path.join(out, mode);
    const image = await cli(app, mode, ['export', 'image-fetch', '--job-id', a.jobId, '--image-ref', 'report_2', '--output', path.join(dir, 'x.jpg')]);
    t.equal(image.code, 0, image.stderr);
    t.equal(fs.readFileSync(path.join(dir, 'x.jpg'), 'utf8'), 'JPEG final 2');
    await cli(app, mode, ['export', 'geojson-fetch', '--job-id', b.jobId, '--output', path.join(dir, 'b.geojson')]);
    t.equal(JSON.parse(fs.readFileSync(path.join(dir, 'b.geojson'), 'utf8')).properties.kind, 'correction', 'correction geojson');
    const all = await cli(app, mode, ['--json', 'export', 'images-fetch-all', '--job', a.jobNumber.toLowerCase(), '--output', path.join(dir, 'imgs')]);
    t.equal(all.code, 0, all.stderr);
    t.same(fs.readdirSync(path.join(dir, 'imgs')).sort(), ['report_1.jpg', 'report_2.jpg'], `${mode}: every image`);
    t.match(all.stderr, /images J\d+ 2\/2 report_2 ok/, 'a plain progress line per image off a terminal');
    const unknownImages = await cli(app, mode, ['export', 'images-fetch-all', '--job', 'J9999999']);
    t.equal(unknownImages.code, 3);
  }
});
