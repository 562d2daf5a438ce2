import path from 'node:path';
import { runner } from 'node-pg-migrate';
import { PACKAGE_ROOT } from '../version.js';

export const MIGRATIONS_DIR = path.join(PACKAGE_ROOT, 'migrations');

/**
 * Applies pending migrations (or rolls back with direction 'down').
 * Advisory-locked and waiting: two servers starting at once migrate once.
 */
export async function migrate(databaseUrl: string, options: { direction?: 'up' | 'down'; count?: number; log?: (m: string) => void } = {}) {
  return runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    migrationsTable: 'pgmigrations',
    direction: options.direction ?? 'up',
    count: options.count ?? Infinity,
    singleTransaction: true,
    advisoryLockMode: 'wait',
    checkOrder: true,
    verbose: false,
    log: options.log ?? (() => {}),
  });
}
