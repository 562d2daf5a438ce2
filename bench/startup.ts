/**
 * bench/startup.ts — time from spawning the server to its first /health 200, and
 * how long traq-admin takes, side by side in one run; medians of RUNS (default 5).
 *
 *   npm run bench:startup
 *   RUNS=9 npm run bench:startup
 *
 * Server: `npm start`, `node scripts/start.mjs` and `node dist/main.js` on a warm
 * embedded cluster (the data folder exists), and `npm start` cold (a fresh data
 * folder each run: initdb, migrations). CLI: `--help` and a local-mode command
 * (`device list` against the warm cluster's database, through DATABASE_URL),
 * next to a bare `node -e 0` as the floor. Each server stops with SIGTERM.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/db/cluster.js';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function serverStart(cmd: string[], dataDir: string): Promise<number> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const started = performance.now();
  const child = spawn(cmd[0]!, cmd.slice(1), {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TRAQ_DATA_DIR: dataDir, TRAQ_EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn' },
    stdio: process.env.BENCH_VERBOSE ? 'inherit' : 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${cmd.join(' ')} exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status === 200, () => false);
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

function timed(cmd: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} exited with ${r.status}`);
  return performance.now() - started;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-bench-startup-'));
fs.chmodSync(dir, 0o755);
const warm = path.join(dir, 'warm');
const rows: [string, number][] = [];
try {
  spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
  await serverStart(['node', 'dist/main.js'], warm); // creates the warm cluster and migrates it
  const measure = async (name: string, run: () => Promise<number> | number) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await run());
    rows.push([name, median(times)]);
    console.log(`${name.padEnd(44)} median ${median(times).toFixed(0).padStart(6)} ms   runs ${times.map((t) => t.toFixed(0)).join(' ')}`);
  };
  await measure('warm: npm start', () => serverStart(['npm', 'start', '--silent'], warm));
  await measure('warm: node scripts/start.mjs', () => serverStart(['node', 'scripts/start.mjs'], warm));
  await measure('warm: node dist/main.js', () => serverStart(['node', 'dist/main.js'], warm));
  let n = 0;
  await measure('cold: npm start (fresh cluster)', () => serverStart(['npm', 'start', '--silent'], path.join(dir, `cold-${n++}`)));

  await measure('floor: node -e 0', () => timed(['node', '-e', '0']));
  await measure('traq-admin --help', () => timed(['node', 'bin/traq-admin.mjs', '--help']));
  // A local-mode command against the warm cluster, started for it by a server that keeps running meanwhile.
  const [port, pgPort] = [await freePort(), await freePort()];
  const server = spawn('node', ['dist/main.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TRAQ_DATA_DIR: warm, TRAQ_EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    while (!(await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false))) await new Promise((r) => setTimeout(r, 20));
    const password = fs.readFileSync(path.join(warm, 'pg.app.password'), 'utf8').trim();
    // The port the cluster really took (it moves to another when the asked one is busy), from its owner file.
    const { port: clusterPort } = JSON.parse(fs.readFileSync(path.join(warm, 'pg.owner.json'), 'utf8')) as { port: number };
    const env = { ...process.env, DATABASE_URL: `postgres://traq_app:${password}@127.0.0.1:${clusterPort}/traq` };
    await measure('traq-admin device list (local, DATABASE_URL)', () => timed(['node', 'bin/traq-admin.mjs', 'device', 'list'], env));
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
