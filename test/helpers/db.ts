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

export function databaseUrl(name: string): string {
  const u = new URL(env('TEST_PG_ADMIN_URL'));
  u.pathname = `/${name}`;
  return u.toString();
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

/** A database of this test file's own, cloned from the migrated template; dropped at teardown. */
export async function freshDatabase(t: Tap, options: { empty?: boolean } = {}): Promise<{ url: string; pool: Pool; name: string }> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = options.empty ? 'template0' : env('TEST_PG_TEMPLATE');
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = databaseUrl(name);
  const pool = createPool(url, 20);
  t.teardown(async () => {
    await pool.end();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return { url, pool, name };
}
