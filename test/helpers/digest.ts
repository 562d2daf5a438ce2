import type { Pool } from '../../src/db/pool.js';

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
