/**
 * Devices: registration, approval, revocation and token issue (api.md §1.4,
 * §1.5, §2.2, §2.13; decisions 1 and 2). Secrets and tokens are 32 random
 * bytes, base64url; only their SHA-256 is stored, the plaintext leaves in the
 * one response that creates it.
 */
import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from '../db/pool.js';
import { withTransaction } from '../db/tx.js';
import { safeEqual, sha256Hex } from './principal.js';
import { problems } from './problems.js';
import {
  approveDevice as approveDeviceRow,
  findDevice,
  findDeviceStatus,
  insertDevice,
  insertDeviceToken,
  listDevices as listDeviceRows,
  lockDevice,
  markSecretPresented,
  markTokenIssued,
  revokeDevice as revokeDeviceRow,
  revokeDeviceTokens,
  updateDeviceDescription,
  type device_role,
  type device_status,
  type ILockDeviceResult,
  type Json,
} from '../queries/devices.queries.js';
import { recordEvent, type Actor } from './events.js';
import { isoSeconds } from './time.js';

export const DEVICE_STATUSES = ['pending', 'approved', 'revoked'] as const satisfies readonly device_status[];
export const DEVICE_ROLES = ['arborist', 'admin'] as const satisfies readonly device_role[];

export const DEFAULT_TOKEN_TTL_SECONDS = 604_800;
export const MIN_TOKEN_TTL_SECONDS = 60;
/** Longest TTL accepted (10 years); keeps now() + ttl far inside PostgreSQL's range. */
export const MAX_TOKEN_TTL_SECONDS = 315_360_000;

const newSecret = () => randomBytes(32).toString('base64url');

/** Trimmed, with blank meaning absent (api.md §2.2). */
const present = (s: string | null | undefined) => {
  const t = s?.trim();
  return t ? t : null;
};

/** An unauthenticated device acting on its own row is named by the id it claims. */
const selfActor = (deviceId: string, devicePk: string): Actor => ({ identity: `device:${deviceId}`, devicePk });

export interface RegisterInput {
  device_id: string;
  device_name?: string | null;
  app_version?: string | null;
  profile_summary?: Record<string, unknown> | null;
  device_secret?: string | null;
}

/**
 * First registration creates a pending arborist device and returns its
 * one-time secret. Registering an existing id never changes status, role or
 * secret; it updates the name, version and summary only when the request
 * proves it is that device (its secret), since anyone may call this route.
 */
export async function registerDevice(pool: Pool, input: RegisterInput) {
  const deviceId = present(input.device_id);
  if (!deviceId) throw problems.deviceIdRequired();
  const deviceName = present(input.device_name);
  const appVersion = present(input.app_version);
  const summary = input.profile_summary ?? null;
  return withTransaction(pool, async (tx) => {
    const secret = newSecret();
    const [created] = await insertDevice.run(
      { deviceId, deviceName, appVersion, profileSummary: JSON.stringify(summary ?? {}), secretHash: sha256Hex(secret) },
      tx,
    );
    if (created) {
      await recordEvent(tx, {
        type: 'device_registered',
        actor: selfActor(deviceId, created.id),
        devicePk: created.id,
        payload: { device_id: deviceId, device_name: deviceName, app_version: appVersion },
      });
      return { ok: true as const, device_id: deviceId, status: created.status, role: created.role, device_secret: secret };
    }

    const device = (await lockDevice.run({ deviceId, pairingWindowSeconds: 0 }, tx))[0]!;
    const given = present(input.device_secret);
    if (given !== null) {
      await requireSecret(tx, device, given);
      const profileSummary = summary && Object.keys(summary).length > 0 ? JSON.stringify(summary) : null;
      const updated = [
        ...(deviceName !== null ? ['device_name'] : []),
        ...(appVersion !== null ? ['app_version'] : []),
        ...(profileSummary !== null ? ['profile_summary'] : []),
      ];
      if (updated.length > 0) {
        await updateDeviceDescription.run({ id: device.id, deviceName, appVersion, profileSummary }, tx);
        await recordEvent(tx, {
          type: 'device_registered',
          actor: selfActor(deviceId, device.id),
          devicePk: device.id,
          payload: { device_id: deviceId, re_registration: true, updated, device_name: deviceName, app_version: appVersion },
        });
      }
    }
    return { ok: true as const, device_id: deviceId, status: device.status, role: device.role };
  });
}

