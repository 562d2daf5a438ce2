import { z } from 'zod';
import { getProfile, PROFILE_KEYS, putProfile, type ProfileKey } from '../../domain/profiles.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { boundedText } from '../fields.js';

/** Longest accepted value of each profile field (422 above). */
const LIMITS: Record<ProfileKey, number> = {
  name: 255,
  phone: 64,
  isa_number: 64,
  correspondence_street: 255,
  correspondence_city: 128,
  correspondence_state: 64,
  correspondence_zip: 32,
  correspondence_email: 254,
};

const entries = <T extends z.ZodType>(field: (key: ProfileKey) => T) =>
  Object.fromEntries(PROFILE_KEYS.map((k) => [k, field(k)])) as Record<ProfileKey, T>;

/** Unknown keys are ignored (stripped); an omitted key is stored as null. */
const ProfilePayload = z.object(entries((k) => boundedText(LIMITS[k]).nullish()));
const ProfileReply = z.object(entries(() => z.string().nullable()));

export function profileRoutes(api: Api, deps: AppDeps) {
  api.route({
    method: 'get',
    path: '/v1/profile',
    tag: 'profile',
    summary: "The caller's profile (all 8 keys, null when unset)",
    auth: 'any',
    response: ProfileReply,
    handler: async (_ctx, { principal }) => getProfile(deps.pool, principal),
  });

  api.route({
    method: 'put',
    path: '/v1/profile',
    tag: 'profile',
    summary: "Replace the caller's profile (omitted keys become null)",
    auth: 'any',
    body: ProfilePayload,
    response: ProfileReply,
    handler: async (_ctx, { principal, body }) => putProfile(deps.pool, principal, body),
  });
}
