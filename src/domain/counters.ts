import type { PoolClient } from '../db/pool.js';
import { allocateCode as allocate, claimJobNumber } from '../queries/counters.queries.js';

export type CounterKey = 'job_number' | 'customer_code' | 'billing_code';

/** `J0001`, `C0042`, `J10000`: prefix and at least four digits, never truncated. */
export const formatCode = (prefix: string, n: number) => `${prefix}${String(n).padStart(4, '0')}`;

const prefix = { job_number: 'J', customer_code: 'C', billing_code: 'B' };

/**
 * The next code, from one statement that locks and bumps the counter row
 * (decision 7). The lock is held until the transaction ends, so call this as
 * the last step before the insert that uses the code, never early.
 */
export async function allocateCode(tx: PoolClient, key: CounterKey): Promise<string> {
  const [row] = await allocate.run({ counterKey: key }, tx);
  if (!row) throw new Error(`runtime_counters has no ${key} row`);
  return formatCode(prefix[key], row.value);
}

/** An explicitly numbered job: locks the job_number counter and raises it to `value` (device creates continue after it). */
export async function claimJobNumberValue(tx: PoolClient, value: number): Promise<void> {
  const rows = await claimJobNumber.run({ value }, tx);
  if (rows.length === 0) throw new Error('runtime_counters has no job_number row');
}
