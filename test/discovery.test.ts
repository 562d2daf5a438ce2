/**
 * LAN discovery: the `_traq._tcp` advertisement found by `traq-admin net` from the same machine,
 * and errors that never end the process. The multicast runs inside a private network namespace
 * (unshare -n, loopback with multicast on) so it never reaches a real network; where the sandbox
 * cannot make one, the browse tests are skipped saying so.
 */
import { execFile, spawnSync } from 'node:child_process';
import t from 'tap';
import { loadConfig } from '../src/config.js';

// The probes start node and traq-admin in child processes: tens of seconds on a loaded 2-core machine.
t.setTimeout(600_000);

t.test('TRAQ_ENABLE_DISCOVERY defaults on only when HOST is not loopback', async (t) => {
  t.equal(loadConfig({ HOST: '127.0.0.1' }).discovery.enabled, false);
  t.equal(loadConfig({ HOST: 'localhost' }).discovery.enabled, false);
  t.equal(loadConfig({ HOST: '::1' }).discovery.enabled, false);
  t.equal(loadConfig({}).discovery.enabled, true, 'the default HOST 0.0.0.0');
  t.equal(loadConfig({ TRAQ_ENV: 'test' }).discovery.enabled, false, 'never by default under the test suite');
  t.equal(loadConfig({ HOST: '127.0.0.1', TRAQ_ENABLE_DISCOVERY: 'true' }).discovery.enabled, true);
  t.equal(loadConfig({ TRAQ_ENABLE_DISCOVERY: '0' }).discovery.enabled, false);
  t.same(loadConfig({ PORT: '8100' }).discovery, { enabled: true, name: 'TRAQ Server', port: 8100 }, 'the HTTP port by default');
  t.same(loadConfig({ TRAQ_DISCOVERY_NAME: 'Yard laptop', TRAQ_DISCOVERY_PORT: '443' }).discovery, { enabled: true, name: 'Yard laptop', port: 443 });
  t.throws(() => loadConfig({ TRAQ_ENABLE_DISCOVERY: 'maybe' }), /TRAQ_ENABLE_DISCOVERY must be true or false/);
  t.throws(() => loadConfig({ TRAQ_DISCOVERY_PORT: '70000' }), /TRAQ_DISCOVERY_PORT/);
});

const netns = spawnSync('unshare', ['-n', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore' }).status === 0;
const skip = netns ? false : 'this sandbox cannot make a private network namespace (unshare -n / ip), so there is no multicast to browse on';

/** Runs the probe in a fresh network namespace; `up` brings loopback up with multicast routed to it. */
function probe(mode: 'up' | 'down'): Promise<any> {
  const setup = mode === 'up' ? 'ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo && ' : '';
  return new Promise((resolve, reject) => {
    execFile('unshare', ['-n', 'sh', '-c', `${setup}exec "$0" --import tsx test/helpers/discovery-probe.ts ${mode}`, process.execPath], { timeout: 300_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').at(-1)!)),
    );
  });
}

t.test('traq-admin net finds the advertised server: name, port, TXT with the API version', { skip, timeout: 400_000 }, async (t) => {
  const r = await probe('up');
  t.equal(r.code, 0, r.stderr);
  const server = r.cli.servers.find((s: any) => s.name === 'Probe TRAQ');
  t.ok(server, 'found by browsing _traq._tcp');
  t.match(server, { port: 18123, txt: { api: 'v1', version: '9.9.9', path: '/v1' } });
  t.match(server.url, /^http:\/\/.+:18123$/);
  t.ok(r.logs.some((l: any) => l.m === 'discovery: advertised'), 'the advertisement was logged');
});

t.test('with no working network the advertisement errors are logged, never thrown', { skip, timeout: 400_000 }, async (t) => {
  const r = await probe('down');
  t.same(r.alive, true, 'the process lived on');
});
