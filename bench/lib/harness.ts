/**
 * What every side-by-side bench shares: a throwaway cluster with one migrated
 * database per subject, servers run as child processes (so their CPU and RSS
 * are their own, read from /proc), a keep-alive load generator with a fixed
 * time budget per round, interleaved A/B rounds and medians.
 */
import { createHash, randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { createPool, type Pool } from '../../src/db/pool.js';
import { throwawayCluster } from '../../scripts/throwaway-cluster.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const TICK_MS = 10; // /proc/<pid>/stat counts CPU in USER_HZ (100/s on Linux)

export type BenchCluster = Awaited<ReturnType<typeof throwawayCluster>> & { database(name: string): Promise<{ url: string; pool: Pool }> };

/** A fast throwaway cluster; `database(name)` makes and migrates one database on it. */
export async function benchCluster(): Promise<BenchCluster> {
  const cluster = await throwawayCluster();
  const pools: Pool[] = [];
  return {
    ...cluster,
    async database(name) {
      await ensureDatabase(cluster.url('postgres'), name);
      const url = cluster.url(name);
      await migrate(url);
      const pool = createPool(url, 4);
      pools.push(pool);
      return { url, pool };
    },
    async dispose() {
      await Promise.all(pools.map((p) => p.end().catch(() => {})));
      await cluster.dispose();
    },
  };
}

/** An approved arborist device with a live token (plaintext returned). */
export async function seedDevice(pool: Pool, deviceId: string): Promise<{ devicePk: string; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO devices (device_id, device_name, role, status, approved_at) VALUES ($1, 'Bench phone', 'arborist', 'approved', now()) RETURNING id`,
    [deviceId],
  );
  await pool.query(`INSERT INTO device_tokens (token_hash, device_id, role, expires_at) VALUES ($1, $2, 'arborist', now() + interval '1 day')`, [
    createHash('sha256').update(token).digest('hex'),
    rows[0]!.id,
  ]);
  return { devicePk: rows[0]!.id, token };
}

export interface Server {
  name: string;
  url: string;
  pid: number;
  /** CPU time (user + system) the process has used so far, ms. */
  cpuMs(): number;
  /** Resident set size now, MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

function procStat(pid: number) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_MS; // utime, stime (fields 14, 15)
}

function procRss(pid: number) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0) / 1024;
}

async function startChild(name: string, args: string[], env: Record<string, string>): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, args, { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (c: Buffer) => {
      out = (out + c.toString()).slice(-20_000);
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        child.stdout!.resume(); // request log lines keep flowing through the pipe, as in production
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited during start (${code}): ${err || out}`)));
  });
  child.removeAllListeners('exit');
  const pid = child.pid!;
  return {
    name,
    url,
    pid,
    cpuMs: () => procStat(pid),
    rssMb: () => procRss(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** The compiled JavaScript of src/ (esbuild, one file per module), where production start would run it. */
let compiled: string | undefined;
export async function compiledMain(): Promise<string> {
  if (compiled) return compiled;
  const { build } = await import('esbuild');
  const root = path.join(REPO, 'node_modules/.cache/traq-bench');
  fs.rmSync(root, { recursive: true, force: true });
  const files = fs.readdirSync(path.join(REPO, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(REPO, 'src', f)).isFile());
  const entryPoints = files.filter((f) => f.endsWith('.ts')).map((f) => path.join(REPO, 'src', f));
  await build({ entryPoints, outdir: path.join(root, 'src'), format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
  // Files the modules read beside themselves (the console's CSS and scripts).
  for (const f of files.filter((f) => !f.endsWith('.ts'))) {
    fs.mkdirSync(path.dirname(path.join(root, 'src', f)), { recursive: true });
    fs.copyFileSync(path.join(REPO, 'src', f), path.join(root, 'src', f));
  }
  // migrate.ts and version.ts find these relative to themselves.
  fs.symlinkSync(path.join(REPO, 'migrations'), path.join(root, 'migrations'));
  fs.symlinkSync(path.join(REPO, 'package.json'), path.join(root, 'package.json'));
  return (compiled = path.join(root, 'src/main.js'));
}

/** The real server (src/main.ts, production settings) on `databaseUrl`. */
export async function startApp(databaseUrl: string, options: { compiled?: boolean; name?: string } = {}): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-bench-app-'));
  const args = options.compiled ? [await compiledMain()] : ['--import', 'tsx', path.join(REPO, 'src/main.ts')];
  const server = await startChild(options.name ?? 'app', args, {
    TRAQ_ENV: 'production',
    DATABASE_URL: databaseUrl,
    TRAQ_API_KEY: ADMIN_KEY,
    TRAQ_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
  });
  const stop = server.stop;
  return { ...server, stop: () => stop().then(() => fs.rmSync(dataDir, { recursive: true, force: true })) };
}

/** The bare baseline (bench/bare-server.mjs) running the given SQL texts. */
export const startBare = (databaseUrl: string, sql: { auth: string; list: string }) =>
  startChild('bare', [path.join(REPO, 'bench/bare-server.mjs')], { DATABASE_URL: databaseUrl, TRAQ_API_KEY: ADMIN_KEY, BARE_SQL: JSON.stringify(sql), PORT: '0' });

export interface Request {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: (i: number) => unknown;
}

export interface LoadResult {
  requests: number;
  errors: number;
  ms: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Server CPU ms per request over the round. */
  cpuPerRequest: number;
}

export const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
export const median = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);

/** One response (status and body text) over a fresh connection. */
export function call(base: string, req: Request, i = 0): Promise<{ status: number; text: string }> {
  return send(new http.Agent({ keepAlive: false }), base, req, i);
}

function send(agent: http.Agent, base: string, req: Request, i: number): Promise<{ status: number; text: string }> {
  const body = req.body ? JSON.stringify(req.body(i)) : undefined;
  return new Promise((resolve, reject) => {
    const r = http.request(
      base + req.path,
      { method: req.method, agent, headers: { ...(req.headers ?? {}), ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

/** `concurrency` workers send `req` back to back for `ms` (or `count` requests); latencies and server CPU. */
export async function load(server: Server, req: Request, options: { concurrency: number; ms?: number; count?: number; warmup?: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  let n = 0;
  for (let w = 0; w < (options.warmup ?? 0); w++) await send(agent, server.url, req, n++);
  const latencies: number[] = [];
  let errors = 0;
  const cpu0 = server.cpuMs();
  const t0 = performance.now();
  const until = t0 + (options.ms ?? Infinity);
  const budget = options.count ?? Infinity;
  let sent = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < until && sent < budget) {
        sent++;
        const s = performance.now();
        const res = await send(agent, server.url, req, n++);
        latencies.push(performance.now() - s);
        if (res.status !== 200) errors++;
      }
    }),
  );
  const ms = performance.now() - t0;
  const cpu = server.cpuMs() - cpu0;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    ms,
    perSecond: (latencies.length / ms) * 1000,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    cpuPerRequest: cpu / latencies.length,
  };
}

/** A row of the ratio table. */
export interface Row {
  measurement: string;
  ratio: number;
  goal: string;
  ok: boolean;
  detail: string;
}

export const atLeast = (measurement: string, ratio: number, goal: number, detail: string): Row => ({ measurement, ratio, goal: `≥ ${goal}×`, ok: ratio >= goal, detail });
export const atMost = (measurement: string, ratio: number, goal: number, detail: string): Row => ({ measurement, ratio, goal: `≤ ${goal}×`, ok: ratio <= goal, detail });

export function printTable(rows: Row[]): void {
  const lines = [
    '| measurement | ratio | goal | met | medians |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.measurement} | ${r.ratio.toFixed(2)}× | ${r.goal} | ${r.ok ? 'yes' : 'NO'} | ${r.detail} |`),
  ];
  console.log(lines.join('\n'));
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** Logs progress on stderr, so stdout carries only the table. */
export const progress = (line: string) => process.stderr.write(`# ${line}\n`);
