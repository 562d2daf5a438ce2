/**
 * The arborist profile printed on report letters, one per caller identity
 * (api.md §2.3): `device:<device_id>` for a device, `admin` for the admin key
 * (never the key itself). PUT is a full replacement.
 */
import type { Pool } from '../db/pool.js';
import { withTransaction } from '../db/tx.js';
import type { Principal } from './principal.js';
import { findProfile, upsertProfile, type Json } from '../queries/profiles.queries.js';
import { PROFILE_KEYS, type Profile } from '../documents/types.js';
import { recordEvent } from './events.js';

export { PROFILE_KEYS };
export type { Profile };
export type ProfileKey = (typeof PROFILE_KEYS)[number];

/** Always all 8 keys; anything absent or not a string reads as null. */
function normalize(stored: Json | Partial<Record<ProfileKey, string | null | undefined>> | undefined): Profile {
  const source = stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const out = {} as Profile;
  for (const key of PROFILE_KEYS) {
    const v = source[key];
    out[key] = typeof v === 'string' ? v : null;
  }
  return out;
}

export async function getProfile(pool: Pool, principal: Principal): Promise<Profile> {
  const [row] = await findProfile.run({ identityKey: principal.identity }, pool);
  return normalize(row?.profile_payload);
}

export async function putProfile(pool: Pool, principal: Principal, given: Partial<Record<ProfileKey, string | null | undefined>>): Promise<Profile> {
  const profile = normalize(given);
  return withTransaction(pool, async (tx) => {
    const [row] = await upsertProfile.run({ identityKey: principal.identity, payload: JSON.stringify(profile) }, tx);
    // The values are personal data, not secrets; the audit row names only which fields are set.
    await recordEvent(tx, {
      type: 'profile_updated',
      actor: principal,
      payload: { identity: principal.identity, fields_set: PROFILE_KEYS.filter((k) => profile[k] !== null) },
    });
    return normalize(row!.profile_payload);
  });
}
