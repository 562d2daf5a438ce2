/**
 * A data set of `jobs` jobs made directly in SQL: a customer per five jobs, a
 * billing profile per ten, a tree and a review round per job, ten audit rows
 * per job (1M at 100k) and a change log in which most jobs changed in several
 * transactions. Names and addresses draw from small word lists, so a search
 * for a common word ("oak") matches about an eighth of the customers.
 * Used by the scale bench and by the create-path EXPLAIN test.
 *
 * Triggers are off on the generating connection (session_replication_role)
 * and the change log (and each job's newest change) is written here instead,
 * one statement per transaction as the trigger would: row-by-row triggers on a table being filled in the
 * same statement made this take many minutes. Foreign keys are right by
 * construction.
 */
import pg from 'pg';

const WORDS = `ARRAY['Oak','Elm','Maple','Cedar','Pine','Birch','Willow','Aspen']`;
const NAMES = `ARRAY['Garcia','Nguyen','Smith','Patel','Johnson','Kim','Lopez','Brown','Davis','Wilson','Chen','Moore']`;

export async function generateDataset(databaseUrl: string, jobs: number, log: (line: string) => void = () => {}): Promise<void> {
  const pool = new pg.Client({ connectionString: databaseUrl });
  await pool.connect();
  try {
    await pool.query(`SET session_replication_role = replica`);
    await generate(pool, jobs, log);
  } finally {
    await pool.end();
  }
}

async function generate(pool: pg.Client, jobs: number, log: (line: string) => void): Promise<void> {
  const customers = Math.max(1, Math.floor(jobs / 5));
  const payers = Math.max(1, Math.floor(jobs / 10));
  const step = async (what: string, sql: string) => {
    const t0 = performance.now();
    await pool.query(sql);
    log(`${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  };
  await step(
    `${customers} customers`,
    `INSERT INTO customers (customer_code, name, phone, address)
     SELECT 'C' || lpad(g::text, greatest(4, length(g::text)), '0'), (${NAMES})[1 + g % 12] || ' ' || (${WORDS})[1 + (g / 12) % 8] || ' Family ' || g,
            '916 ' || lpad((g % 1000)::text, 3, '0') || ' ' || lpad(g::text, greatest(4, length(g::text)), '0'),
            g || ' ' || (${WORDS})[1 + g % 8] || ' Street, Sacramento'
       FROM generate_series(1, ${customers}) g`,
  );
  await step(
    `${payers} billing profiles`,
    `INSERT INTO billing_profiles (billing_code, billing_name, billing_contact_name, billing_address, contact_preference)
     SELECT 'B' || lpad(g::text, greatest(4, length(g::text)), '0'), (${NAMES})[1 + g % 12] || ' Property ' || g, 'Contact ' || g,
            g || ' ' || (${WORDS})[1 + g % 8] || ' Avenue', 'text'
       FROM generate_series(1, ${payers}) g`,
  );
  await step(
    `${jobs} trees and jobs`,
    `WITH c AS (SELECT id, row_number() OVER (ORDER BY customer_code) AS n FROM customers),
          b AS (SELECT id, row_number() OVER (ORDER BY billing_code) AS n FROM billing_profiles),
          t AS (INSERT INTO trees (customer_id, tree_number)
                SELECT c.id, k FROM c, generate_series(1, 5) k RETURNING id, customer_id, tree_number)
     INSERT INTO jobs (job_id, job_number, status, customer_id, billing_profile_id, tree_id, tree_number, job_name, job_address)
     SELECT 'job_' || lpad(to_hex(g), 12, '0'), 'J' || lpad(g::text, greatest(4, length(g::text)), '0'), 'DRAFT', c.id, b.id, t.id, t.tree_number, 'Job ' || g, g || ' Elm Street'
       FROM generate_series(1, ${jobs}) g
       JOIN c ON c.n = 1 + (g - 1) / 5
       JOIN b ON b.n = 1 + (g - 1) % ${payers}
       JOIN t ON t.customer_id = c.id AND t.tree_number = 1 + (g - 1) % 5`,
  );
  await step('change log: jobs created', `INSERT INTO job_changes (job_id, source) SELECT id, 'job' FROM jobs`);
  await step(
    `${jobs} review rounds`,
    `WITH r AS (
       INSERT INTO job_rounds (job_id, round_number, round_id, status, server_revision_id, review_payload)
       SELECT id, 1, 'round_1', 'REVIEW_RETURNED', 'rev_round_1_1', jsonb_build_object('transcript', 'words words words', 'form', '{}'::jsonb) FROM jobs
       RETURNING job_id)
     INSERT INTO job_changes (job_id, source) SELECT job_id, 'round' FROM r`,
  );
  await step(
    `${jobs * 10} audit rows`,
    `INSERT INTO job_events (job_id, event_type, actor_identity, payload)
     SELECT j.id, 'job_updated', 'admin', '{"changes":{}}'::jsonb FROM jobs j, generate_series(1, 10)`,
  );
  // Four more transactions each change a different quarter-and-a-bit of the jobs: the log holds several changes per job.
  for (let k = 0; k < 4; k++) {
    await step(`change batch ${k + 1}/4`, `WITH u AS (
         UPDATE jobs SET status = 'REVIEW_RETURNED', latest_round_id = 'round_1', latest_round_status = 'REVIEW_RETURNED', updated_at = now()
          WHERE (hashtext(job_id) & 7) IN (${2 * k}, ${2 * k + 1}, ${(2 * k + 3) % 8}) RETURNING id)
       INSERT INTO job_changes (job_id, source) SELECT id, 'job' FROM u`);
  }
  await step(
    'newest change per job',
    `INSERT INTO job_latest_changes (job_id, change_xid, seq, created_at)
     SELECT DISTINCT ON (job_id) job_id, change_xid, seq, created_at FROM job_changes ORDER BY job_id, change_xid DESC, seq DESC`,
  );
  await step(
    'counters',
    `UPDATE runtime_counters SET current_value = CASE counter_key WHEN 'job_number' THEN ${jobs} WHEN 'customer_code' THEN ${customers} ELSE ${payers} END`,
  );
  await step('VACUUM ANALYZE', 'VACUUM ANALYZE');
}
