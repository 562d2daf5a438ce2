/**
 * Round processing end to end over HTTP, with a fake OpenAI-compatible server
 * whose every call takes 1 s:
 *  1. submit → review ready for one round of ten recordings (ten sections);
 *  2. submits per second the server accepts while its workers are busy
 *     (TRAQ_SUBMIT_WAIT_SECONDS=0: the submit answers once the round is queued).
 *
 *   npm run bench:submit [-- <rounds for part 2>]
 */
import { wavBytes } from '../test/helpers/audio.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { ArtifactStore } from '../src/artifacts/store.js';
import { loadConfig } from '../src/config.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { createApp } from '../src/http/app.js';
import { startProcessing } from '../src/processing/runtime.js';
import { throwawayCluster } from '../scripts/throwaway-cluster.js';
import { startFakeOpenAI } from '../test/helpers/fake-openai.js';

const ADMIN = 'bench-admin-key-0123456789';
const SECTIONS = ['client_tree_details', 'site_factors', 'target_assessment', 'tree_health_and_species', 'load_factors', 'crown_and_branches', 'trunk', 'roots_and_root_collar', 'mitigation_options', 'notes_explanations_descriptions'];
const busyRounds = Number(process.argv[2] ?? 200);

const cluster = await throwawayCluster();
const fake = await startFakeOpenAI({ delayMs: 1000 });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-bench-'));
try {
  const url = cluster.url('postgres');
  await migrate(url);
  const config = loadConfig({ TRAQ_ENV: 'test', TRAQ_DATA_DIR: dir, TRAQ_API_KEY: ADMIN, OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-bench', TRAQ_SUBMIT_WAIT_SECONDS: '0' });
  const pool = createPool(url, 20);
  const logger = pino({ level: 'silent' });
  const store = new ArtifactStore(config.storageRoot);
  const processing = await startProcessing({ config, connectionString: url, pool, store, logger, withWorker: true });
  const server = createApp({ config, pool, store, logger, adminKey: ADMIN, version: 'bench', events: processing.events }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (method: string, p: string, body?: unknown, raw?: Buffer) => {
    const res = await fetch(base + p, {
      method,
      headers: { 'x-api-key': ADMIN, ...(raw ? { 'content-type': 'audio/wav' } : body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: raw ? new Uint8Array(raw) : body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method} ${p}: ${res.status} ${text}`);
    return JSON.parse(text);
  };
  const job = () =>
    call('POST', '/v1/jobs', { job_name: 'Oak', job_address: '1 Main St', job_phone: '555', contact_preference: 'text', billing_name: 'Ann', billing_address: '1 Main St, Davis, CA' });
  const roundWith = async (jobId: string, sections: string[]) => {
    const { round_id } = await call('POST', `/v1/jobs/${jobId}/rounds`);
    for (const [i, s] of sections.entries()) await call('PUT', `/v1/jobs/${jobId}/sections/${s}/recordings/rec_${i}`, undefined, wavBytes(256, String(i)));
    return round_id as string;
  };
  const waitReady = async (jobId: string, roundId: string) => {
    for (;;) {
      const r = await call('GET', `/v1/jobs/${jobId}/rounds/${roundId}`);
      if (r.status !== 'SUBMITTED_FOR_PROCESSING') return r.status as string;
      await new Promise((res) => setTimeout(res, 20));
    }
  };

  // 1. one round of ten recordings
  const j = await job();
  const roundId = await roundWith(j.job_id, SECTIONS);
  const t0 = performance.now();
  await call('POST', `/v1/jobs/${j.job_id}/rounds/${roundId}/submit`, {});
  const status = await waitReady(j.job_id, roundId);
  const readyMs = performance.now() - t0;
  const calls = fake.requests.length;

  // 2. submits accepted while the workers are busy
  const jobs: { jobId: string; roundId: string }[] = [];
  for (let i = 0; i < busyRounds; i++) {
    const jj = await job();
    jobs.push({ jobId: jj.job_id as string, roundId: await roundWith(jj.job_id, ['site_factors']) });
  }
  const s0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < jobs.length) {
        const x = jobs[next++]!;
        await call('POST', `/v1/jobs/${x.jobId}/rounds/${x.roundId}/submit`, {});
      }
    }),
  );
  const acceptMs = performance.now() - s0;
  const queued = (await pool.query(`SELECT count(*)::int AS n FROM job_rounds WHERE status = 'SUBMITTED_FOR_PROCESSING'`)).rows[0].n;

  console.log('round processing (fake provider: 1 s per call)');
  console.log(`  one round of 10 recordings: submit → ${status} in ${(readyMs / 1000).toFixed(2)} s (${calls} provider calls; one after another would be ≥ ${calls} s)`);
  console.log(`  submits accepted while workers are busy: ${busyRounds} in ${(acceptMs / 1000).toFixed(2)} s = ${((busyRounds * 1000) / acceptMs).toFixed(0)}/s (${queued} still queued when the last was accepted)`);
  server.closeAllConnections();
  server.close();
  await processing.stop();
  await pool.end();
} finally {
  await fake.close();
  await cluster.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
}
