import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../version.js';

export const MIGRATIONS_DIR = path.join(PACKAGE_ROOT, 'migrations');
const MIGRATIONS_TABLE = 'pgmigrations';

/** The migrations in migrations/ that the database has not recorded as run (one query, no lock). */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const names = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -'.sql'.length));
  const { default: pg } = await import('pg'); // not at import: see embedded.ts
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`).catch((err: { code?: string }) => {
      if (err.code === '42P01') return { rows: [] }; // no migrations table yet: a new database
      throw err;
    });
    const done = new Set(rows.map((r) => r.name));
    return names.filter((n) => !done.has(n));
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations (or rolls back with direction 'down').
 * Advisory-locked and waiting: two servers starting at once migrate once.
 * Going up with nothing pending costs one query: the runner (a heavy import,
 * then a lock and a read of every migration file) is loaded only when needed.
 */
export async function migrate(databaseUrl: string, options: { direction?: 'up' | 'down'; count?: number; log?: (m: string) => void } = {}) {
  const direction = options.direction ?? 'up';
  if (direction === 'up' && (await pendingMigrations(databaseUrl)).length === 0) return [];
  const { runner } = await import('node-pg-migrate');
  return runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    migrationsTable: MIGRATIONS_TABLE,
    direction,
    count: options.count ?? Infinity,
    singleTransaction: true,
    advisoryLockMode: 'wait',
    checkOrder: true,
    verbose: false,
    log: options.log ?? (() => {}),
  });
}
