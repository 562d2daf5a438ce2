/**
 * The customer, billing and project commands of traq-admin, once each, alternating local and remote
 * mode, on the state the business flow of cli-ops.test.ts leaves (made through the admin API by
 * operatorState). The job, round and review commands: cli-ops-jobs.test.ts.
 */
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { approvedDevice } from './helpers/factories.js';
import { cli, operatorState, type Run } from './helpers/cli.js';

t.test('traq-admin customer, billing and project commands in both modes', async (t) => {
  const app = await startTestApp(t);
  await operatorState(app, await approvedDevice(app.pool), (status, what) => t.equal(status, 200, what));
  const ok = (r: Run, what: string) => {
    t.equal(r.code, 0, `${what}: ${r.stderr}`);
    return r.json;
  };

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
  const [merged, renamed, deleted] = await Promise.all([
    cli(app, 'remote', ['--json', 'customer', 'merge', codes[1], '--into', codes[0]]),
    cli(app, 'local', ['--json', 'project', 'update', '--project-ref', 'briarwood-estate', '--project', 'Briarwood']),
    cli(app, 'local', ['--json', 'customer', 'billing', 'delete', billing.json.billing_profile.billing_code]),
  ]);
  t.match(ok(merged, 'merge'), { moved_job_count: 1, target_customer: { customer_code: codes[0] } });
  t.match(ok(renamed, 'project update').project, { project: 'Briarwood', project_id: project.json.project.project_id });
  t.match(ok(deleted, 'billing delete'), { deleted: true });

  const usage = ok(await cli(app, 'local', ['--json', 'customer', 'usage', codes[0]]), 'usage');
  t.same(usage.job_numbers.sort(), ['J7001', 'J7002'], 'both jobs on the kept customer');

  const bad: [string[], RegExp][] = [
    [['customer', 'create'], /required option '--name <name>' not specified/],
    [['customer', 'merge', 'C0001'], /required option '--into <target>' not specified/],
  ];
  const runs = await Promise.all(bad.map(([args], i) => cli(app, i % 2 ? 'remote' : 'local', args)));
  runs.forEach((r, i) => {
    t.equal(r.code, 2, `exit 2: ${bad[i]![0].join(' ')}`);
    t.match(r.stderr, bad[i]![1]);
    t.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  });
});
