import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import pg from 'pg';
import { startCluster } from '../src/db/cluster.js';
import { migrate, pendingMigrations } from '../src/db/migrate.js';
import { startTestApp } from './helpers/app.js';
import { plainNode } from './helpers/child-env.js';
import { call, startChildServer, type ChildServer } from './helpers/child-server.js';

t.test('/health answers from the database and tells no paths', async (t) => {
  const app = await startTestApp(t);
  const res = await app.request('GET', '/health');
  t.equal(res.status, 200);
  t.match(res.body, { status: 'ok', database: 'ok' });
  t.notOk(JSON.stringify(res.body).includes(app.config.storageRoot), 'no filesystem path in the answer');
  t.match(res.headers.get('x-request-id'), /^[0-9a-f-]{36}$/, 'request id returned');
  const again = await app.request('GET', '/health', { headers: { 'x-request-id': 'abc-123' } });
  t.equal(again.headers.get('x-request-id'), 'abc-123', 'a sane caller id is kept');
  const line = app.logs.find((l) => l.req_id === 'abc-123');
  t.match(line, { method: 'GET', path: '/health', status: 200 }, 'one JSON log line per request, with its id');
});

t.test('errors are JSON with detail and code', async (t) => {
  const app = await startTestApp(t);
  const missing = await app.request('GET', '/v1/nothing-here');
  t.equal(missing.status, 404);
  t.same(missing.body, { detail: 'Not Found', code: 'not_found' });
  const method = await app.request('DELETE', '/health');
  t.equal(method.status, 405);
  t.equal(method.body.code, 'method_not_allowed');
  const doc = await app.request('GET', '/openapi.json');
  t.equal(doc.status, 200);
  t.equal(doc.body.openapi, '3.0.3');
  t.ok(doc.body.paths['/health'].get, '/health is documented');
});

