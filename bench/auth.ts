/**
 * Device auth costs on a throwaway embedded PostgreSQL (fsync off):
 * register → approve → token cycles, token rotation, and authenticated
 * reads (hash lookup joined to the device row). Prints numbers only.
 *
 *   node --import tsx bench/auth.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { ArtifactStore } from '../src/artifacts/store.js';
import { loadConfig } from '../src/config.js';
import { ensureDatabase } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { RoundEvents } from '../src/processing/round-events.js';
import { createApp } from '../src/http/app.js';
import { throwawayCluster } from '../scripts/throwaway-cluster.js';

const ADMIN = 'bench-admin-key-0123456789';
const cluster = await throwawayCluster();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-bench-'));
try {
  const base = cluster.url('postgres');
  await ensureDatabase(base, 'bench');
  const dbUrl = base.replace(/\/postgres$/, '/bench');
  await migrate(dbUrl);
  const pool = createPool(dbUrl, 10);
  const config = loadConfig({ TRAQ_ENV: 'test', TRAQ_DATA_DIR: dataDir, TRAQ_API_KEY: ADMIN, TRAQ_AUTH_RATE_LIMIT_PER_MINUTE: '1000000' });
  const app = createApp({ config, pool, store: new ArtifactStore(config.storageRoot), logger: pino({ level: 'silent' }), adminKey: ADMIN, version: 'bench', events: new RoundEvents(dbUrl) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (method: string, p: string, body?: unknown, key?: string) => {
    const res = await fetch(url + p, {
      method,
      headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, any>;
    if (res.status !== 200) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const time = async (label: string, n: number, concurrency: number, one: (i: number) => Promise<unknown>) => {
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          const i = next++;
          const t0 = performance.now();
          await one(i);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const total = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(2);
    console.log(`${label}: ${n} in ${total.toFixed(0)} ms, ${((n / total) * 1000).toFixed(0)}/s, p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms (concurrency ${concurrency})`);
  };

  const secrets: string[] = [];
  await time('register + approve + token (secret)', 200, 1, async (i) => {
    const { device_secret } = await call('POST', '/v1/auth/register-device', { device_id: `bench-${i}` });
    secrets[i] = device_secret;
    await call('POST', `/v1/admin/devices/bench-${i}/approve`, { role: 'arborist' }, ADMIN);
    await call('POST', '/v1/auth/token', { device_id: `bench-${i}`, device_secret });
  });
  await time('token rotation, one device', 300, 1, () => call('POST', '/v1/auth/token', { device_id: 'bench-0', device_secret: secrets[0] }));
  await time('token issue, many devices', 400, 8, (i) => call('POST', '/v1/auth/token', { device_id: `bench-${i % 200}`, device_secret: secrets[i % 200] }));
  const tokens = await Promise.all(
    Array.from({ length: 20 }, async (_, i) => (await call('POST', '/v1/auth/token', { device_id: `bench-${i}`, device_secret: secrets[i] })).access_token as string),
  );
  await time('GET /v1/profile with a device token', 3000, 10, (i) => call('GET', '/v1/profile', undefined, tokens[i % tokens.length]));
  await time('GET /v1/profile with the admin key', 3000, 10, () => call('GET', '/v1/profile', undefined, ADMIN));

  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await pool.end();
} finally {
  await cluster.dispose();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