/** The secret must match; once it has, the secret-less pairing path never serves this device again (issue #11 item 9). */
async function requireSecret(tx: PoolClient, device: ILockDeviceResult, secret: string) {
  if (!device.secret_hash || !safeEqual(sha256Hex(secret), device.secret_hash)) throw problems.deviceSecretInvalid();
  await markSecretPresented.run({ id: device.id }, tx);
}

/** The public status read: never reveals more than status and role. */
export async function deviceStatus(pool: Pool, deviceIdAsGiven: string) {
  const deviceId = deviceIdAsGiven.trim();
  const [row] = deviceId ? await findDeviceStatus.run({ deviceId }, pool) : [];
  if (!row) return { ok: true as const, device_id: deviceIdAsGiven, status: 'not_registered' as const };
  return { ok: true as const, device_id: row.device_id, status: row.status, role: row.role, updated_at: isoSeconds(row.updated_at)! };
}

/** api.md §1.5: missing, null or 0 means 7 days; anything below 60 s is raised to 60 s. */
export function effectiveTtl(ttl: number | null | undefined): number {
  if (ttl === undefined || ttl === null || ttl === 0) return DEFAULT_TOKEN_TTL_SECONDS;
  return Math.max(MIN_TOKEN_TTL_SECONDS, ttl);
}

type IssuedVia = 'device_secret' | 'pairing' | 'admin';

/** Rotates: every earlier live token of the device is revoked in the same transaction. */
async function issueToken(tx: PoolClient, device: ILockDeviceResult, ttl: number | null | undefined, via: IssuedVia, actor: Actor) {
  const ttlSeconds = effectiveTtl(ttl);
  const token = newSecret();
  const replaced = await revokeDeviceTokens.run({ devicePk: device.id }, tx);
  const [row] = await insertDeviceToken.run({ tokenHash: sha256Hex(token), devicePk: device.id, role: device.role, ttlSeconds }, tx);
  await markTokenIssued.run({ id: device.id }, tx);
  const expiresAt = isoSeconds(row!.expires_at)!;
  await recordEvent(tx, {
    type: 'token_issued',
    actor,
    devicePk: device.id,
    payload: { device_id: device.device_id, via, role: device.role, ttl_seconds: ttlSeconds, expires_at: expiresAt, tokens_revoked: replaced.length },
  });
  return { ok: true as const, access_token: token, token_type: 'bearer' as const, expires_at: expiresAt, device_id: device.device_id, role: device.role };
}

export interface TokenInput {
  device_id: string;
  ttl_seconds?: number | null;
  device_secret?: string | null;
}

/**
 * POST /v1/auth/token (decision 2): an approved device gets a token with its
 * secret; a client that predates secrets gets one token per approval, inside
 * the pairing window that the approval opened. The window serves only a
 * device that never presented its secret, and any token issued for the
 * approval (secret, pairing or admin) closes it, so knowing a paired
 * device's public id is never enough to take it over.
 */
export async function requestToken(pool: Pool, input: TokenInput, pairingWindowSeconds: number) {
  const deviceId = present(input.device_id);
  if (!deviceId) throw problems.deviceIdRequired();
  return withTransaction(pool, async (tx) => {
    const [device] = await lockDevice.run({ deviceId, pairingWindowSeconds }, tx);
    if (!device) throw problems.deviceNotFound();
    if (device.status !== 'approved') throw problems.deviceStatusIs(device.status);
    const secret = present(input.device_secret);
    let via: IssuedVia;
    if (secret !== null) {
      await requireSecret(tx, device, secret);
      via = 'device_secret';
    } else if (device.pairing_open) {
      via = 'pairing';
    } else {
      throw problems.deviceSecretRequired();
    }
    return issueToken(tx, device, input.ttl_seconds, via, selfActor(device.device_id, device.id));
  });
}

