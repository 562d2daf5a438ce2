/**
 * The operator groups of traq-admin (customer, job, round, final, artifact,
 * stage) as child processes, in local and remote mode, against one server and
 * database: the business flow from a new customer to a staged bundle. Each
 * group's other commands: cli-ops-commands.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { startTestApp, type TestApp } from './helpers/app.js';
import { approvedDevice } from './helpers/factories.js';
import { cli, type Mode, type Run } from './helpers/cli.js';
import { sampleJob } from './helpers/samples.js';


/**
 * An admin import renders final.json, the GeoJSON and the TRAQ form PDF, but no report letter
 * (final-admin.ts): this stands in for a letter so `artifact fetch --kind report-pdf` has one.
 */
async function renderedPdfs(app: TestApp, jobId: string) {
  for (const [kind, name] of [['report_pdf', 'final_report_letter.pdf']] as const) {
    const key = `jobs/${jobId}/${name}`;
    const bytes = Buffer.from(`%PDF ${name}`);
    await app.store.writeBuffer(key, bytes);
    await app.pool.query(
      `INSERT INTO artifacts (job_id, job_final_id, kind, path, content_type, byte_size, sha256)
       SELECT f.job_id, f.id, $2, $3, 'application/pdf', $4, encode(sha256($5), 'hex')
         FROM job_finals f JOIN jobs j ON j.id = f.job_id WHERE j.job_id = $1 AND f.kind = 'final'`,
      [jobId, kind, key, bytes.length, bytes],
    );
  }
}

t.test('traq-admin business flow in both modes: customer, job, round, final, artifact, stage', async (t) => {
  const app = await startTestApp(t);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-cli-ops-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const dev = await approvedDevice(app.pool);
  const sample = sampleJob('J0001');
  const ok = (r: Run, what: string) => {
    t.equal(r.code, 0, `${what}: ${r.stderr}`);
    return r.json;
  };

  const modes: [Mode, string, string][] = [
    ['local', 'job_cli_local', 'J7001'],
    ['remote', 'job_cli_remote', 'J7002'],
  ];
  for (const [mode, jobId, jobNumber] of modes) {
    // create customer → job → assign → inspect
    const customer = ok(await cli(app, mode, ['--json', 'customer', 'create', '--name', `Acme ${mode}`, '--phone', '555-0100']), `${mode} customer create`);
    t.match(customer, { ok: true, customer: { name: `Acme ${mode}`, phone: '555-0100', customer_code: /^C\d+$/ } });
    const created = ok(
      await cli(app, mode, ['--json', 'job', 'create', '--job-id', jobId, '--job-number', jobNumber, '--customer-id', customer.customer.customer_code, '--job-name', 'Oak']),
      `${mode} job create`,
    );
    t.match(created.job, { job_id: jobId, job_number: jobNumber, status: 'DRAFT', customer_code: customer.customer.customer_code, job_name: 'Oak' });
    const assigned = ok(await cli(app, mode, ['--json', 'job', 'assign', '--job', jobNumber.toLowerCase(), '--device-id', dev.deviceId]), `${mode} assign`);
    t.match(assigned.assignment, { job_id: jobId, device_id: dev.deviceId, assigned_by: 'admin' });
    const round = ok(await cli(app, mode, ['--json', 'round', 'create', '--job', jobNumber]), `${mode} round create`);
    t.match(round, { round_id: 'round_1', status: 'DRAFT' });
    const inspected = ok(await cli(app, mode, ['--json', 'job', 'inspect', '--job', jobNumber]), `${mode} job inspect`);
    t.match(inspected, { job_id: jobId, status: 'DRAFT', round_ids: ['round_1'], assignment: { device_id: dev.deviceId }, has_final: false });

    // final from the sample final.json (its photos are not in this store, so none) → artifact fetch → stage sync
    const finalFile = path.join(dir, `${mode}-final.json`);
    fs.writeFileSync(finalFile, JSON.stringify({ ...sample.final, job_id: jobId, job_number: jobNumber, round_id: 'round_1', report_images: [] }));
    const fin = ok(await cli(app, mode, ['--json', 'final', 'set-final', '--job', jobId, '--from-json', finalFile]), `${mode} set-final`);
    t.match(fin, { ok: true, job_id: jobId, kind: 'final', status: 'ARCHIVED' });
    const finInspect = ok(await cli(app, mode, ['--json', 'final', 'inspect', '--job', jobNumber]), `${mode} final inspect`);
    t.match(finInspect, { job_id: jobId, final: { exists: true, json_file_exists: true, user_name: sample.final.user_name }, correction: { exists: false } });
    const out = path.join(dir, mode);
    const fetched = ok(await cli(app, mode, ['--json', 'artifact', 'fetch', '--job', jobNumber, '--kind', 'final-json', '--output-dir', out]), `${mode} artifact fetch`);
    t.match(fetched, { variant: 'final' });
    t.equal(JSON.parse(fs.readFileSync(path.join(out, `${jobNumber}_final.json`), 'utf8')).user_name, sample.final.user_name, `${mode}: the sample final round-trips`);
    await renderedPdfs(app, jobId);
    const staged = await cli(app, mode, ['--json', 'stage', 'sync', '--root', path.join(dir, 'staging')]);
    t.same(staged.json?.staged, [jobNumber], `${mode}: stage sync stages the new job only: ${staged.stderr}`);
    const traq = fs.readFileSync(path.join(dir, 'staging', 'jobs', jobNumber, 'traq_page1.pdf'));
    t.equal(traq.subarray(0, 5).toString(), '%PDF-', `${mode}: the bundle carries the TRAQ form the import rendered`);
  }
});
