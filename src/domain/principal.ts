/**
 * Who is calling, and how a credential becomes a principal. Below src/http, like the errors in
 * problems.ts: the domain checks principals and throws problems without knowing about HTTP.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Pool } from '../db/pool.js';
import { findTokenPrincipal } from '../queries/auth.queries.js';
import type { device_role } from '../queries/auth.queries.js';
import { problems } from './problems.js';

/** Who is calling: the holder of the server admin key, or an approved device with a live token. */
export type Principal =
  | { kind: 'admin_key'; role: 'admin'; isAdmin: true; deviceId: null; devicePk: null; identity: 'admin' }
  | { kind: 'device'; role: device_role; isAdmin: boolean; deviceId: string; devicePk: string; identity: `device:${string}` };

export const ADMIN_KEY_PRINCIPAL: Principal = {
  kind: 'admin_key',
  role: 'admin',
  isAdmin: true,
  deviceId: null,
  devicePk: null,
  identity: 'admin',
};

export const sha256Hex = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/** Constant-time string comparison (hashes first, so lengths never leak). */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/**
 * Resolves a credential to a principal, or throws 401. Device tokens are
 * looked up by hash and joined to their device, so a revoked device or a
 * changed role takes effect on the very next request.
 */
export async function authenticate(pool: Pool, adminKey: string, credential: string | undefined): Promise<Principal> {
  if (!credential) throw problems.invalidCredentials();
  if (safeEqual(credential, adminKey)) return ADMIN_KEY_PRINCIPAL;
  const [row] = await findTokenPrincipal.run({ tokenHash: sha256Hex(credential) }, pool);
  if (!row) throw problems.invalidCredentials();
  return {
    kind: 'device',
    role: row.role,
    isAdmin: row.role === 'admin',
    deviceId: row.device_id,
    devicePk: row.device_pk,
    identity: `device:${row.device_id}`,
  };
}
