/**
 * Console sessions: the admin key is exchanged once for a random session token
 * that lives only in an HttpOnly, SameSite=Strict cookie. PostgreSQL keeps its
 * SHA-256 (any server process sharing the database accepts it), a per-session
 * CSRF token the forms post back, and the fingerprint of the admin key in
 * force, so a rotated key ends the sessions opened with the old one.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import type { Pool } from '../db/pool.js';
import { safeEqual, sha256Hex } from '../domain/principal.js';
import {
  deleteConsoleSession,
  deleteExpiredConsoleSessions,
  insertConsoleSession,
  touchConsoleSession,
} from '../queries/console.queries.js';

export const SESSION_COOKIE = 'traq_console';
/** Fixed lifetime: an operator signs in again after a working day at most. */
export const SESSION_TTL_SECONDS = 8 * 3600;

export interface ConsoleSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

const token = () => randomBytes(32).toString('hex');

/** True when `given` is the admin key (constant time); device tokens of any role are not. */
export const isAdminKey = (adminKey: string, given: string) => given !== '' && safeEqual(given, adminKey);

/** Opens a session for the admin key and sets its cookie; expired sessions are swept on the way. */
export async function openSession(ctx: Context, pool: Pool, adminKey: string): Promise<void> {
  await deleteExpiredConsoleSessions.run(undefined, pool);
  const value = token();
  const [row] = await insertConsoleSession.run(
    {
      tokenHash: sha256Hex(value),
      csrfToken: token(),
      keyFingerprint: sha256Hex(adminKey),
      userAgent: (ctx.get('user-agent') || '').slice(0, 512) || null,
      ttlSeconds: SESSION_TTL_SECONDS,
    },
    pool,
  );
  ctx.cookies.set(SESSION_COOKIE, value, {
    path: '/console',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.secure,
    expires: row!.expires_at,
    overwrite: true,
    signed: false,
  });
}

/** The live session the request's cookie names, or null. */
export async function currentSession(ctx: Context, pool: Pool, adminKey: string): Promise<ConsoleSession | null> {
  const value = ctx.cookies.get(SESSION_COOKIE, { signed: false });
  if (!value || !/^[0-9a-f]{64}$/.test(value)) return null;
  const [row] = await touchConsoleSession.run({ tokenHash: sha256Hex(value), keyFingerprint: sha256Hex(adminKey) }, pool);
  return row ? { id: row.id, csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
}

/** Ends the request's session (the row goes, the cookie is cleared). */
export async function closeSession(ctx: Context, pool: Pool): Promise<void> {
  const value = ctx.cookies.get(SESSION_COOKIE, { signed: false });
  if (value && /^[0-9a-f]{64}$/.test(value)) await deleteConsoleSession.run({ tokenHash: sha256Hex(value) }, pool);
  ctx.cookies.set(SESSION_COOKIE, '', { path: '/console', httpOnly: true, sameSite: 'strict', secure: ctx.secure, maxAge: 0, overwrite: true });
}

/** Whether a posted CSRF token is the session's (constant time). */
export const csrfMatches = (session: ConsoleSession, posted: string | null) => posted !== null && posted !== '' && safeEqual(posted, session.csrfToken);
