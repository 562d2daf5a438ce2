/**
 * bench/upload.ts — streams one large recording upload (default 200 MB) into
 * a bare "pipe the request to a file" node server, the real server on the
 * local backend and the real server on the S3 backend (a local s3rver in a
 * process of its own), in the same run, and prints each one's time and the
 * server's peak RSS growth side by side (goal: under 64 MB for the server on
 * both backends, issue #15).
 *
 *   npm run bench:upload                 # 200 MB
 *   UPLOAD_MB=50 npm run bench:upload
 *
 * Each server runs in its own child process; its peak RSS is read from
 * VmHWM in /proc/<pid>/status after the peak counter was reset (clear_refs 5)
 * once the server was warm, so the growth is what the upload itself cost.
 * Linux only. The real servers share a throwaway PostgreSQL (a job each) and
 * have temp data dirs; s3rver's own memory is not counted (it stands for the
 * bucket, not for us).
 */
import { wavBytes, wavHeader } from '../test/helpers/audio.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { throwawayCluster } from '../scripts/throwaway-cluster.js';

const MB = 1024 * 1024;
const SIZE = Number(process.env.UPLOAD_MB ?? 200) * MB;
const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const CHUNK = randomBytes(MB);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

function status(pid: number): { rss: number; hwm: number } {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(text)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Resets the peak-RSS counter of a process; false when the kernel refuses. */
function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Until `url` answers (2xx, or any status when `anyStatus`: s3rver answers 403 to an anonymous GET). */
async function waitFor(url: string, child: ChildProcess, output: () => string, anyStatus = false) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok || anyStatus) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not come up:\n${output()}`);
}

/** PUT `SIZE` bytes with a Content-Length, respecting backpressure; resolves with the time and the answer. */
function upload(url: string, headers: Record<string, string>): Promise<{ ms: number; status: number; body: string; sha256: string }> {
  const hash = createHash('sha256');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(url, { method: 'PUT', headers: { ...headers, 'content-length': String(SIZE) } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () =>
        resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.statusCode ?? 0, body, sha256: hash.digest('hex') }),
      );
    });
    req.on('error', reject);
    // A real WAV header first: the server recognises recordings by their content.
    const head = wavHeader(SIZE);
    hash.update(head);
    req.write(head);
    let sent = head.length;
    const pump = () => {
      while (sent < SIZE) {
        const chunk = SIZE - sent >= CHUNK.length ? CHUNK : CHUNK.subarray(0, SIZE - sent);
        sent += chunk.length;
        hash.update(chunk);
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

const BARE_SERVER = `
const http = require('node:http'); const fs = require('node:fs'); const { pipeline } = require('node:stream/promises');
let n = 0;
http.createServer(async (req, res) => {
  if (req.method !== 'PUT') { res.end('ok'); return; }
  await pipeline(req, fs.createWriteStream(process.argv[1] + '/upload-' + (++n)));
  res.setHeader('content-type', 'application/json'); res.end('{"ok":true}');
}).listen(Number(process.argv[2]), '127.0.0.1');
`;

const S3_SERVER = `
import S3rver from 's3rver';
const [directory, port] = process.argv.slice(1);
await new S3rver({ address: '127.0.0.1', port: Number(port), silent: true, directory, configureBuckets: [{ name: 'bench' }] }).run();
`;

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-bench-'));
  const cluster = await throwawayCluster();
  const children: ChildProcess[] = [];
  const spawnServer = (args: string[], env: Record<string, string>) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    child.stderr!.on('data', (c) => (out += c));
    children.push(child);
    return { child, output: () => out };
  };
  try {
    // The bucket: s3rver in its own process, so its memory and CPU are not the bench's.
    const s3Port = await freePort();
    fs.mkdirSync(path.join(tmp, 's3'));
    const s3 = spawnServer(['--input-type=module', '-e', S3_SERVER, path.join(tmp, 's3'), String(s3Port)], {});
    await waitFor(`http://127.0.0.1:${s3Port}/`, s3.child, s3.output, true);
    const s3Env = {
      TRAQ_ARTIFACT_BACKEND: 's3',
      TRAQ_S3_BUCKET: 'bench',
      AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${s3Port}`,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    };

    // The real servers (one database, a job each), warmed up with a small upload.
    const db = new pg.Client({ connectionString: cluster.url('postgres') });
    await db.connect();
    const startReal = async (name: string, jobId: string, jobNumber: string, env: Record<string, string>) => {
      const port = await freePort();
      const real = spawnServer(['--import', 'tsx', 'src/main.ts'], {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: cluster.url('postgres'),
        TRAQ_DATA_DIR: path.join(tmp, name),
        TRAQ_API_KEY: ADMIN_KEY,
        TRAQ_MAX_AUDIO_BYTES: String(SIZE + MB),
        TRAQ_ENABLE_DISCOVERY: 'false',
        LOG_LEVEL: 'warn',
        ...env,
      });
      const base = `http://127.0.0.1:${port}`;
      await waitFor(`${base}/health`, real.child, real.output);
      await db.query(`INSERT INTO jobs (job_id, job_number) VALUES ($1, $2)`, [jobId, jobNumber]);
      const round = await fetch(`${base}/v1/jobs/${jobId}/rounds`, { method: 'POST', headers: { 'x-api-key': ADMIN_KEY } });
      if (!round.ok) throw new Error(`round create: ${round.status} ${await round.text()}`);
      // Warm up the upload path (route, pool, artifact store, music-metadata) with a small upload first.
      const warm = await fetch(`${base}/v1/jobs/${jobId}/sections/trunk/recordings/warmup`, {
        method: 'PUT',
        headers: { 'x-api-key': ADMIN_KEY, 'content-type': 'audio/mp4' },
        body: new Uint8Array(wavBytes(64 * 1024)),
      });
      if (!warm.ok) throw new Error(`warm-up upload: ${warm.status} ${await warm.text()}`);
      return { pid: real.child.pid!, url: `${base}/v1/jobs/${jobId}/sections/trunk/recordings/rec_big`, jobId };
    };
    const local = await startReal('local', 'job_bench_local', 'J9001', {});
    const onS3 = await startReal('s3', 'job_bench_s3', 'J9002', s3Env);

    // The bare pipe-to-file server.
    const barePort = await freePort();
    fs.mkdirSync(path.join(tmp, 'bare'));
    const bare = spawnServer(['-e', BARE_SERVER, path.join(tmp, 'bare'), String(barePort)], {});
    await waitFor(`http://127.0.0.1:${barePort}/`, bare.child, bare.output);

    const sent: Record<string, string> = {};
    const results: { name: string; ms: number; idle: number; growth: number; exact: boolean }[] = [];
    const measure = async (name: string, pid: number, url: string, headers: Record<string, string>, check: (r: Awaited<ReturnType<typeof upload>>) => void) => {
      const idle = status(pid).rss;
      const exact = resetPeak(pid);
      const r = await upload(url, headers);
      if (r.status !== 200) throw new Error(`${name}: HTTP ${r.status} ${r.body}`);
      check(r);
      const { hwm } = status(pid);
      results.push({ name, ms: r.ms, idle, growth: hwm - idle, exact });
    };

    await measure('bare pipe-to-file server', bare.child.pid!, `http://127.0.0.1:${barePort}/`, {}, () => {});
    for (const [name, server] of [['traq-server on local disk', local], ['traq-server on S3 (s3rver)', onS3]] as const) {
      await measure(name, server.pid, server.url, { 'x-api-key': ADMIN_KEY, 'content-type': 'audio/mp4' }, (r) => {
        sent[server.jobId] = r.sha256;
        const body = JSON.parse(r.body) as { bytes: number };
        if (body.bytes !== SIZE) throw new Error(`${name} stored ${body.bytes} bytes, sent ${SIZE}`);
      });
    }
    const { rows } = await db.query(
      `SELECT j.job_id, m.sha256 FROM round_recordings m JOIN job_rounds r ON r.id = m.round_pk JOIN jobs j ON j.id = r.job_id WHERE m.recording_id = 'rec_big'`,
    );
    await db.end();

    console.log(`upload of ${SIZE / MB} MB over loopback (node ${process.version}, ${os.cpus().length} cores)`);
    for (const r of results) {
      const mbps = SIZE / MB / (r.ms / 1000);
      console.log(
        `  ${r.name.padEnd(28)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${mbps.toFixed(0).padStart(4)} MB/s  ` +
          `idle RSS ${(r.idle / MB).toFixed(0)} MB, peak RSS growth ${(r.growth / MB).toFixed(1)} MB${r.exact ? '' : ' (peak since start: clear_refs refused)'}`,
      );
    }
    const matches = Object.keys(sent).length === 2 && rows.length === 2 && rows.every((r) => r.sha256 === sent[r.job_id]);
    console.log(`  sha256 recorded by both servers matches the bytes sent: ${matches ? 'yes' : 'NO'}`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
    await cluster.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
