/**
 * The job, round, review and final commands of traq-admin beyond the business flow, once each,
 * alternating local and remote mode, on the state that flow (cli-ops.test.ts) leaves, made through
 * the admin API by operatorState; and their usage errors: exit 2 and one line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { approvedDevice } from './helpers/factories.js';
import { cli, operatorState, type Run } from './helpers/cli.js';

t.test('traq-admin job, round and review commands in both modes', async (t) => {
  const app = await startTestApp(t);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-cli-ops-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const dev = await approvedDevice(app.pool);
  await operatorState(app, dev, (status, what) => t.equal(status, 200, what));
  const project = await app.admin('POST', '/v1/admin/projects', { project: 'Briarwood Estate' });
  t.equal(project.status, 200, project.text);
  const projectId = project.body.project.project_id as string;
  const ok = (r: Run, what: string) => {
    t.equal(r.code, 0, `${what}: ${r.stderr}`);
    return r.json;
  };

  const [updated, statusSet] = await Promise.all([
    cli(app, 'remote', ['--json', 'job', 'update', '--job', 'J7001', '--tree-species', 'Quercus', '--project-id', projectId]),
    cli(app, 'local', ['--json', 'job', 'set-status', '--job', 'J7002', '--status', 'REVIEW_RETURNED', '--round-id', 'round_1', '--round-status', 'REVIEW_RETURNED']),
  ]);
  t.match(ok(updated, 'job update').job, { tree_species: 'Quercus', project_id: projectId });
  t.match(ok(statusSet, 'set-status'), { status: 'REVIEW_RETURNED', latest_round_id: 'round_1', latest_round_status: 'REVIEW_RETURNED' });

  const manifest = path.join(dir, 'manifest.json');
  fs.writeFileSync(manifest, JSON.stringify([{ artifact_id: 'rec_1', section_id: 'site_factors', client_file_name: 'a.m4a', kind: 'recording' }]));
  const [unlocked, manifestSet, roundInspect, review, submitLocal] = await Promise.all([
    cli(app, 'remote', ['--json', 'job', 'unlock', '--job', 'J7001', '--round-id', 'round_1', '--device-id', dev.deviceId]),
    cli(app, 'local', ['--json', 'round', 'manifest', 'set', '--job', 'J7002', '--round-id', 'round_1', '--file', manifest]),
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
  const [manifestGet, unassigned] = await Promise.all([
    cli(app, 'remote', ['round', 'manifest', 'get', '--job', 'J7002', '--round-id', 'round_1']),
    cli(app, 'remote', ['--json', 'job', 'unassign', '--job', 'J7001']),
  ]);
  ok(manifestGet, 'manifest get');
  ok(assignments, 'list-assignments');
  t.match(manifestGet.stdout, /rec_1\s+site_factors\s+recording/, 'human table');
  t.match(assignments.stdout, new RegExp(`job_cli_local\\s+${dev.deviceId}`));
  t.match(ok(unassigned, 'unassign').removed, { job_id: 'job_cli_local', device_id: dev.deviceId });

  const bad: [string[], RegExp][] = [
    [['job', 'create', '--job-id', 'job_x'], /required option '--job-number <number>' not specified/],
    [['job', 'set-status', '--job', 'J7001', '--status', 'DONE'], /argument 'DONE' is invalid\. Allowed choices are NOT_STARTED/],
    [['job', 'create', '--job-id', 'job_x', '--job-number', 'J7003', '--tree-number', 'x'], /argument 'x' is invalid/],
    [['round', 'manifest', 'set', '--job', 'J7001', '--round-id', 'round_1', '--file', path.join(dir, 'missing.json')], /--file: cannot read .*missing\.json \(ENOENT\)/],
    [['final', 'set-correction', '--job', 'J7001', '--from-json', manifest], /--from-json: .* is not a final\.json/],
    [['job', 'create', '--job-id', 'job_y', '--job-number', 'X12'], /Invalid job number: X12/],
  ];
  const runs = await Promise.all(bad.map(([args], i) => cli(app, i % 2 ? 'remote' : 'local', args)));
  runs.forEach((r, i) => {
    t.equal(r.code, 2, `exit 2: ${bad[i]![0].join(' ')}`);
    t.match(r.stderr, bad[i]![1]);
    t.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  });
});
