import type { PoolClient } from '../db/pool.js';
import { lockCounter, nextBillingCode, nextCustomerCode, nextJobNumber } from '../queries/counters.queries.js';

export type CounterKey = 'job_number' | 'customer_code' | 'billing_code';

/** `J0001`, `C0042`, `J10000`: prefix and at least four digits, never truncated. */
export const formatCode = (prefix: string, n: number) => `${prefix}${String(n).padStart(4, '0')}`;

/**
 * Locks a counter row until the transaction ends (decision 7). Callers take
 * counters in the order customer_code, billing_code, job_number so that
 * concurrent creates queue instead of deadlocking.
 */
export async function lockCounterRow(tx: PoolClient, key: CounterKey): Promise<void> {
  const rows = await lockCounter.run({ counterKey: key }, tx);
  if (rows.length === 0) throw new Error(`runtime_counters has no ${key} row`);
}

const next = { job_number: nextJobNumber, customer_code: nextCustomerCode, billing_code: nextBillingCode };
const prefix = { job_number: 'J', customer_code: 'C', billing_code: 'B' };

/** The next code: max(counter, largest existing suffix) + 1, allocated under the row lock in the caller's transaction. */
export async function allocateCode(tx: PoolClient, key: CounterKey): Promise<string> {
  await lockCounterRow(tx, key);
  const [row] = await next[key].run(undefined, tx);
  return formatCode(prefix[key], row!.value);
}
