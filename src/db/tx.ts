import type { Pool, PoolClient } from './pool.js';

async function inTransaction<T>(pool: Pool, begin: string, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Runs `work` inside one transaction on one connection: COMMIT when it
 * resolves, ROLLBACK when it throws. Every write request goes through here,
 * so the state change and its job_events row land together or not at all.
 */
export const withTransaction = <T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> => inTransaction(pool, 'BEGIN', work);

/**
 * Runs `read` in one REPEATABLE READ, READ ONLY transaction: every query sees
 * the same snapshot (the export feed relies on it to pair its data with the
 * snapshot's transaction horizon).
 */
export const withSnapshot = <T>(pool: Pool, read: (tx: PoolClient) => Promise<T>): Promise<T> =>
  inTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', read);
