import type { PoolClient } from '../db/pool.js';
import { lockCustomer } from '../queries/customers.queries.js';
import { insertNextTree, upsertTree } from '../queries/trees.queries.js';
import { problems } from './problems.js';

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const MAX_TREE_NUMBER = 2_147_483_647;

/**
 * Whether a requested tree number is one we read (the request schemas refuse the rest with
 * a 422 before anything is allocated): a whole number up to the int4 maximum, as a number or
 * a digit string (a sign allowed), the words one…ten, or blank.
 */
export function isTreeNumberInput(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value <= MAX_TREE_NUMBER;
  if (typeof value !== 'string') return false;
  const s = value.trim().toLowerCase();
  return s === '' || (/^-?\d+$/.test(s) && Number(s) <= MAX_TREE_NUMBER) || Object.hasOwn(WORDS, s);
}

/**
 * A requested tree number (data-model §2.1): a positive int, a digit string or
 * the words one…ten; zero, negatives and blanks count as absent.
 */
export function parseTreeNumber(value: unknown): number | null {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const s = value.trim().toLowerCase();
    n = /^\d+$/.test(s) ? Number(s) : WORDS[s];
  }
  return n !== undefined && Number.isSafeInteger(n) && n > 0 && n <= MAX_TREE_NUMBER ? n : null;
}

export interface TreeRef {
  id: string;
  tree_number: number;
}

/**
 * The customer's tree `requested` (reused or created), or a new one numbered
 * max + 1. The customer row is locked first, so concurrent allocations for
 * one customer queue rather than collide.
 */
export async function resolveTree(tx: PoolClient, customerId: string, requested: number | null): Promise<TreeRef> {
  // The customer may have been merged away while this transaction waited for its lock.
  if ((await lockCustomer.run({ id: customerId }, tx)).length === 0) throw problems.customerNotFound(customerId);
  const [tree] = requested
    ? await upsertTree.run({ customerId, treeNumber: requested }, tx)
    : await insertNextTree.run({ customerId }, tx);
  return tree!;
}
