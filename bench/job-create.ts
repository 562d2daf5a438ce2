/**
 * How fast concurrent POST /v1/jobs are served when every create queues on the
 * counter locks. Run: node --import tsx bench/job-create.ts [concurrency=200] [rounds=3]
 * Prints wall time and creates per second; asserts nothing.
 */
import { randomBytes, createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { ArtifactStore } from '../src/artifacts/store.js';
import { loadConfig } from '../src/config.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { RoundEvents } from '../src/processing/round-events.js';
import { createApp } from '../src/http/app.js';
import { throwawayCluster } from '../scripts/throwaway-cluster.js';

const concurrency = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 3);
const cluster = await throwawayCluster();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-bench-'));
try {
  const url = cluster.url('postgres');
  await migrate(url);
  const pool = createPool(url, 10);
  const token = randomBytes(32).toString('base64url');
  const { rows } = await pool.query(`INSERT INTO devices (device_id, status, approved_at) VALUES ('bench', 'approved', now()) RETURNING id`);
  await pool.query(`INSERT INTO device_tokens (token_hash, device_id, role, expires_at) VALUES ($1, $2, 'arborist', now() + interval '1 day')`, [
    createHash('sha256').update(token).digest('hex'),
    rows[0].id,
  ]);
  const config = loadConfig({ TRAQ_ENV: 'test', TRAQ_DATA_DIR: dir, TRAQ_API_KEY: 'bench-admin-key-0123456789', LOG_LEVEL: 'silent' });
  const app = createApp({ config, pool, store: new ArtifactStore(config.storageRoot), logger: pino({ level: 'silent' }), adminKey: 'bench-admin-key-0123456789', version: 'bench', events: new RoundEvents(url) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const create = (i: number) =>
    fetch(`${base}/v1/jobs`, {
      method: 'POST',
      headers: { 'x-api-key': token, 'content-type': 'application/json' },
      body: JSON.stringify({
        job_name: `Job ${i}`,
        job_address: 'Addr',
        job_phone: '555',
        contact_preference: 'text',
        billing_name: `Payer ${i % 10}`,
        billing_address: 'Bill St',
        customer_name: `Customer ${i % 25}`,
      }),
    }).then((r) => r.status);
  for (let round = 1; round <= rounds; round++) {
    const t0 = performance.now();
    const statuses = await Promise.all(Array.from({ length: concurrency }, (_, i) => create(i)));
    const ms = performance.now() - t0;
    const ok = statuses.filter((s) => s === 200).length;
    console.log(`round ${round}: ${concurrency} concurrent creates, ${ok} ok, ${ms.toFixed(0)} ms, ${((ok / ms) * 1000).toFixed(0)} creates/s`);
  }
  server.close();
  await pool.end();
} finally {
  await cluster.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
}
