/**
 * `npm test`: one throwaway PostgreSQL (embedded, or the server behind
 * TEST_DATABASE_URL), a template database migrated once, a runtime login role
 * (member of traq_runtime, as the server connects in production), then tap.
 * Each test file clones its own database from the template (test/helpers/db.ts)
 * and the app under test connects as the runtime role.
 * Ends with the slowest files, the wall time, a plain "N passed, M failed" line and tap's exit code.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase, ensureRuntimeLogin } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { throwawayCluster } from './throwaway-cluster.js';
// @ts-expect-error plain JS build script (scripts/build.mjs), no type declarations
import { buildIfStale } from './build.mjs';

const started = Date.now();
// The CLI tests run the compiled traq-admin (dist/), as operators do.
await buildIfStale((line: string) => console.log(`# ${line}`));
const cluster = process.env.TEST_DATABASE_URL ? undefined : await throwawayCluster();
const adminUrl = process.env.TEST_DATABASE_URL ?? cluster!.url('postgres');
const template = `traq_tmpl_${process.pid}`;
const runtimeUser = `traq_test_app_${process.pid}`;
const runtimePassword = randomBytes(12).toString('hex');
const urlOf = (db: string, login?: { user: string; password: string }) => {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  if (login) {
    u.username = login.user;
    u.password = login.password;
  }
  return u.toString();
};

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

let code = 1;
let summary = '';
/** Each file's time as tap reports it: the slowest are printed at the end (keep every file well under tap's timeout). */
const fileTimes: [string, number][] = [];
try {
  await ensureDatabase(adminUrl, template);
  await migrate(urlOf(template));
  await ensureRuntimeLogin(adminUrl, runtimeUser, runtimePassword);
  console.log(`# database ready in ${Date.now() - started} ms (template ${template}, the app connects as ${runtimeUser})`);

  const tap = spawn('node_modules/.bin/tap', process.argv.slice(2), {
    env: {
      ...process.env,
      TEST_PG_ADMIN_URL: adminUrl,
      TEST_PG_RUNTIME_URL: urlOf('postgres', { user: runtimeUser, password: runtimePassword }),
      TEST_PG_TEMPLATE: template,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let tail = '';
  let line = '';
  tap.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-20_000);
    const lines = (line + chunk.toString('utf8')).split('\n');
    line = lines.pop()!;
    for (const l of lines) {
      const m = /^(?:not )?ok \d+ - (\S+\.test\.ts) # time=([\d.]+)ms/.exec(l);
      if (m) fileTimes.push([m[1]!, Number(m[2]) / 1000]);
    }
  });
  code = await new Promise<number>((resolve) => tap.on('close', (c) => resolve(c ?? 1)));
  const totals = [...tail.matchAll(/^# \{ total: (\d+), pass: (\d+)(?:, fail: (\d+))?(?:, todo: (\d+))?(?:, skip: (\d+))?/gm)].at(-1);
  const asserts = [...tail.matchAll(/Asserts:\s+(\d+) pass(?:\s+(\d+) fail)?(?:\s+(\d+) skip)?/g)].at(-1);
  if (totals) {
    const [, total, pass, fail = '0', , skip = '0'] = totals;
    summary = `${pass} passed, ${fail === '0' ? Number(total) - Number(pass) - Number(skip) : fail} failed${skip !== '0' ? `, ${skip} skipped` : ''}`;
  } else if (asserts) {
    const [, pass, fail = '0', skip = '0'] = asserts;
    summary = `${pass} passed, ${fail} failed${skip !== '0' ? `, ${skip} skipped` : ''}`;
  }
} finally {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(template)} WITH (FORCE)`)).catch(() => {});
  await admin((c) => c.query(`DROP ROLE IF EXISTS ${c.escapeIdentifier(runtimeUser)}`)).catch(() => {});
  await cluster?.dispose();
}
const slowest = fileTimes.sort((x, y) => y[1] - x[1]).slice(0, 5);
if (slowest.length > 1) console.log(`# slowest files: ${slowest.map(([f, s]) => `${path.basename(f)} ${s.toFixed(1)} s`).join(', ')}`);
console.log(`# wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(summary || (code === 0 ? '0 passed, 0 failed' : '0 passed, 1 failed'));
process.exit(code);
