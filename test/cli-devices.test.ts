/**
 * traq-admin device commands as an operator runs them: a child process (the compiled CLI), in local
 * mode (DATABASE_URL of the test database, its artifact store) and in remote mode (--host/--api-key
 * against the test server). The other traq-admin tests: cli-export, cli-stage, cli-ops, cli-ops-commands, cli-tree.
 */
import t from 'tap';
import { startTestApp, type TestApp } from './helpers/app.js';
import { cli } from './helpers/cli.js';

async function pendingDevice(app: TestApp, deviceId: string) {
  await app.pool.query(`INSERT INTO devices (device_id, device_name) VALUES ($1, 'Phone')`, [deviceId]);
}

t.test('device commands in both modes', async (t) => {
  const app = await startTestApp(t);
  await pendingDevice(app, 'dev-a');
  await pendingDevice(app, 'dev-b');

  const list = await cli(app, 'local', ['--json', 'device', 'list']);
  t.equal(list.code, 0, list.stderr);
  t.same(list.json.devices.map((d: { device_id: string }) => d.device_id), ['dev-a', 'dev-b'], 'local list');
  const pending = await cli(app, 'remote-env', ['device', 'pending', '--json']);
  t.equal(pending.code, 0, pending.stderr);
  t.equal(pending.json.devices.length, 2, 'remote by environment; --json after the command works too');

  const approved = await cli(app, 'local', ['device', 'approve', 'dev-a', '--role', 'admin', '--json']);
  t.match(approved.json, { ok: true, device: { device_id: 'dev-a', status: 'approved', role: 'admin' } });
  const validated = await cli(app, 'remote', ['device', 'validate', '--index', '1', '--json']);
  t.match(validated.json, { device: { device_id: 'dev-b', status: 'approved', role: 'arborist' } }, 'validate approves the first pending');
  const none = await cli(app, 'remote', ['device', 'validate']);
  t.equal(none.code, 3);
  t.equal(none.stderr, 'traq-admin: No pending device at index 1 (0 pending)\n');

  const token = await cli(app, 'remote', ['device', 'issue-token', 'dev-a', '--ttl', '3600', '--json']);
  t.equal(token.code, 0, token.stderr);
  t.equal((await app.request('GET', '/v1/admin/devices', { key: token.json.access_token })).status, 200, 'the token works (admin role)');
  const localToken = await cli(app, 'local', ['device', 'issue-token', 'dev-b']);
  t.match(localToken.stdout, /^token for dev-b \(arborist\), expires .*\n\S{40,}\n$/, 'human output shows the token once');

  const table = await cli(app, 'remote', ['device', 'list', '--status', 'approved']);
  t.match(table.stdout, /^DEVICE_ID\s+DEVICE_NAME\s+STATUS\s+ROLE/, 'human table');
  t.match(table.stdout, /dev-a\s+Phone\s+approved\s+admin/);
  const revoked = await cli(app, 'local', ['--json', 'device', 'revoke', 'dev-a']);
  t.equal(revoked.json.device.status, 'revoked');
  t.equal((await app.request('GET', '/v1/admin/devices', { key: token.json.access_token })).status, 401, 'its token is dead');

  for (const mode of ['local', 'remote'] as const) {
    const missing = await cli(app, mode, ['device', 'approve', 'nobody']);
    t.equal(missing.code, 3, `${mode}: unknown device exits 3`);
    t.equal(missing.stderr, 'traq-admin: Device not found: nobody\n');
  }
  const notApproved = await cli(app, 'remote', ['device', 'issue-token', 'dev-a']);
  t.equal(notApproved.code, 3, 'refused by the server');
  t.equal(notApproved.stderr, 'traq-admin: Device is not approved\n');

  const usage: [string[], RegExp][] = [
    [['device', 'issue-token', 'dev-b', '--ttl', 'soon'], /argument 'soon' is invalid\. must be a whole number/],
    [['device', 'list', '--status', 'lost'], /argument 'lost' is invalid\. Allowed choices are pending, approved, revoked/],
    [['device', 'approve'], /missing required argument 'device_id'/],
    [['device', 'approve', 'dev-b', '--role', 'boss'], /argument 'boss' is invalid/],
    [['device', 'frobnicate'], /unknown command 'frobnicate'/],
    [['export', 'changes', '--limit', '0'], /argument '0' is invalid/],
    [['artifact', 'fetch', '--job', 'J0001'], /required option '--kind <kind>' not specified/],
    [['stage', 'exclude', '--job', 'nope'], /Not a job number: nope/],
  ];
  const runs = await Promise.all(usage.map(([args]) => cli(app, 'local', args)));
  runs.forEach((r, i) => {
    t.equal(r.code, 2, `exit 2: ${usage[i]![0].join(' ')}`);
    t.match(r.stderr, usage[i]![1]);
    t.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  });

  const noHost = await cli(app, 'local', ['--mode', 'remote', 'device', 'list']);
  t.equal(noHost.code, 2);
  t.equal(noHost.stderr, 'traq-admin: Remote mode needs --host <url> or TRAQ_ADMIN_HOST\n');
  const badKey = await cli(app, 'remote', ['device', 'list'], { key: 'wrong-key-0123456789' });
  t.equal(badKey.code, 3);
  t.equal(badKey.stderr, 'traq-admin: Invalid credentials\n');
  const help = await cli(app, 'local', ['stage', 'sync', '--help']);
  t.equal(help.code, 0);
  t.match(help.stdout, /--root <dir>/);
});
