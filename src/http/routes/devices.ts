import { z } from 'zod';
import {
  adminIssueToken,
  approveDevice,
  DEVICE_ROLES,
  DEVICE_STATUSES,
  deviceStatus,
  listDevices,
  MAX_TOKEN_TTL_SECONDS,
  registerDevice,
  requestToken,
  revokeDevice,
} from '../../domain/devices.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { boundedObject, boundedText } from '../fields.js';
import { rateLimit } from '../middleware/rate-limit.js';

const DeviceStatus = z.enum(DEVICE_STATUSES);
const DeviceRole = z.enum(DEVICE_ROLES);
const Time = z.string().describe('UTC, seconds precision: 2026-03-24T18:31:00Z');

const DeviceId = boundedText(128, { trim: true }).describe('Chosen by the device; blank is refused with 400');
const DeviceSecret = boundedText(128)
  .nullish()
  .describe('The device_secret returned by the first register-device; proves the caller is that device');
const TtlSeconds = z
  .number()
  .int()
  .max(MAX_TOKEN_TTL_SECONDS)
  .nullish()
  .describe('Token lifetime in seconds: missing, null or 0 means 604800 (7 days); below 60 is raised to 60');

const RegisterRequest = z.object({
  device_id: DeviceId,
  device_name: boundedText(255, { trim: true }).nullish(),
  app_version: boundedText(64, { trim: true }).nullish(),
  profile_summary: boundedObject(16_384).nullish(),
  device_secret: DeviceSecret.describe(
    'Only for a repeated registration: with the secret, name, version and summary are updated; without it nothing changes',
  ),
});

const RegisterResponse = z.object({
  ok: z.literal(true),
  device_id: z.string(),
  status: DeviceStatus,
  role: DeviceRole,
  device_secret: z
    .string()
    .optional()
    .describe('Only in the answer to the first registration of a device_id: keep it, it is never shown again'),
});

const StatusResponse = z.object({
  ok: z.literal(true),
  device_id: z.string(),
  status: z.enum([...DEVICE_STATUSES, 'not_registered']),
  role: DeviceRole.optional(),
  updated_at: Time.optional(),
});

const TokenRequest = z.object({ device_id: DeviceId, ttl_seconds: TtlSeconds, device_secret: DeviceSecret });

const TokenResponse = z.object({
  ok: z.literal(true),
  access_token: z.string().describe('Send as x-api-key (or Authorization: Bearer); shown only here'),
  token_type: z.literal('bearer'),
  expires_at: Time,
  device_id: z.string(),
  role: DeviceRole,
});

const Device = z.object({
  device_id: z.string(),
  device_name: z.string().nullable(),
  app_version: z.string().nullable(),
  status: DeviceStatus,
  role: DeviceRole,
  created_at: Time,
  updated_at: Time,
  approved_at: Time.nullable(),
  revoked_at: Time.nullable(),
  last_seen_at: Time.nullable(),
  profile_summary: z.record(z.string(), z.unknown()),
});

const DeviceList = z.object({ ok: z.literal(true), devices: z.array(Device) });
const DeviceReply = z.object({ ok: z.literal(true), device: Device });
const DevicePath = z.object({ device_id: z.string() });

export function deviceRoutes(api: Api, deps: AppDeps) {
  const perMinute = deps.config.authRateLimitPerMinute;

  api.route({
    method: 'post',
    path: '/v1/auth/register-device',
    tag: 'auth',
    summary: 'Register a device (pending until an admin approves it)',
    auth: 'none',
    before: [rateLimit(deps.pool, { scope: 'register-device', perMinute })],
    body: RegisterRequest,
    response: RegisterResponse,
    handler: async (_ctx, { body }) => registerDevice(deps.pool, body),
  });

  api.route({
    method: 'get',
    path: '/v1/auth/device/:device_id/status',
    tag: 'auth',
    summary: 'Registration status of a device',
    auth: 'none',
    params: DevicePath,
    response: StatusResponse,
    handler: async (_ctx, { params }) => deviceStatus(deps.pool, params.device_id),
  });

  api.route({
    method: 'post',
    path: '/v1/auth/token',
    tag: 'auth',
    summary: 'Issue a token to an approved device (with its device_secret, or once inside the pairing window)',
    auth: 'none',
    before: [rateLimit(deps.pool, { scope: 'token', perMinute })],
    body: TokenRequest,
    response: TokenResponse,
    handler: async (_ctx, { body }) => requestToken(deps.pool, body, deps.config.pairingWindowSeconds),
  });

  api.route({
    method: 'get',
    path: '/v1/admin/devices',
    tag: 'admin devices',
    summary: 'List devices, oldest first',
    auth: 'admin',
    query: z.object({ status: z.string().optional().describe('pending, approved or revoked (anything else: 400)') }),
    response: DeviceList,
    handler: async (_ctx, { query }) => listDevices(deps.pool, query.status),
  });

  api.route({
    method: 'get',
    path: '/v1/admin/devices/pending',
    tag: 'admin devices',
    summary: 'List devices waiting for approval',
    auth: 'admin',
    response: DeviceList,
    handler: async () => listDevices(deps.pool, 'pending'),
  });

  api.route({
    method: 'post',
    path: '/v1/admin/devices/:device_id/approve',
    tag: 'admin devices',
    summary: 'Approve a device with a role (from any status; reopens the pairing window)',
    auth: 'admin',
    params: DevicePath,
    body: z.object({ role: boundedText(64).nullish().describe('arborist (default) or admin') }).nullish(),
    response: DeviceReply,
    handler: async (_ctx, { params, body, principal }) => approveDevice(deps.pool, principal, params.device_id, body?.role),
  });

  api.route({
    method: 'post',
    path: '/v1/admin/devices/:device_id/revoke',
    tag: 'admin devices',
    summary: 'Revoke a device and every token it holds',
    auth: 'admin',
    params: DevicePath,
    response: DeviceReply,
    handler: async (_ctx, { params, principal }) => revokeDevice(deps.pool, principal, params.device_id),
  });

  api.route({
    method: 'post',
    path: '/v1/admin/devices/:device_id/issue-token',
    tag: 'admin devices',
    summary: 'Issue a token for an approved device (revokes its earlier tokens)',
    auth: 'admin',
    params: DevicePath,
    body: z.object({ ttl_seconds: TtlSeconds }).nullish(),
    response: TokenResponse,
    handler: async (_ctx, { params, body, principal }) => adminIssueToken(deps.pool, principal, params.device_id, body?.ttl_seconds),
  });
}