/** The compiled server, as npm start runs it (scripts/test.ts compiles src/ first when it changed). */
function runMain(env: Record<string, string>) {
  return spawnSync(...plainNode(['dist/main.js']), {
    env: { PATH: process.env.PATH!, HOME: os.tmpdir(), ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

t.test('a bad configuration value stops the start with one clear line', async (t) => {
  const bad = runMain({ PORT: 'eighty' });
  t.equal(bad.status, 78, 'exit code 78 (configuration error)');
  t.equal(bad.stderr.trim(), 'Invalid configuration: PORT must be a whole number (got "eighty")');
  t.equal(bad.stdout, '', 'nothing else printed');

  const level = runMain({ LOG_LEVEL: 'loud' });
  t.match(level.stderr.trim(), /^Invalid configuration: LOG_LEVEL must be one of/);
  const url = runMain({ DATABASE_URL: 'mysql://x' });
  t.equal(url.stderr.trim(), 'Invalid configuration: DATABASE_URL must be a postgres:// connection string');
  const prod = runMain({ TRAQ_ENV: 'production' });
  t.equal(prod.status, 78);
  t.equal(prod.stderr.trim(), 'Refusing to start: TRAQ_ENV=production requires TRAQ_API_KEY (at least 16 characters)');
});

t.test('the embedded cluster starts from a folder only its owner can enter, and recovers an orphan', async (t) => {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-private-'));
  fs.chmodSync(privateDir, 0o700);
  t.teardown(() => fs.rmSync(privateDir, { recursive: true, force: true }));
  const dataDir = path.join(privateDir, 'files', 'pg');

  const first = await startCluster({ dataDir, port: 0, fast: true });
  t.teardown(() => first.stop());
  const c = new pg.Client({ connectionString: first.url() });
  await c.connect();
  const { rows } = await c.query(`SELECT current_setting('server_encoding') AS enc`);
  await c.end();
  t.equal(rows[0].enc, 'UTF8', 'UTF8 cluster even with LANG unset');
  t.ok(first.owned, 'this process owns it');

  // Pretend our process died: forget the owner record, so the next start sees an orphan.
  fs.rmSync(`${first.dataDir}.owner.json`);
  const second = await startCluster({ dataDir, port: 0, fast: true });
  t.teardown(() => second.stop());
  t.ok(second.owned, 'the orphan was replaced by a cluster this start owns');
  const c2 = new pg.Client({ connectionString: second.url() });
  await c2.connect();
  await c2.query('SELECT 1');
  await c2.end();
  t.pass('the restarted cluster answers');
  await second.stop();
  await first.stop();
  if (first.dataDir !== path.resolve(dataDir)) fs.rmSync(first.dataDir, { recursive: true, force: true });
  fs.rmSync(`${first.dataDir}.password`, { force: true });
});

t.test('the embedded default end to end: a cold start, a second server joining, a missing migration applied at the next start', async (t) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-embedded-'));
  fs.chmodSync(dataDir, 0o755); // reachable by the postgres OS user: the cluster stays where it was asked for
  const env = { DATABASE_URL: '', TRAQ_DATA_DIR: dataDir, TRAQ_EMBEDDED_PG_PORT: '0' };
  const servers: ChildServer[] = [];
  const start = async (ownGroup = false) => {
    const s = await startChildServer({ databaseUrl: '', dataDir, env, ownGroup });
    servers.push(s);
    return s;
  };
  const stop = async (s: ChildServer) => {
    s.proc.kill('SIGTERM');
    t.equal(await s.exited, '0', 'stops cleanly on SIGTERM');
  };
  t.teardown(async () => {
    for (const s of servers) await s.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const first = await start();
  t.match(first.output(), /database: initialised a new PostgreSQL cluster in /, 'cold: initdb ran');
  t.match(first.output(), /database: embedded PostgreSQL in .* on 127\.0\.0\.1:\d+, the server connected as traq_app/);
  t.equal((await call(first.url, 'GET', '/health')).status, 200);

  const second = await start();
  t.match(second.output(), /database: joining the cluster already run by process \d+/, 'the second server joins');
  t.match(second.output(), /\(shared with another running server\)/);
  t.equal((await call(second.url, 'GET', '/health')).status, 200);
  await stop(second);
  t.equal((await call(first.url, 'GET', '/health')).status, 200, 'the owner keeps serving after the joiner left');

  // A migration the database has not run (as after pulling a new one): the next start must apply it.
  const { port } = JSON.parse(fs.readFileSync(path.join(dataDir, 'pg.owner.json'), 'utf8')) as { port: number };
  const password = fs.readFileSync(path.join(dataDir, 'pg.password'), 'utf8').trim();
  const ownerUrl = `postgres://traq:${encodeURIComponent(password)}@127.0.0.1:${port}/traq`;
  const [last] = await migrate(ownerUrl, { direction: 'down', count: 1 });
  t.ok(last, 'rolled the newest migration back');
  t.same(await pendingMigrations(ownerUrl), [last!.name]);
  // And the runtime login's password changed by hand: a warm start checks the migrations through that login (no
  // owner connection when nothing is pending), so it is refused and must fall back to the owner, who sets the
  // stored password again.
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  await owner.query("ALTER ROLE traq_app PASSWORD 'changed-by-hand'");
  await owner.end();
  await stop(first);

  const third = await start(true);
  t.notMatch(third.output(), /initialised a new PostgreSQL cluster/, 'warm: the cluster is reused');
  const { port: again } = JSON.parse(fs.readFileSync(path.join(dataDir, 'pg.owner.json'), 'utf8')) as { port: number };
  t.same(await pendingMigrations(ownerUrl.replace(`:${port}/`, `:${again}/`)), [], 'the start applied the missing migration');
  t.equal((await call(third.url, 'GET', '/health')).status, 200, 'the runtime login works again');
  // Ctrl-C in a terminal: SIGINT to the whole process group. PostgreSQL runs in a group of its own, so only the
  // server gets it and stops it after its own connections: no "terminating connection" warning on the way out.
  const postgresPid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  process.kill(-third.proc.pid!, 'SIGINT');
  t.equal(await third.exited, '0', 'stops cleanly on a Ctrl-C');
  t.notMatch(third.output(), /terminating connection|client error/, 'without a connection killed under it');
  t.throws(() => process.kill(postgresPid, 0), 'and PostgreSQL stopped with it');
});
