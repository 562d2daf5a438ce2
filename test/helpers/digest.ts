import type { Test } from 'tap';
import type { Pool } from '../../src/db/pool.js';
import type { TestApp } from './app.js';

const TABLES = [
  'customers',
  'billing_profiles',
  'projects',
  'trees',
  'jobs',
  'job_assignments',
  'job_rounds',
  'job_events',
  'runtime_counters',
  'devices',
  'idempotency_keys',
];

/** A fingerprint of every row of the job-related tables: equal before and after means nothing changed. */
export async function tableDigest(pool: Pool): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await pool.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`);
    out[table] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

/** Runs a request that must fail with `status` (and `detail`, when given) and checks that it changed nothing. */
export async function refusedUnchanged(t: Test, app: TestApp, req: () => Promise<{ status: number; body: any }>, status: number, detail?: unknown) {
  const before = await tableDigest(app.pool);
  const res = await req();
  t.equal(res.status, status, `${status} ${typeof detail === 'string' ? detail : ''}`);
  if (detail !== undefined) t.same(res.body.detail, detail);
  t.same(await tableDigest(app.pool), before, 'the database is unchanged');
  return res;
}
