/**
 * The server (`dist/main.js`, compiled from src/) as a child process on a test database and a data folder of
 * the test's own, for tests that kill the server (SIGKILL at a fault point,
 * test-only: src/faults.ts) and start it again on the same state.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ArtifactNotFound, type ArtifactStore } from '../../src/artifacts/store.js';
import type { Pool } from '../../src/db/pool.js';
import { TEST_ADMIN_KEY, type Reply } from './app.js';
import { childEnv, plainNode } from './child-env.js';
import { storeEnv } from './s3.js';

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  /** Everything the server printed (stdout and stderr). */
  output(): string;
  /** Resolves with the exit signal or code once the process is gone. */
  exited: Promise<string>;
  kill(): Promise<string>;
}

type ChildOptions = {
  databaseUrl: string;
  dataDir: string;
  env?: Record<string, string>;
  /** A process group of its own, as a shell gives a command it runs: `process.kill(-pid, ...)` is a Ctrl-C. */
  ownGroup?: boolean;
};

/** The server, dist/main.js, as `npm start` runs it. */
export async function startChildServer(opts: ChildOptions): Promise<ChildServer> {
  return startChild([path.join(process.cwd(), 'dist/main.js')], opts, /listening on (http:\/\/[\d.]+:\d+)/);
}

/**
 * A round worker (`npm run worker`, compiled: dist/worker.js, which the test harness builds) as a child
 * process; resolves once it logged its start. `url` is empty; `workerId` prefix `<host>:<pid>:`.
 */
export async function startChildWorker(opts: ChildOptions): Promise<ChildServer> {
  return startChild([path.join(process.cwd(), 'dist/worker.js')], { ...opts, env: { LOG_LEVEL: 'info', ...opts.env } }, /"msg":"round worker started"()/);
}

async function startChild(args: string[], opts: ChildOptions, ready: RegExp): Promise<ChildServer> {
  const env = childEnv();
  Object.assign(env, {
    DATABASE_URL: opts.databaseUrl,
    TRAQ_ENV: 'test',
    TRAQ_API_KEY: TEST_ADMIN_KEY,
    // The data folder's store: <dataDir>/artifacts, or in the S3 pass the bucket under a prefix named after it.
    ...storeEnv(opts.dataDir),
    PORT: '0',
    HOST: '127.0.0.1',
    TRAQ_WORKER: 'off',
    LOG_LEVEL: 'warn',
    ...opts.env,
  });
  // Compiled code (scripts/test.ts builds dist/ when src/ changed), as `npm start` runs it: no run-time transpiling per start.
  const proc = spawn(...plainNode(args), { env, stdio: ['ignore', 'pipe', 'pipe'], detached: Boolean(opts.ownGroup) });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<string>((resolve) => proc.once('exit', (code, signal) => resolve(signal ?? String(code))));
  const url = await new Promise<string>((resolve, reject) => {
    const poll = setInterval(() => {
      const m = ready.exec(out);
      if (m) {
        clearInterval(poll);
        resolve(m[1]!);
      }
    }, 50);
    void exited.then((how) => {
      clearInterval(poll);
      reject(new Error(`${args.at(-1)} exited (${how}) before it was ready:\n${out}`));
    });
  });
  return {
    url,
    proc,
    output: () => out,
    exited,
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      return exited;
    },
  };
}

/** A request to a child server; a connection the server dropped (it died) answers status 0. */
export async function call<T = any>(url: string, method: string, p: string, options: { body?: unknown; raw?: Uint8Array; headers?: Record<string, string>; key?: string } = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.key) headers['x-api-key'] = options.key;
  let body: BodyInit | undefined = options.raw as BodyInit | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  try {
    const res = await fetch(url + p, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  } catch {
    return { status: 0, body: undefined as T, headers: new Headers(), text: '' };
  }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Every row that names an artifact against its object in `store` (a folder or a bucket): present, the
 * recorded size, the recorded sha256. Returns one line per disagreement (empty: consistent), plus archived
 * jobs whose final lacks an output.
 */
export async function rowsAgainstFiles(pool: Pool, store: ArtifactStore): Promise<string[]> {
  const problems: string[] = [];
  const check = async (what: string, key: string, size: number | null, hash: string | null) => {
    const bytes = await store.readBuffer(key).catch((err: unknown) => {
      if (err instanceof ArtifactNotFound) return undefined;
      throw err;
    });
    if (!bytes) return problems.push(`${what} ${key}: missing`);
    if (size !== null && bytes.length !== Number(size)) problems.push(`${what} ${key}: size ${bytes.length} != ${size}`);
    if (hash !== null && sha256(bytes) !== hash) problems.push(`${what} ${key}: sha256 differs`);
  };
  const q = async (sql: string) => (await pool.query(sql)).rows;
  for (const r of await q(`SELECT path, byte_size, sha256 FROM artifacts`)) await check('artifact', r.path, r.byte_size, r.sha256);
  for (const r of await q(`SELECT artifact_path, byte_size, sha256 FROM round_recordings WHERE artifact_path IS NOT NULL`)) await check('recording', r.artifact_path, r.byte_size, r.sha256);
  for (const r of await q(`SELECT artifact_path, byte_size, sha256, report_artifact_path, report_byte_size FROM round_images WHERE artifact_path IS NOT NULL`)) {
    await check('image', r.artifact_path, r.byte_size, r.sha256);
    if (r.report_artifact_path) await check('report image', r.report_artifact_path, r.report_byte_size, null);
  }
  for (const r of await q(`SELECT f.id, f.kind, count(a.id)::int AS n FROM job_finals f LEFT JOIN artifacts a ON a.job_final_id = f.id GROUP BY f.id, f.kind`)) {
    if (r.n < 3) problems.push(`final ${r.id} (${r.kind}): ${r.n} artifact rows`);
  }
  for (const r of await q(`SELECT key FROM artifact_placements`)) problems.push(`placement of ${r.key} still pending`);
  return problems;
}

/** Objects under jobs/ that no row names (what a write killed at the wrong moment would leave behind). */
export async function orphanFiles(pool: Pool, store: ArtifactStore): Promise<string[]> {
  const named = new Set<string>();
  const q = async (sql: string) => (await pool.query<{ k: string }>(sql)).rows.map((r) => r.k);
  for (const k of await q(`SELECT path AS k FROM artifacts`)) named.add(k);
  for (const k of await q(`SELECT artifact_path AS k FROM round_recordings WHERE artifact_path IS NOT NULL`)) named.add(k);
  for (const k of await q(`SELECT artifact_path AS k FROM round_images WHERE artifact_path IS NOT NULL UNION SELECT report_artifact_path FROM round_images WHERE report_artifact_path IS NOT NULL`)) named.add(k);
  return (await store.list('jobs')).filter((k) => !named.has(k));
}