async function lockForAdmin(tx: PoolClient, deviceIdAsGiven: string) {
  const [device] = await lockDevice.run({ deviceId: deviceIdAsGiven.trim(), pairingWindowSeconds: 0 }, tx);
  if (!device) throw problems.deviceNotFound(deviceIdAsGiven);
  return device;
}

type DeviceRow = Awaited<ReturnType<typeof findDevice.run>>[number];

/** The device object of admin answers (api.md §1.4). */
export function serializeDevice(d: DeviceRow) {
  return {
    device_id: d.device_id,
    device_name: d.device_name,
    app_version: d.app_version,
    status: d.status,
    role: d.role,
    created_at: isoSeconds(d.created_at)!,
    updated_at: isoSeconds(d.updated_at)!,
    approved_at: isoSeconds(d.approved_at),
    revoked_at: isoSeconds(d.revoked_at),
    last_seen_at: isoSeconds(d.last_seen_at),
    profile_summary: d.profile_summary as Record<string, Json>,
  };
}

const reload = async (tx: PoolClient, devicePk: string) => serializeDevice((await findDevice.run({ id: devicePk }, tx))[0]!);

/** `status` as given in the query string; blank means all. */
export async function listDevices(pool: Pool, status: string | undefined) {
  const wanted = present(status);
  if (wanted !== null && !(DEVICE_STATUSES as readonly string[]).includes(wanted)) throw problems.invalidDeviceStatus(wanted);
  const rows = await listDeviceRows.run({ status: wanted as device_status | null }, pool);
  return { ok: true as const, devices: rows.map(serializeDevice) };
}

/**
 * From any status: approved with the role, approved_at now, revoked_at and
 * pairing_used_at cleared (a fresh pairing window). The role applies to the
 * device's live token at once, because authentication reads it from the row.
 */
export async function approveDevice(pool: Pool, actor: Actor, deviceId: string, roleGiven: string | null | undefined) {
  const role = present(roleGiven) ?? 'arborist';
  if (!(DEVICE_ROLES as readonly string[]).includes(role)) throw problems.invalidDeviceRole(role);
  return withTransaction(pool, async (tx) => {
    const device = await lockForAdmin(tx, deviceId);
    await approveDeviceRow.run({ id: device.id, role: role as device_role }, tx);
    await recordEvent(tx, {
      type: 'device_approved',
      actor,
      devicePk: device.id,
      payload: { device_id: device.device_id, role, previous_status: device.status, previous_role: device.role },
    });
    return { ok: true as const, device: await reload(tx, device.id) };
  });
}

/** Revoked, and every token of the device with it; job assignments stay (api.md §1.4). */
export async function revokeDevice(pool: Pool, actor: Actor, deviceId: string) {
  return withTransaction(pool, async (tx) => {
    const device = await lockForAdmin(tx, deviceId);
    await revokeDeviceRow.run({ id: device.id }, tx);
    const tokens = await revokeDeviceTokens.run({ devicePk: device.id }, tx);
    await recordEvent(tx, {
      type: 'device_revoked',
      actor,
      devicePk: device.id,
      payload: { device_id: device.device_id, previous_status: device.status, tokens_revoked: tokens.length },
    });
    return { ok: true as const, device: await reload(tx, device.id) };
  });
}

/** An admin mints a token for an approved device (to hand over out of band); no secret needed. */
export async function adminIssueToken(pool: Pool, actor: Actor, deviceId: string, ttl: number | null | undefined) {
  return withTransaction(pool, async (tx) => {
    const device = await lockForAdmin(tx, deviceId);
    if (device.status !== 'approved') throw problems.deviceNotApproved();
    return issueToken(tx, device, ttl, 'admin', actor);
  });
}
