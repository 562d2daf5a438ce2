import type { Pool } from '../../src/db/pool.js';

/** Puts a round row on a job and makes it the latest, as the round endpoints would (for lock-matrix tests). */
export async function setLatestRound(
  pool: Pool,
  jobPk: string,
  options: { n?: number; status: string; jobStatus?: string; serverRevisionId?: string | null; reviewPayload?: unknown },
): Promise<string> {
  const n = options.n ?? 1;
  const roundId = `round_${n}`;
  await pool.query(
    `INSERT INTO job_rounds (job_id, round_number, round_id, status, server_revision_id, review_payload, failure_reason)
     VALUES ($1, $2, $3, $4::round_status, $5, $6, CASE WHEN $4::round_status = 'FAILED' THEN 'test failure' END)
     ON CONFLICT (job_id, round_id) DO UPDATE SET status = EXCLUDED.status, failure_reason = EXCLUDED.failure_reason`,
    [jobPk, n, roundId, options.status, options.serverRevisionId ?? null, options.reviewPayload === undefined ? null : JSON.stringify(options.reviewPayload)],
  );
  await pool.query(`UPDATE jobs SET status = $2::job_status, latest_round_id = $3, latest_round_status = $4::round_status WHERE id = $1`, [
    jobPk,
    options.jobStatus ?? options.status,
    roundId,
    options.status,
  ]);
  return roundId;
}
