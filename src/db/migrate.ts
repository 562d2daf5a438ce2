import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { PACKAGE_ROOT } from '../version.js';

export const MIGRATIONS_DIR = path.join(PACKAGE_ROOT, 'migrations');
const MIGRATIONS_TABLE = 'pgmigrations';

/** The migrations in migrations/ that the database behind `client` has not recorded as run (one query, no lock). */
export async function pendingMigrationsWith(client: pg.ClientBase | pg.Pool): Promise<string[]> {
  const names = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -'.sql'.length));
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`).catch((err: { code?: string }) => {
    if (err.code === '42P01') return { rows: [] }; // no migrations table yet: a new database
    throw err;
  });
  const done = new Set(rows.map((r) => r.name));
  return names.filter((n) => !done.has(n));
}

/** A login refused (wrong password, no such role) or a database missing: SQLSTATE classes 28 and 3D000. */
const isLoginRefused = (code: string | undefined) => code === '28P01' || code === '28000' || code === '3D000';

/**
 * The pending migrations as the runtime login sees them, through the server's own pool: the owner connects
 * only when something is pending. `whenRefused`: the embedded database's owner check, for a login that an
 * earlier start made but that is refused now (dropped, or a password changed by hand). Undefined when the
 * runtime role may not read the migrations table (a database from before the runtime role's migration):
 * migrate() then asks as the owner.
 */
export async function pendingMigrationsThrough(pool: pg.Pool, whenRefused?: () => Promise<string[]>): Promise<string[] | undefined> {
  try {
    return await pendingMigrationsWith(pool);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === '42501') return undefined;
    if (whenRefused && isLoginRefused(code)) return whenRefused();
    throw err;
  }
}

/** A connection of its own to `url` (the caller ends it). */
export async function openClient(url: string): Promise<pg.Client> {
  // Loaded here, not at import: the server launches PostgreSQL first and loads pg while it starts.
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw err;
  }
  return client;
}

/** `fn` on a connection of its own to `url`, closed after. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = await openClient(url);
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** pendingMigrationsWith on a connection of its own. */
export const pendingMigrations = (databaseUrl: string): Promise<string[]> => withClient(databaseUrl, pendingMigrationsWith);

let runnerModule: Promise<typeof import('node-pg-migrate')> | undefined;

/**
 * Starts importing node-pg-migrate (~0.15 s of CPU) ahead of a migrate() that will need it: the server does
 * so while initdb creates a new cluster, whose database is sure to need every migration.
 */
export function preloadMigrationRunner(): void {
  if (runnerModule) return;
  runnerModule = import('node-pg-migrate');
  runnerModule.catch(() => {}); // migrate() awaits it and reports a failure
}

/**
 * Applies pending migrations (or rolls back with direction 'down').
 * Advisory-locked and waiting: two servers starting at once migrate once.
 * Going up with nothing pending costs one query (none when the caller passes
 * `pending`): the runner (a heavy import, then a lock and a read of every
 * migration file) is loaded only when needed.
 */
export async function migrate(
  databaseUrl: string,
  options: { direction?: 'up' | 'down'; count?: number; log?: (m: string) => void; pending?: string[] } = {},
) {
  const direction = options.direction ?? 'up';
  // `pending`: what the caller's own check just found. Nothing pending stays true (a migration once recorded
  // is never unrecorded by going up); anything pending goes to the runner, which locks and looks again.
  if (direction === 'up' && (options.pending ?? (await pendingMigrations(databaseUrl))).length === 0) return [];
  preloadMigrationRunner();
  const { runner } = await runnerModule!;
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
