import type { PoolClient } from '../db/pool.js';
import type { Principal } from './principal.js';
import { insertJobEvent, type event_type } from '../queries/events.queries.js';

export type EventType = event_type;

/**
 * Who to name in job_events.actor_identity: `device:<id>`, `admin`, or `system` for workers.
 * Any Principal fits; so does an unauthenticated device acting on its own row (registration, token).
 */
export type Actor = Pick<Principal, 'identity' | 'devicePk'> | 'system';

export const actorIdentity = (actor: Actor): string => (actor === 'system' ? 'system' : actor.identity);

/**
 * Appends one audit row. Call it with the transaction that makes the change,
 * so the change and its record commit together. The payload must never hold
 * a secret (tokens, device secrets, keys).
 */
export async function recordEvent(
  tx: PoolClient,
  event: { type: EventType; actor: Actor; jobPk?: string | null; devicePk?: string | null; payload?: Record<string, unknown> },
): Promise<void> {
  await insertJobEvent.run(
    {
      jobPk: event.jobPk ?? null,
      devicePk: event.devicePk ?? (event.actor !== 'system' ? event.actor.devicePk : null),
      eventType: event.type,
      actor: actorIdentity(event.actor),
      payload: JSON.stringify(event.payload ?? {}),
    },
    tx,
  );
}
