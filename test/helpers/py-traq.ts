/**
 * The Python TRAQ server fixture (test/fixtures/py-traq, built by its build.ts): a database in
 * the old schema filled with ten jobs, devices and tokens, and its artifact tree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { freshDatabase } from './db.js';

export const FIXTURE_DIR = path.join(process.cwd(), 'test/fixtures/py-traq');
export const FIXTURE_STORAGE = path.join(FIXTURE_DIR, 'storage');

/** Plaintext tokens of the fixture's devices, by name, with the state each must have after import. */
export const FIXTURE_TOKENS: Record<string, { token: string; device_id: string; state: 'valid' | 'expired' | 'revoked'; role: string }> = JSON.parse(
  fs.readFileSync(path.join(FIXTURE_DIR, 'tokens.json'), 'utf8'),
);

interface Tap {
  teardown(fn: () => unknown): void;
}

/** A new database holding the old server's schema and the fixture rows; returns its URL and pool. */
export async function pythonServerDatabase(t: Tap) {
  const db = await freshDatabase(t, { empty: true });
  await db.pool.query(fs.readFileSync(path.join(FIXTURE_DIR, 'schema.sql'), 'utf8'));
  await db.pool.query(fs.readFileSync(path.join(FIXTURE_DIR, 'data.sql'), 'utf8'));
  return db;
}

export const importArgs = (sourceUrl: string, storage = FIXTURE_STORAGE, ...more: string[]) => [
  '--json', 'import', 'python-server', '--from-database', sourceUrl, '--from-storage', storage, ...more,
];
