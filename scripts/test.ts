/**
 * `npm test`: one throwaway PostgreSQL (embedded, or the server behind
 * TEST_DATABASE_URL), a template database migrated once, a runtime login role
 * (member of traq_runtime, as the server connects in production), then tap.
 * Each test file clones its own database from the template (test/helpers/db.ts)
 * and the app under test connects as the runtime role.
 * Ends with the slowest files, the wall time, a plain "N passed, M failed" line and tap's exit code.
 *
 * The S3 pass (`npm run test:s3`, TEST_ARTIFACT_BACKEND=s3): one shared s3rver on 127.0.0.1 (objects in a
 * temp folder, removed at the end) whose endpoint every test file gets as TEST_S3_ENDPOINT; each test app
 * then keeps its artifacts in that bucket under a prefix of its own (test/helpers/s3.ts). Without file
 * arguments it runs every test file but those in NOT_IN_S3_PASS.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase, ensureRuntimeLogin } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { runS3rver, type S3rverProcess } from '../test/helpers/s3.js';
import { throwawayCluster } from './throwaway-cluster.js';
// @ts-expect-error plain JS build script (scripts/build.mjs), no type declarations
import { buildIfStale } from './build.mjs';

/**
 * Test files the S3 pass leaves out, each with why the artifact backend cannot change what it checks.
 * Every other file runs on both backends.
 */
const NOT_IN_S3_PASS: Record<string, string> = {
  // Never open an artifact store (units, the schema, document rendering in memory).
  'test/access.test.ts': 'access rules in the database',
  'test/create-plans.test.ts': 'query plans of a job create',
  'test/discovery.test.ts': 'LAN discovery',
  'test/documents-data.test.ts': 'final.json and GeoJSON builders, in memory',
  'test/documents-letter.test.ts': 'the letter PDF and DOCX, rendered in memory',
  'test/documents-traq.test.ts': 'the TRAQ PDF, rendered in memory',
  'test/documents-traq-isa.test.ts': 'the TRAQ PDF on the ISA form, rendered in memory',
  'test/form.test.ts': 'the form model',
  'test/idempotency.test.ts': 'idempotency keys in the database',
  'test/merge.test.ts': 'form merging',
  'test/providers.test.ts': 'AI provider clients against a fake',
  'test/schema.test.ts': 'the schema, roles and constraints in PostgreSQL',
  'test/worker.test.ts': 'the round worker with a stub handler',
  'test/artifacts.test.ts': 'the local-disk backend itself, on a folder of its own',
  // Start the app, but what they check does not depend on where artifact bytes live (most touch none).
  'test/admin-jobs.test.ts': 'job administration rows',
  'test/cli-devices.test.ts': 'device administration from the CLI',
  'test/cli-tree.test.ts': 'tree identification from the CLI (photos go to Pl@ntNet, never to the store)',
  'test/customers.test.ts': 'customers and billing profiles',
  'test/db-restart.test.ts': 'a PostgreSQL restart under job creates',
  'test/deadlock-storm.test.ts': 'lock order under storms of submit and reprocess (the recordings are setup)',
  'test/devices.test.ts': 'device registration, tokens and profiles',
  'test/extraction.test.ts': 'extraction and summary against a fake provider',
  'test/hostile-input.test.ts': 'hostile text refused before any handler',
  'test/job-input.test.ts': 'job create and patch validation',
  'test/jobs.test.ts': 'job create, list and patch',
  'test/races-and-limits.test.ts': 'customer races and text limits',
  'test/server.test.ts': 'start-up, configuration errors and /health of the compiled server',
  // Always on an s3rver of their own: they run on S3 in the local pass already.
  'test/artifact-backends.test.ts': 'both backends, side by side, in every pass',
  'test/multi-process.test.ts': 'two servers and two workers on one s3rver bucket of its own, in every pass',
  'test/s3-flow.test.ts': 'its own s3rver in every pass',
  'test/s3-outage.test.ts': 'its own s3rver (stopped and restarted) in every pass',
};

