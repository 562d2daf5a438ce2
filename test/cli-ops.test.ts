/**
 * The operator groups of traq-admin (customer, project, job, round, review,
 * final) as child processes, in local and remote mode, against one server and
 * database: the business flow first, then each group's other commands once.
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

// One sequential flow of about 60 traq-admin runs (each a process start): give a loaded machine room.
t.setTimeout(300_000);

t.test('traq-admin operator groups in both modes', async (t) => {
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

  // the other commands, once each, alternating modes; independent ones in parallel
  const [list, billing, project, unknownJob, unknownRemote] = await Promise.all([
    cli(app, 'remote', ['--json', 'customer', 'list', '--search', 'acme']),
    cli(app, 'local', ['--json', 'customer', 'billing', 'create', '--billing-name', 'City Parks', '--billing-address', '1 Main St']),
    cli(app, 'remote', ['--json', 'project', 'create', '--project', 'Briarwood Estate']),
    cli(app, 'local', ['job', 'inspect', '--job', 'J0009999']),
    cli(app, 'remote', ['round', 'create', '--job', 'J0009999']),
  ]);
  t.same(ok(list, 'customer list').customers.map((c: { name: string }) => c.name).sort(), ['Acme local', 'Acme remote']);
  t.match(ok(billing, 'billing create').billing_profile, { billing_name: 'City Parks', billing_code: /^B\d+$/ });
  t.match(ok(project, 'project create').project, { project: 'Briarwood Estate', project_slug: 'briarwood-estate' });
  for (const r of [unknownJob, unknownRemote]) {
    t.equal(r.code, 3, 'unknown job exits 3');
    t.equal(r.stderr, 'traq-admin: Job not found: J0009999\n');
  }

  const codes = (await cli(app, 'local', ['--json', 'customer', 'list'])).json.customers.map((c: { customer_code: string }) => c.customer_code).sort();
  const [merged, renamed, updated, statusSet] = await Promise.all([
    cli(app, 'remote', ['--json', 'customer', 'merge', codes[1], '--into', codes[0]]),
    cli(app, 'local', ['--json', 'project', 'update', '--project-ref', 'briarwood-estate', '--project', 'Briarwood']),
    cli(app, 'remote', ['--json', 'job', 'update', '--job', 'J7001', '--tree-species', 'Quercus', '--project-id', project.json.project.project_id]),
    cli(app, 'local', ['--json', 'job', 'set-status', '--job', 'J7002', '--status', 'REVIEW_RETURNED', '--round-id', 'round_1', '--round-status', 'REVIEW_RETURNED']),
  ]);
  t.match(ok(merged, 'merge'), { moved_job_count: 1, target_customer: { customer_code: codes[0] } });
  t.match(ok(renamed, 'project update').project, { project: 'Briarwood', project_id: project.json.project.project_id });
  t.match(ok(updated, 'job update').job, { tree_species: 'Quercus', project_id: project.json.project.project_id });
  t.match(ok(statusSet, 'set-status'), { status: 'REVIEW_RETURNED', latest_round_id: 'round_1', latest_round_status: 'REVIEW_RETURNED' });

  const usage = ok(await cli(app, 'local', ['--json', 'customer', 'usage', codes[0]]), 'usage');
  t.same(usage.job_numbers.sort(), ['J7001', 'J7002'], 'both jobs on the kept customer');
  const [unlocked, manifestSet, roundInspect, review, submitLocal] = await Promise.all([
    cli(app, 'remote', ['--json', 'job', 'unlock', '--job', 'J7001', '--round-id', 'round_1', '--device-id', dev.deviceId]),
    (async () => {
      const file = path.join(dir, 'manifest.json');
      fs.writeFileSync(file, JSON.stringify([{ artifact_id: 'rec_1', section_id: 'site_factors', client_file_name: 'a.m4a', kind: 'recording' }]));
      return cli(app, 'local', ['--json', 'round', 'manifest', 'set', '--job', 'J7002', '--round-id', 'round_1', '--file', file]);
    })(),
    cli(app, 'remote', ['--json', 'round', 'inspect', '--job', 'J7002', '--round-id', 'round_1']),
    cli(app, 'local', ['review', 'inspect', '--job', 'J7002', '--round-id', 'round_1']),
    cli(app, 'local', ['round', 'submit', '--job', 'J7002', '--round-id', 'round_1']),
  ]);
  t.match(ok(unlocked, 'unlock'), { job_id: 'job_cli_local', round_id: 'round_1', status: 'DRAFT', assignment: { device_id: dev.deviceId } });
  t.match(ok(manifestSet, 'manifest set'), { round_id: 'round_1', manifest_count: 1 });
  t.match(ok(roundInspect, 'round inspect'), { job_number: 'J7002', round_id: 'round_1', round_dir: null, has_review: false });
  t.equal(review.code, 3);
  t.equal(review.stderr, 'traq-admin: Review not found for round: round_1\n');
  t.equal(submitLocal.code, 2, 'submit is remote only');
  t.match(submitLocal.stderr, /round submit runs in remote mode only/);

  const assignments = await cli(app, 'local', ['job', 'list-assignments']);
  const [manifestGet, unassigned, deleted] = await Promise.all([
    cli(app, 'remote', ['round', 'manifest', 'get', '--job', 'J7002', '--round-id', 'round_1']),
    cli(app, 'remote', ['--json', 'job', 'unassign', '--job', 'J7001']),
    cli(app, 'local', ['--json', 'customer', 'billing', 'delete', billing.json.billing_profile.billing_code]),
  ]);
  ok(manifestGet, 'manifest get');
  ok(assignments, 'list-assignments');
  t.match(manifestGet.stdout, /rec_1\s+site_factors\s+recording/, 'human table');
  t.match(assignments.stdout, new RegExp(`job_cli_local\\s+${dev.deviceId}`));
  t.match(ok(unassigned, 'unassign').removed, { job_id: 'job_cli_local', device_id: dev.deviceId });
  t.match(ok(deleted, 'billing delete'), { deleted: true });

  const bad: [string[], RegExp][] = [
    [['job', 'create', '--job-id', 'job_x'], /required option '--job-number <number>' not specified/],
    [['job', 'set-status', '--job', 'J7001', '--status', 'DONE'], /argument 'DONE' is invalid\. Allowed choices are NOT_STARTED/],
    [['job', 'create', '--job-id', 'job_x', '--job-number', 'J7003', '--tree-number', 'x'], /argument 'x' is invalid/],
    [['customer', 'create'], /required option '--name <name>' not specified/],
    [['customer', 'merge', 'C0001'], /required option '--into <target>' not specified/],
    [['round', 'manifest', 'set', '--job', 'J7001', '--round-id', 'round_1', '--file', path.join(dir, 'missing.json')], /--file: cannot read .*missing\.json \(ENOENT\)/],
    [['final', 'set-correction', '--job', 'J7001', '--from-json', path.join(dir, 'manifest.json')], /--from-json: .* is not a final\.json/],
    [['job', 'create', '--job-id', 'job_y', '--job-number', 'X12'], /Invalid job number: X12/],
  ];
  const runs = await Promise.all(bad.map(([args], i) => cli(app, i % 2 ? 'remote' : 'local', args)));
  runs.forEach((r, i) => {
    t.equal(r.code, 2, `exit 2: ${bad[i]![0].join(' ')}`);
    t.match(r.stderr, bad[i]![1]);
    t.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  });
});
