import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from '../db/pool.js';
import { withTransaction } from '../db/tx.js';
import { Problem } from './problems.js';
import { findIdempotencyKey, lockIdempotencyKey, saveIdempotencyKey } from '../queries/idempotency.queries.js';

/** How long a first answer is replayed (24 h, as api.md §8.3 recommends). */
export const REPLAY_WINDOW_SECONDS = 24 * 3600;
const MAX_KEY_LENGTH = 255;

export interface IdempotentRequest {
  /** The Idempotency-Key header, if the client sent one. */
  key: string | undefined;
  /** Who and which endpoint: `${principal.identity} POST /v1/jobs`. */
  scope: string;
  /** What was asked (path params and body); a reused key with other content is refused. */
  request: unknown;
}

/**
 * Runs `create` in one transaction. With an Idempotency-Key, the first answer
 * is stored in that same transaction and every retry within the window gets
 * it back without running `create` again; concurrent retries wait for the
 * first (advisory lock on the key) and then replay it.
 */
export async function idempotentCreate<T>(pool: Pool, req: IdempotentRequest, create: (tx: PoolClient) => Promise<T>): Promise<T> {
  const key = req.key?.trim();
  if (!key) return withTransaction(pool, create);
  if (key.length > MAX_KEY_LENGTH) throw new Problem(422, 'idempotency_key_invalid', `Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters`);
  const requestHash = createHash('sha256').update(JSON.stringify(req.request ?? null)).digest('hex');
  return withTransaction(pool, async (tx) => {
    await lockIdempotencyKey.run({ scope: req.scope, key }, tx);
    const [seen] = await findIdempotencyKey.run({ scope: req.scope, key, windowSeconds: REPLAY_WINDOW_SECONDS }, tx);
    if (seen) {
      if (seen.request_hash !== requestHash) {
        throw new Problem(422, 'idempotency_key_reused', 'Idempotency-Key was already used for a different request');
      }
      return seen.response_body as T;
    }
    const result = await create(tx);
    await saveIdempotencyKey.run({ scope: req.scope, key, requestHash, status: 200, body: JSON.stringify(result) }, tx);
    return result;
  });
}