const started = Date.now();
const s3Pass = process.env.TEST_ARTIFACT_BACKEND === 's3';
const args = process.argv.slice(2);
if (s3Pass && !args.some((a) => a.endsWith('.ts'))) {
  const files = (fs.readdirSync('test', { recursive: true }) as string[]).map((f) => `test/${f}`).filter((f) => f.endsWith('.test.ts')).sort();
  for (const f of Object.keys(NOT_IN_S3_PASS)) if (!files.includes(f)) throw new Error(`NOT_IN_S3_PASS names ${f}, which does not exist`);
  args.push(...files.filter((f) => !(f in NOT_IN_S3_PASS)));
  console.log(`# S3 pass: ${args.length} files; left out (see NOT_IN_S3_PASS in scripts/test.ts): ${Object.keys(NOT_IN_S3_PASS).length}`);
}
// Every CLI start loads the AWS SDK and every byte crosses HTTP: the slow files need more than tap's 120 s.
if (s3Pass && !args.some((a) => a.startsWith('--timeout'))) args.unshift('--timeout=300');
/**
 * tap compiles the plugin set package.json asks for (tap.plugin) on the first run after an install, but that
 * run's runner has already loaded the default set, and passes the default set's loaders to every test file
 * it starts: ts-node's among them, beside tsx. A fresh clone's first run cost half as much CPU again (1,040 s
 * against 700 s). So the set is built here, in a process of its own, whenever it differs from the config.
 */
async function ensureTapPlugins(): Promise<void> {
  // The default list alone (not exported on its own: the package's main module loads every plugin).
  const defaults = new URL('./dist/esm/default-plugins.js', import.meta.resolve('@tapjs/test/package.json'));
  const { defaultPlugins } = (await import(defaults.href)) as { defaultPlugins: string[] };
  const wanted = new Set(defaultPlugins);
  const configured = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { tap?: { plugin?: string[] } }).tap?.plugin ?? [];
  for (const p of configured) if (p.startsWith('!')) wanted.delete(p.slice(1));
  else wanted.add(p);
  const signature = [...wanted].sort((a, b) => a.localeCompare(b, 'en')).join('\n');
  const built = fs.readFileSync(new URL(import.meta.resolve('@tapjs/test/test-built')), 'utf8');
  if (/^export const signature = `([^`]*)`/m.exec(built)?.[1]?.trim() === signature) return;
  console.log('# tap: building the plugin set package.json asks for (once after an install)');
  const r = spawnSync('node_modules/.bin/tap', ['build'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tap build failed:\n${r.stdout}${r.stderr}`);
}

await ensureTapPlugins();
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
let s3: S3rverProcess | undefined;
/** Each file's time as tap reports it: the slowest are printed at the end (keep every file well under tap's timeout). */
const fileTimes: [string, number][] = [];
try {
  if (s3Pass) {
    s3 = await runS3rver();
    console.log(`# artifacts in s3rver at ${s3.endpoint} (TEST_ARTIFACT_BACKEND=s3)`);
  }
  await ensureDatabase(adminUrl, template);
  await migrate(urlOf(template));
  await ensureRuntimeLogin(adminUrl, runtimeUser, runtimePassword);
  console.log(`# database ready in ${Date.now() - started} ms (template ${template}, the app connects as ${runtimeUser})`);

  const tap = spawn('node_modules/.bin/tap', args, {
    env: {
      ...process.env,
      ...(s3 ? { TEST_S3_ENDPOINT: s3.endpoint } : {}),
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
  await s3?.close();
}
const slowest = fileTimes.sort((x, y) => y[1] - x[1]).slice(0, 5);
if (slowest.length > 1) console.log(`# slowest files: ${slowest.map(([f, s]) => `${path.basename(f)} ${s.toFixed(1)} s`).join(', ')}`);
console.log(`# wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(summary || (code === 0 ? '0 passed, 0 failed' : '0 passed, 1 failed'));
process.exit(code);
