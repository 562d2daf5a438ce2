/**
 * Each operator group's other commands (customer, project, job, round, review,
 * final), once each, alternating local and remote mode, on the state the
 * business flow of cli-ops.test.ts leaves: two customers, two jobs with a
 * round and an imported final. That state is made here through the admin
 * API (in process), so only the commands under test pay a process start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { approvedDevice } from './helpers/factories.js';
import { cli, type Run } from './helpers/cli.js';
import { sampleJob } from './helpers/samples.js';

t.test('traq-admin operator commands in both modes', async (t) => {
  const app = await startTestApp(t);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-cli-ops-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const dev = await approvedDevice(app.pool);
  const sample = sampleJob('J0001');
  const ok = (r: Run, what: string) => {
    t.equal(r.code, 0, `${what}: ${r.stderr}`);
    return r.json;
  };
  const admin = async (method: string, p: string, body?: unknown) => {
    const res = await app.admin(method, p, body);
    t.equal(res.status, 200, `${method} ${p}: ${res.text}`);
    return res.body;
  };

  // What cli-ops.test.ts's flow leaves for each mode: customer → job → assigned → round_1 → final imported.
  for (const [mode, jobId, jobNumber] of [
    ['local', 'job_cli_local', 'J7001'],
    ['remote', 'job_cli_remote', 'J7002'],
  ] as const) {
    const { customer } = await admin('POST', '/v1/admin/customers', { name: `Acme ${mode}`, phone: '555-0100' });
    await admin('POST', '/v1/admin/jobs', { job_id: jobId, job_number: jobNumber, customer_id: customer.customer_code, job_name: 'Oak' });
    await admin('POST', `/v1/admin/jobs/${jobNumber}/assign`, { device_id: dev.deviceId });
    await admin('POST', `/v1/jobs/${jobId}/rounds`, {});
    await admin('POST', `/v1/admin/jobs/${jobId}/final/set-final`, { payload: { ...sample.final, job_id: jobId, job_number: jobNumber, round_id: 'round_1', report_images: [] } });
  }

  // independent commands in parallel
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
