/**
 * traq-admin artifact commands as an operator runs them (the compiled CLI, in local and remote
 * mode), and the bin launcher. The export commands: cli-export.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { canonicalJson } from '../src/domain/canonical-json.js';
import { startTestApp } from './helpers/app.js';
import { cli, tempDir as tmp } from './helpers/cli.js';
import { s3Env } from './helpers/s3.js';
import { completedJob, finalize } from './helpers/sql-finals.js';

t.test('artifact fetch writes every output under its name in both modes, and through the launcher', async (t) => {
  const app = await startTestApp(t);
  const a = await completedJob(app, { images: ['root flare', 'trunk'] });
  const b = await completedJob(app);
  await finalize(app, b, { kind: 'correction' });
  const out = tmp(t);

  for (const mode of ['local', 'remote'] as const) {
    const dir = path.join(out, mode);
    const fetches = ['report-pdf', 'traq-pdf', 'transcript', 'final-json', 'geo-json'].flatMap((kind) =>
      [a, b].map((j) => cli(app, mode, ['--json', 'artifact', 'fetch', '--job', j.jobNumber, '--kind', kind, '--output-dir', path.join(dir, j.jobNumber)])),
    );
    for (const r of await Promise.all(fetches)) t.equal(r.code, 0, r.stderr);
    const J = a.jobNumber;
    const K = b.jobNumber;
    t.same(fs.readdirSync(path.join(dir, J)).sort(), [`${J}_final.geojson`, `${J}_final.json`, `${J}_report_letter.pdf`, `${J}_transcript.txt`, `${J}_traq_page1.pdf`], `${mode}: final names`);
    t.same(
      fs.readdirSync(path.join(dir, K)).sort(),
      [`${K}_correction.geojson`, `${K}_correction.json`, `${K}_correction_report_letter.pdf`, `${K}_correction_transcript.txt`, `${K}_correction_traq_page1.pdf`],
      `${mode}: correction names`,
    );
    t.equal(fs.readFileSync(path.join(dir, J, `${J}_final.json`), 'utf8'), canonicalJson(a.payload));

    const unknown = await cli(app, mode, ['artifact', 'fetch', '--job', 'J9999999', '--kind', 'traq-pdf']);
    t.equal(unknown.code, 3, `${mode}: unknown job exits 3`);
    t.equal(unknown.stderr, 'traq-admin: Job not found: J9999999\n');
  }
  // the installed launcher, default output folder ./exports/<job_number>/
  const cwd = tmp(t);
  const viaBin = await cli(app, 'remote', ['artifact', 'fetch', '--job', a.jobId, '--kind', 'traq-pdf'], { cwd, launcher: true });
  t.equal(viaBin.code, 0, viaBin.stderr);
  t.equal(fs.readFileSync(path.join(cwd, 'exports', a.jobNumber, `${a.jobNumber}_traq_page1.pdf`), 'utf8'), '%PDF final_traq_page1.pdf');
  t.match(viaBin.stdout, /\(final, 25 bytes\)\n$/);
});

t.test('in local mode the bucket opens on first use: commands that read no bytes work while it is down', async (t) => {
  const app = await startTestApp(t);
  const a = await completedJob(app);
  const down = { env: s3Env('http://127.0.0.1:9', 'down/') }; // nothing listens there: connection refused
  const devices = await cli(app, 'local', ['--json', 'device', 'list'], down);
  t.equal(devices.code, 0, `device list needs no bucket: ${devices.stderr}`);
  t.ok(Array.isArray(devices.json?.devices), 'and prints the list');
  const fetched = await cli(app, 'local', ['artifact', 'fetch', '--job', a.jobNumber, '--kind', 'traq-pdf', '--output-dir', tmp(t)], down);
  t.not(fetched.code, 0, 'a command that reads bytes fails');
  t.match(fetched.stderr, /^traq-admin: artifact bucket traq-test at http:\/\/127\.0\.0\.1:9 is not usable: .+\n$/, 'with the start-up check\'s one line');
});
