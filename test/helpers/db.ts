import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPool, type Pool } from '../../src/db/pool.js';

interface Tap {
  teardown(fn: () => unknown): void;
}

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the tests with npm test`);
  return v;
}

function urlOf(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The owner's (superuser's) connection string for database `name`: migrations, setup, inspection. */
export function databaseUrl(name: string): string {
  return urlOf(env('TEST_PG_ADMIN_URL'), name);
}

/** The runtime role's connection string for database `name`: what the app connects as (scripts/test.ts made the role). */
export function runtimeDatabaseUrl(name: string): string {
  return urlOf(env('TEST_PG_RUNTIME_URL'), name);
}

export async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: env('TEST_PG_ADMIN_URL') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  name: string;
  /** The runtime role (member of traq_runtime, as the server connects in production): the app's pool. */
  url: string;
  pool: Pool;
  /** The owner: for migrations, and for setup or inspection the application itself may not do. */
  ownerUrl: string;
  ownerPool: Pool;
}

/** A database of this test file's own, cloned from the migrated template; dropped at teardown. */
export async function freshDatabase(t: Tap, options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = options.empty ? 'template0' : env('TEST_PG_TEMPLATE');
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = runtimeDatabaseUrl(name);
  const ownerUrl = databaseUrl(name);
  // pg pools connect on first use: a test that never asks for the owner opens no owner connection.
  const pool = createPool(url, 20);
  const ownerPool = createPool(ownerUrl, 5);
  t.teardown(async () => {
    await Promise.all([pool.end(), ownerPool.end()]);
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return { url, pool, ownerUrl, ownerPool, name };
}

/**
 * Waits until every transaction that is running now, anywhere in the cluster, has ended. The export feed
 * hands out only changes older than every running transaction, and that horizon is cluster-wide: another
 * test file's transaction, open at the moment of a read, holds back the changes this test just made.
 * Call it before a feed read (HTTP or CLI) that must see the test's own writes.
 */
export async function feedSettled(pool: Pool, timeoutMs = 60_000): Promise<void> {
  const { rows } = await pool.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
  for (const until = Date.now() + timeoutMs; ; ) {
    const { rows: done } = await pool.query<{ past: boolean }>('SELECT pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8 AS past', [rows[0]!.xid]);
    if (done[0]!.past) return;
    if (Date.now() > until) throw new Error(`a transaction older than xid ${rows[0]!.xid} still runs after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Waits, when the database clock is in the last `margin` seconds of a minute, for the next minute: a test
 * that counts requests against the auth rate limit's one-minute window must not straddle two windows.
 */
export async function awaitWholeRateWindow(pool: Pool, marginSeconds = 15): Promise<void> {
  const { rows } = await pool.query<{ s: number }>(`SELECT extract(epoch FROM date_trunc('minute', now()) + interval '1 minute' - now())::float8 AS s`);
  const left = rows[0]!.s;
  if (left < marginSeconds) await new Promise((r) => setTimeout(r, left * 1000 + 50));
}
